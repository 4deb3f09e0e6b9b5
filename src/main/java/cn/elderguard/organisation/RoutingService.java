package cn.elderguard.organisation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * 属地负责、行业归口: work goes to the officers of the (agency, jurisdiction) unit; where the jurisdiction
 * has no such unit, to the nearest jurisdiction above that has one (a village's market issue goes to the
 * town's 市场监管所, or failing that the county bureau).
 */
@Service
public class RoutingService {

    private final OrganisationRepository organisation;

    RoutingService(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    /** The unit of {@code agency} responsible for {@code region}: its own, or the nearest one above. */
    public Unit route(Agency agency, RegionCode region) {
        return organisation.units(agency, region.selfAndAncestors()).stream().findFirst()
            .orElseThrow(() -> new RoutingException("没有可承办的单位：" + agency.label() + "（" + agency + "）在 "
                + region + " 及其上级辖区均未设置"));
    }

    /** The candidate group for work of {@code agency} in {@code region}. */
    public String candidateGroup(Agency agency, RegionCode region) {
        return route(agency, region).officerGroup();
    }

    /**
     * Who answers for an institution: the agency regulating its sector, and the 处非办 of the same
     * jurisdiction (nearest above, if the jurisdiction has none). A sector whose agency has no unit up to
     * the province falls to the 处非办, the lead agency.
     */
    public Responsibility responsibleFor(RegionCode institutionRegion, String sector) {
        Unit chufei = route(Agency.CHUFEI_OFFICE, institutionRegion);
        Agency sectorAgency = organisation.sectorAgency(sector)
            .orElseThrow(() -> new RoutingException("未知行业：" + sector));
        Unit sectorUnit = organisation.units(sectorAgency, institutionRegion.selfAndAncestors()).stream()
            .findFirst().orElse(chufei);
        return new Responsibility(sectorUnit, chufei);
    }

    /**
     * The groups that may read all work in {@code region}: the 处非办 and the leading group of the region
     * and of every jurisdiction above it.
     */
    public List<String> supervisorGroups(RegionCode region) {
        List<RegionCode> chain = region.selfAndAncestors();
        List<String> groups = new ArrayList<>();
        organisation.units(Agency.CHUFEI_OFFICE, chain).forEach(unit -> groups.add(unit.officerGroup()));
        organisation.regionsWithLeadingGroup(chain).forEach(code -> groups.add(GroupIds.leadingGroup(code)));
        return groups;
    }

    /**
     * Every group that reads the work of its subtree: the 处非办 and the leading group of every jurisdiction. The engine
     * lets them read every task and case of the tenants they are members of (docs/decisions/045).
     */
    public List<String> allSupervisorGroups() {
        List<String> groups = new ArrayList<>();
        organisation.allUnits(Agency.CHUFEI_OFFICE).forEach(unit -> groups.add(unit.officerGroup()));
        organisation.leadingGroupRegions().forEach(code -> groups.add(GroupIds.leadingGroup(code)));
        return groups;
    }

    /** The sector unit that does the work and the 处非办 that oversees it. */
    public record Responsibility(Unit sectorUnit, Unit chufeiOffice) {
    }
}
