package cn.elderguard.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import cn.elderguard.organisation.GroupIds;

/**
 * Who calls the engine: for {@code /engine-rest} the user the engine's HTTP Basic filter authenticated (it has run by
 * then, see SecurityConfiguration), for the webapps' APIs the user of the session, for ElderGuard's own API a user
 * looked up as those doors look them up. With the user's groups and tenants: without its tenants an identity sees no
 * task or case of any jurisdiction (docs/decisions/045), so every engine call made as a person goes through
 * {@link #run}.
 */
public record EngineCaller(String userId, List<String> groupIds, List<String> tenantIds) {

    public EngineCaller {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
    }

    public static Optional<EngineCaller> of(HttpServletRequest request, ProcessEngine engine) {
        Authentication current = engine.getIdentityService().getCurrentAuthentication();
        if (current != null) {
            return Optional.of(new EngineCaller(current.getUserId(), current.getGroupIds(), current.getTenantIds()));
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        var login = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
        return login instanceof UserAuthentication user
            ? Optional.of(new EngineCaller(user.getName(), toList(user.getGroupIds()), toList(user.getTenantIds()))) : Optional.empty();
    }

    /** The user with the groups and tenants the engine's own doors give them (its HTTP Basic filter, the webapps' login). */
    public static EngineCaller of(String userId, ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        Authentication previous = identity.getCurrentAuthentication();
        identity.clearAuthentication(); // the look-ups are the system's, not checked against the caller's grants
        try {
            return new EngineCaller(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            }
        }
    }

    /** Runs {@code call} as this user (the engine checks their grants and tenants), then restores who was set before. */
    public <T> T run(ProcessEngine engine, Supplier<T> call) {
        IdentityService identity = engine.getIdentityService();
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groupIds, tenantIds);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    public boolean admin() {
        return groupIds.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean serviceAccount() {
        return groupIds.contains(GroupIds.LEAD_INTAKE);
    }

    private static List<String> toList(Collection<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
