package cn.elderguard.organisation;

import com.fasterxml.jackson.annotation.JsonIgnore;


/**
 * What business data a user may see (docs/security.md, "Who sees what"):
 * <ul>
 *   <li>{@link Kind#EVERYTHING}: administrators;</li>
 *   <li>{@link Kind#SUPERVISOR}: the 处非办 and the leading group of a jurisdiction read every case of its subtree;</li>
 *   <li>{@link Kind#UNIT}: a sector unit's people read the cases their unit has been given work on, and the registry
 *       of their own agency's sectors in their subtree;</li>
 *   <li>{@link Kind#SERVICE_ACCOUNT}: another system submits leads in its subtree and reads back only its own;</li>
 *   <li>{@link Kind#NONE}: someone the organisation does not know.</li>
 * </ul>
 */
public record AccessScope(Kind kind, RegionCode region, @JsonIgnore UnitKey unit) {

    public enum Kind { EVERYTHING, SUPERVISOR, UNIT, SERVICE_ACCOUNT, NONE }

    static AccessScope everything() {
        return new AccessScope(Kind.EVERYTHING, null, null);
    }

    static AccessScope none() {
        return new AccessScope(Kind.NONE, null, null);
    }

    @JsonIgnore
    public boolean isEverything() {
        return kind == Kind.EVERYTHING;
    }

    /** Whether every case in {@code subject}'s jurisdiction is visible (read-only) to this user. */
    public boolean supervises(RegionCode subject) {
        return kind == Kind.EVERYTHING || (kind == Kind.SUPERVISOR && region.contains(subject));
    }

    /** Whether the user acts in {@code subject}'s jurisdiction at all: reports leads there, looks up its places. */
    public boolean coversRegion(RegionCode subject) {
        return kind == Kind.EVERYTHING || (kind != Kind.NONE && region != null && region.contains(subject));
    }

    /** Whether the registry entry of an institution of {@code sectorAgency} in {@code subject} is visible and editable. */
    public boolean coversRegistry(RegionCode subject, Agency sectorAgency) {
        return switch (kind) {
            case EVERYTHING -> true;
            case SUPERVISOR -> region.contains(subject);
            case UNIT -> region.contains(subject) && unit.agency() == sectorAgency;
            case SERVICE_ACCOUNT, NONE -> false;
        };
    }

    /** The agency whose registry entries a sector unit sees; null for everyone else. */
    @JsonIgnore
    public Agency registryAgency() {
        return kind == Kind.UNIT ? unit.agency() : null;
    }
}
