package cn.elderguard.organisation;

import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine tenants that bound what supervisors read (docs/decisions/045): one tenant per jurisdiction at town level
 * or above, its id the jurisdiction's code. Work in a village belongs to its town's tenant: no supervisor sits below a
 * town. A case (process instance) is in the tenant of its jurisdiction, a task in the tenant of the unit it is offered
 * to; the groups of a jurisdiction are members of its tenant and of every tenant below it.
 */
public final class Tenants {

    private Tenants() {
    }

    /** The tenant that work in {@code region} belongs to. */
    public static String of(RegionCode region) {
        return region.level() == JurisdictionLevel.VILLAGE ? region.parent().value() : region.value();
    }

    /** The tenants among {@code tenants} whose work the groups of {@code region} may be shown: their own and those below. */
    static Set<String> reachedFrom(RegionCode region, NavigableSet<String> tenants) {
        Set<String> reached = new TreeSet<>(tenants.subSet(region.subtreeFirst(), true, region.subtreeLast(), true));
        String own = of(region);
        if (tenants.contains(own)) {
            reached.add(own);
        }
        return reached;
    }
}
