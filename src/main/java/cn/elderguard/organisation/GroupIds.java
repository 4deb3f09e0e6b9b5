package cn.elderguard.organisation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one naming scheme for engine groups (docs/decisions/006):
 * <ul>
 *   <li>{@code MARKET_REGULATION-999001001000}: the officers of a unit = (agency, jurisdiction);</li>
 *   <li>{@code MARKET_REGULATION-999001001000-LEADER}: its leaders;</li>
 *   <li>{@code LEADING_GROUP-999001000000}: the leading group (领导小组) of a jurisdiction;</li>
 *   <li>{@code LEAD_INTAKE}: service accounts of the systems that submit leads.</li>
 * </ul>
 * The engine's group id whitelist is configured to accept exactly these and {@code camunda-admin}.
 */
public final class GroupIds {

    public static final String LEADING_GROUP = "LEADING_GROUP";
    /** Service accounts of other systems that submit leads (monitoring platform, bank alerts…). */
    public static final String LEAD_INTAKE = "LEAD_INTAKE";
    private static final String LEADER_SUFFIX = "-LEADER";
    private static final Pattern UNIT_GROUP = Pattern.compile("([A-Z][A-Z_]*)-([0-9]{12})(-LEADER)?");

    private GroupIds() {
    }

    public static String officers(Agency agency, RegionCode region) {
        return agency.name() + "-" + region.value();
    }

    public static String leaders(Agency agency, RegionCode region) {
        return officers(agency, region) + LEADER_SUFFIX;
    }

    public static String leadingGroup(RegionCode region) {
        return LEADING_GROUP + "-" + region.value();
    }

    /** The unit whose officer or leader group this is; empty for other groups. */
    public static Optional<UnitKey> unitOf(String groupId) {
        Matcher matcher = UNIT_GROUP.matcher(groupId);
        if (!matcher.matches() || LEADING_GROUP.equals(matcher.group(1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UnitKey(Agency.valueOf(matcher.group(1)), RegionCode.of(matcher.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the import manages this group (as opposed to groups an administrator made by hand). */
    public static boolean isManaged(String groupId) {
        return UNIT_GROUP.matcher(groupId).matches() || LEAD_INTAKE.equals(groupId);
    }
}
