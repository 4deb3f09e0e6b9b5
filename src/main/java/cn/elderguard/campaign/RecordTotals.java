package cn.elderguard.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;

/**
 * What the participating units recorded, added up per unit or per jurisdiction (docs/campaigns.md, "What units
 * record"): the jurisdictions are the children of the owner's, each with every participating unit below it; the units
 * of the owner's own level make one more row, the owner's.
 */
@Service
class RecordTotals {

    enum By { UNIT, JURISDICTION }

    static final String OWN_LEVEL = "（本级）";

    private final RecordAccess access;
    private final UnitRecordRepository records;
    private final OrganisationRepository organisation;

    RecordTotals(RecordAccess access, UnitRecordRepository records, OrganisationRepository organisation) {
        this.access = access;
        this.records = records;
        this.organisation = organisation;
    }

    ResultPage<RecordTotal> totals(long campaignId, By by, int page, int size) {
        ResultPage.check(page, size);
        Campaign campaign = access.office(campaignId);
        int offset = ResultPage.offset(page, size);
        if (by == By.UNIT) {
            return new ResultPage<>(records.unitTotals(campaignId, offset, size), page, size, campaign.unitCount());
        }
        RegionCode owner = campaign.ownerRegion();
        JurisdictionLevel childLevel = owner.level() == JurisdictionLevel.VILLAGE ? owner.level()
            : JurisdictionLevel.values()[owner.level().ordinal() + 1];
        // Bounded by the owner's children (the organisation), not by the records.
        List<Map.Entry<String, long[]>> groups = new ArrayList<>(records.groupTotals(campaignId, childLevel.significantDigits()).entrySet());
        List<RecordTotal> rows = groups.subList(Math.min(offset, groups.size()), Math.min(offset + size, groups.size())).stream()
            .map(group -> row(owner, group.getKey(), group.getValue())).toList();
        return new ResultPage<>(rows, page, size, groups.size());
    }

    private RecordTotal row(RegionCode owner, String prefix, long[] figures) {
        RegionCode code = RegionCode.of((prefix + "000000000000").substring(0, 12));
        String name = organisation.jurisdiction(code).map(Jurisdiction::name).orElse(code.value())
            + (code.equals(owner) ? OWN_LEVEL : "");
        return new RecordTotal(null, code, name, (int) figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], figures[6]);
    }
}
