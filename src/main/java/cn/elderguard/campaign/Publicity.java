package cn.elderguard.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/** A recorded publicity activity with its unit and photos. */
public record Publicity(long id, Agency agency, RegionCode jurisdiction, String unitName, LocalDate heldOn, String place,
                        PublicityForm form, String formLabel, int materialsHandedOut, int peopleReached, String notes,
                        String recordedBy, Instant recordedAt, List<CampaignFile> photos) {

    /** The unit that recorded it (not a JSON field: Jackson reads only the components). */
    UnitKey unit() {
        return new UnitKey(agency, jurisdiction);
    }

    Publicity withPhotos(List<CampaignFile> files) {
        return new Publicity(id, agency, jurisdiction, unitName, heldOn, place, form, formLabel, materialsHandedOut, peopleReached,
            notes, recordedBy, recordedAt, List.copyOf(files));
    }
}
