package cn.elderguard.organisation;

/** A node of the jurisdiction tree. */
public record Jurisdiction(RegionCode code, String name, JurisdictionLevel level, RegionCode parent) {
}
