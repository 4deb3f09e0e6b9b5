package cn.elderguard.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import cn.elderguard.organisation.GroupIds;

/**
 * Who calls the engine's REST resources: for {@code /engine-rest} the user the engine's HTTP Basic filter
 * authenticated (it has run by then, see SecurityConfiguration), for the webapps' APIs the user of the session.
 */
public record EngineCaller(String userId, List<String> groupIds) {

    public EngineCaller {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    public static Optional<EngineCaller> of(HttpServletRequest request, ProcessEngine engine) {
        Authentication current = engine.getIdentityService().getCurrentAuthentication();
        if (current != null) {
            return Optional.of(new EngineCaller(current.getUserId(), current.getGroupIds()));
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        var login = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
        return login instanceof UserAuthentication user
            ? Optional.of(new EngineCaller(user.getName(), List.copyOf(toList(user.getGroupIds())))) : Optional.empty();
    }

    public boolean admin() {
        return groupIds.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean serviceAccount() {
        return groupIds.contains(GroupIds.LEAD_INTAKE);
    }

    private static List<String> toList(Collection<String> groups) {
        return groups == null ? List.of() : List.copyOf(groups);
    }
}
