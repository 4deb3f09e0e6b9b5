package cn.elderguard.security;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;

/**
 * Which business data a user may see: the subtree of their unit's jurisdiction, limited to their own
 * agency's business unless they are a 处非办 or leading-group member; administrators see everything.
 */
public record AccessScope(boolean everything, RegionCode region, Agency agency) {

    static AccessScope all() {
        return new AccessScope(true, null, null);
    }

    static AccessScope none() {
        return new AccessScope(false, null, null);
    }

    /** Whether data of {@code agency} about {@code subject} is visible; {@code agency} null means any agency's. */
    public boolean covers(RegionCode subject, Agency subjectAgency) {
        if (everything) {
            return true;
        }
        if (region == null || !region.contains(subject)) {
            return false;
        }
        return agency == null || agency == subjectAgency;
    }

    /** Whether anything in {@code subject}'s jurisdiction is visible. */
    public boolean coversRegion(RegionCode subject) {
        return everything || (region != null && region.contains(subject));
    }
}
