package cn.elderguard.organisation;

/** A unit's identity: an agency acting in a jurisdiction (属地 + 行业). */
public record UnitKey(Agency agency, RegionCode region) {

    public String officerGroup() {
        return GroupIds.officers(agency, region);
    }

    public String leaderGroup() {
        return GroupIds.leaders(agency, region);
    }

    @Override
    public String toString() {
        return agency + "@" + region;
    }
}
