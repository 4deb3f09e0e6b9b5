package cn.elderguard.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the engine's tenants in step with the jurisdictions (docs/decisions/045): a tenant for every jurisdiction at
 * town level or above, and every unit's officers (leaders are officers too) and every leading group a member of the
 * tenants of their own jurisdiction and below. The import calls it in its transaction; at start-up it fills in an
 * installation whose organisation was imported before tenants existed. It only adds: jurisdictions and groups are
 * never deleted, and a group's jurisdiction is part of its id.
 */
@Component
class OrganisationTenants implements SmartInitializingSingleton {

    static final List<JurisdictionLevel> TENANT_LEVELS = List.of(JurisdictionLevel.PROVINCE, JurisdictionLevel.CITY,
        JurisdictionLevel.COUNTY, JurisdictionLevel.TOWN);

    private static final Logger log = LoggerFactory.getLogger(OrganisationTenants.class);

    private final OrganisationRepository organisation;
    private final EngineIdentity identity;
    private final TransactionTemplate transaction;

    OrganisationTenants(OrganisationRepository organisation, EngineIdentity identity, TransactionTemplate transaction) {
        this.organisation = organisation;
        this.identity = identity;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (organisation.countJurisdictionsAt(TENANT_LEVELS) == identity.tenantIds().size()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> sync());
        } catch (ProcessEngineException | DataAccessException e) {
            // Another node of the cluster started at the same moment and wrote them.
            log.info("Tenants were written concurrently: {}", e.getMessage());
        }
    }

    /** Adds the missing tenants and memberships; call it inside a transaction. */
    void sync() {
        long start = System.nanoTime();
        Map<String, String> names = new TreeMap<>();
        organisation.jurisdictionsAt(TENANT_LEVELS).forEach(jurisdiction -> names.put(jurisdiction.code().value(), jurisdiction.name()));
        NavigableSet<String> tenants = new TreeSet<>(names.keySet());
        Set<String> existing = identity.tenantIds();
        Map<String, String> created = new TreeMap<>(names);
        created.keySet().removeAll(existing);
        Map<String, Set<String>> members = identity.tenantGroups();
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Map.Entry<String, RegionCode> group : groupRegions().entrySet()) {
            for (String tenant : Tenants.reachedFrom(group.getValue(), tenants)) {
                if (!members.getOrDefault(tenant, Set.of()).contains(group.getKey())) {
                    missing.computeIfAbsent(tenant, id -> new TreeSet<>()).add(group.getKey());
                }
            }
        }
        identity.addTenants(created, missing);
        log.info("Tenants: {} added, {} group memberships added, in {} ms", created.size(),
            missing.values().stream().mapToInt(Set::size).sum(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The groups that join tenants, with their jurisdiction: every unit's officers and every leading group. */
    private Map<String, RegionCode> groupRegions() {
        Map<String, RegionCode> groups = new TreeMap<>();
        organisation.allUnits(null).forEach(unit -> groups.put(unit.officerGroup(), unit.region()));
        List<RegionCode> leading = new ArrayList<>(organisation.leadingGroupRegions());
        leading.forEach(region -> groups.put(GroupIds.leadingGroup(region), region));
        return groups;
    }
}
