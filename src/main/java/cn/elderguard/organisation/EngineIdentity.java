package cn.elderguard.organisation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the organisation into the engine's identity service: one group per unit for its officers and
 * one for its leaders, one per leading group, users with their memberships, and the jurisdictions' tenants with
 * their groups (docs/decisions/045). The only place that
 * changes engine identities, so the naming scheme of {@link GroupIds} is applied in one spot.
 */
@Component
class EngineIdentity {

    static final String TYPE_UNIT = "UNIT";
    static final String TYPE_UNIT_LEADERS = "UNIT_LEADERS";
    static final String TYPE_LEADING_GROUP = "LEADING_GROUP";
    static final String TYPE_SERVICE_ACCOUNTS = "SERVICE_ACCOUNTS";
    private static final int CHUNK = 500;

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    EngineIdentity(IdentityService identity, ProcessEngineConfigurationImpl engineConfiguration, JdbcClient jdbc) {
        this.identity = identity;
        this.engineConfiguration = engineConfiguration;
        this.jdbc = jdbc;
    }

    void saveUnitGroups(List<Unit> units, boolean created) {
        inOneEngineCommand(() -> units.forEach(unit -> {
            saveGroup(unit.officerGroup(), unit.name(), TYPE_UNIT, created);
            saveGroup(unit.leaderGroup(), unit.name() + "负责人", TYPE_UNIT_LEADERS, created);
        }));
    }

    /**
     * Identity calls made inside one engine command share its context, so the engine writes all their
     * rows in one batched flush at the end instead of one flush per call (20,000 users: seconds, not a minute).
     */
    private void inOneEngineCommand(Runnable work) {
        engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            work.run();
            return null;
        });
    }

    /** The engine's tenants by id (docs/decisions/045). */
    Set<String> tenantIds() {
        Set<String> ids = new HashSet<>();
        identity.createTenantQuery().list().forEach(tenant -> ids.add(tenant.getId()));
        return ids;
    }

    /** Which groups are members of which tenant: the engine offers no query for it. */
    Map<String, Set<String>> tenantGroups() {
        Map<String, Set<String>> members = new HashMap<>();
        jdbc.sql("SELECT TENANT_ID_, GROUP_ID_ FROM " + engineConfiguration.getDatabaseTablePrefix() + "ACT_ID_TENANT_MEMBER"
                + " WHERE GROUP_ID_ IS NOT NULL")
            .query(rs -> {
                members.computeIfAbsent(rs.getString(1), tenant -> new HashSet<>()).add(rs.getString(2));
            });
        return members;
    }

    /** New tenants (id → name) and new group memberships (tenant → groups), in one engine command. */
    void addTenants(Map<String, String> tenants, Map<String, Set<String>> memberships) {
        inOneEngineCommand(() -> {
            tenants.forEach((id, name) -> {
                Tenant tenant = identity.newTenant(id);
                tenant.setName(name);
                identity.saveTenant(tenant);
            });
            memberships.forEach((tenant, groups) -> groups.forEach(group -> identity.createTenantGroupMembership(tenant, group)));
        });
    }

    void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            saveGroup(id, name, type, true);
        }
    }

    private void saveGroup(String id, String name, String type, boolean created) {
        Group group = created ? null : identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    /**
     * Creates or updates engine users and moves their memberships from {@code previousGroups} to the
     * groups their unit and role give them. A new user without a password gets a random one that an
     * administrator resets in Admin.
     */
    void saveUsers(List<UserChange> changes) {
        Map<String, User> existing = existingUsers(changes.stream().map(change -> change.person().userId()).toList());
        inOneEngineCommand(() -> changes.forEach(change -> saveUser(change, existing)));
    }

    private void saveUser(UserChange change, Map<String, User> existing) {
        Person person = change.person();
        User user = existing.get(person.userId());
        List<String> previousGroups = change.previousGroups();
        if (user == null) {
            user = identity.newUser(person.userId());
            user.setPassword(change.password() != null ? change.password() : randomPassword());
        } else if (previousGroups.isEmpty()) {
            // An engine user that ElderGuard did not know yet: start from what the engine says.
            previousGroups = identity.createGroupQuery().groupMember(person.userId()).list().stream()
                .map(Group::getId).filter(id -> GroupIds.isManaged(id) || Groups.CAMUNDA_ADMIN.equals(id)).toList();
        }
        user.setFirstName(person.displayName());
        user.setLastName(change.unitName());
        user.setEmail(person.email());
        identity.saveUser(user);
        changeMemberships(person.userId(), previousGroups, person.groups());
    }

    private void changeMemberships(String userId, List<String> from, List<String> to) {
        Set<String> removed = new HashSet<>(from);
        to.forEach(removed::remove);
        Set<String> added = new HashSet<>(to);
        from.forEach(added::remove);
        removed.forEach(group -> identity.deleteMembership(userId, group));
        added.forEach(group -> identity.createMembership(userId, group));
    }

    private Map<String, User> existingUsers(List<String> ids) {
        Map<String, User> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            identity.createUserQuery().userIdIn(chunk.toArray(String[]::new)).list()
                .forEach(user -> found.put(user.getId(), user));
        }
        return found;
    }

    private String randomPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    record UserChange(Person person, String unitName, String password, List<String> previousGroups) {
    }
}
