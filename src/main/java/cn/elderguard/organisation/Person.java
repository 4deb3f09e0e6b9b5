package cn.elderguard.organisation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/** A user of ElderGuard: an engine user with a unit and a role. */
public record Person(String userId, String displayName, UnitKey unit, Role role, String email, String phone) {

    /** The engine groups this person belongs to, derived from unit and role (docs/decisions/006). */
    public List<String> groups() {
        if (role == Role.SERVICE_ACCOUNT) {
            return List.of(GroupIds.LEAD_INTAKE);
        }
        List<String> groups = new ArrayList<>();
        groups.add(unit.officerGroup());
        switch (role) {
            case UNIT_LEADER -> groups.add(unit.leaderGroup());
            case LEADING_GROUP -> groups.add(GroupIds.leadingGroup(unit.region()));
            case ADMIN -> groups.add(Groups.CAMUNDA_ADMIN);
            case OFFICER, SERVICE_ACCOUNT -> { }
        }
        return groups;
    }
}
