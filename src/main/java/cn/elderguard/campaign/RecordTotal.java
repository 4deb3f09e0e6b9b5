package cn.elderguard.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;

/**
 * What a unit, or all participating units of a jurisdiction, recorded in a campaign. {@code agency} is absent on a
 * jurisdiction's row; {@code units} is 1 on a unit's row.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordTotal(Agency agency, RegionCode jurisdiction, String name, int units, long publicityActivities,
                          long peopleReached, long materialsHandedOut, long pledges, long infoReports, long urgentReports) {
}
