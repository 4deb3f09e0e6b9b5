package cn.elderguard.organisation;

/** An agency in a jurisdiction, e.g. 城关镇派出所 = (PUBLIC_SECURITY, 城关镇). */
public record Unit(UnitKey key, String name) {

    public Agency agency() {
        return key.agency();
    }

    public RegionCode region() {
        return key.region();
    }

    public String officerGroup() {
        return key.officerGroup();
    }

    public String leaderGroup() {
        return key.leaderGroup();
    }
}
