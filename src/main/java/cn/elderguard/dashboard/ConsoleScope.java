package cn.elderguard.dashboard;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;

/**
 * What one console request looks at (docs/console.md, "Scope"): a jurisdiction subtree and, for a sector unit's
 * leader or a filter, one agency's work only. Every console query takes one; none reads outside it.
 *
 * @param region the subtree's root: the user's own jurisdiction or one below it
 * @param agency only this agency's work, or null for every agency's
 */
public record ConsoleScope(RegionCode region, Agency agency) {

    /** Lowest region code of the subtree, for indexed range queries ({@code REGION_CODE BETWEEN first AND last}). */
    public String first() {
        return region.subtreeFirst();
    }

    public String last() {
        return region.subtreeLast();
    }

    /** The agency's name for SQL parameters, or null for every agency. */
    public String agencyName() {
        return agency == null ? null : agency.name();
    }
}
