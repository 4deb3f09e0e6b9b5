package cn.elderguard.dashboard;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/**
 * What one console request looks at (docs/console.md, "Scope"): a jurisdiction subtree and, for a sector unit's
 * leader or a filter, one agency's work only. Every console query takes one; none reads outside it.
 *
 * @param region the subtree's root: the user's own jurisdiction or one below it
 * @param agency only this agency's work, or null for every agency's
 * @param wholeSubtree false when only the units of {@code region} itself count (a sector unit's leader watches their
 *                     own unit; a per-unit number links to that one unit)
 */
public record ConsoleScope(RegionCode region, Agency agency, boolean wholeSubtree) {

    /** Lowest region code in scope, for indexed range queries ({@code REGION_CODE BETWEEN first AND last}). */
    public String first() {
        return wholeSubtree ? region.subtreeFirst() : region.value();
    }

    public String last() {
        return wholeSubtree ? region.subtreeLast() : region.value();
    }

    /** The one unit in scope, when the scope is a single unit (an agency in one jurisdiction only); otherwise null. */
    public UnitKey unit() {
        return !wholeSubtree && agency != null ? new UnitKey(agency, region) : null;
    }

    /** The agency's name for SQL parameters, or null for every agency. */
    public String agencyName() {
        return agency == null ? null : agency.name();
    }
}
