package cn.elderguard.campaign;

import java.time.Instant;
import java.time.LocalDate;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/** A recorded pledge letter: the institution, the unit that recorded it, and its signed scan once uploaded (else null). */
public record Pledge(long id, long institutionId, String institutionName, Agency agency, RegionCode jurisdiction, String unitName,
                     LocalDate signedOn, String recordedBy, Instant recordedAt, CampaignFile scan) {

    /** The unit that recorded it (not a JSON field: Jackson reads only the components). */
    UnitKey unit() {
        return new UnitKey(agency, jurisdiction);
    }

    Pledge with(String name, CampaignFile file) {
        return new Pledge(id, institutionId, name, agency, jurisdiction, unitName, signedOn, recordedBy, recordedAt, file);
    }
}
