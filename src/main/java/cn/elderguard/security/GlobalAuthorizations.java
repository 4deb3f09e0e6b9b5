package cn.elderguard.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What every logged-in user may do regardless of unit (docs/decisions/006): open Tasklist, read process
 * definitions (names, diagrams, forms), and read users and groups (assignee and candidate names).
 * Tasks and cases: the units' grants per task and case, the supervisors' READ on all of them bounded by the engine's
 * tenant check (docs/decisions/045); everything else belongs to admins.
 */
@Component
public class GlobalAuthorizations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GlobalAuthorizations.class);

    private final AuthorizationService authorizations;

    GlobalAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        grantToEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantToEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grantToEveryone(Resources.USER, Authorization.ANY, Permissions.READ);
        grantToEveryone(Resources.GROUP, Authorization.ANY, Permissions.READ);
    }

    /** Idempotent; another node granting the same at the same moment is fine. */
    public void grantToEveryone(Resource resource, String resourceId, Permission permission) {
        if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
            .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0) {
            return;
        }
        Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setResource(resource);
        global.setResourceId(resourceId);
        global.addPermission(permission);
        try {
            authorizations.saveAuthorization(global);
        } catch (ProcessEngineException e) {
            log.debug("Global {} on {} {} was granted concurrently", permission, resource.resourceName(), resourceId, e);
        }
    }
}
