package cn.elderguard.campaign;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;

/** A participating unit's reports so far, against the minimum of information reports (docs/domain.md §2.4). */
public record UnitReportCount(Agency agency, RegionCode jurisdiction, String unitName, int infoReports, int urgentReports,
                              boolean belowMinimum) {
}
