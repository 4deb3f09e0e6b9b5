package cn.elderguard.campaign;

import java.util.List;

/**
 * Where a campaign's cases are (the summary's 行业和区域分布, docs/campaigns.md): the cases of its figures by their
 * institution's sector and by the jurisdiction one level below the owner where their leads were registered. Every
 * sector and every child jurisdiction is listed, with zero where there is no case.
 */
public record Distribution(List<Share> bySector, List<Share> byRegion) {

    public Distribution {
        bySector = List.copyOf(bySector);
        byRegion = List.copyOf(byRegion);
    }

    /** A sector (its code) or a jurisdiction (its region code), its Chinese name and its number of cases. */
    public record Share(String code, String label, long cases) {
    }
}
