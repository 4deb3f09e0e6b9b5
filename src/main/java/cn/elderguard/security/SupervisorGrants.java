package cn.elderguard.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.OrganisationImported;
import cn.elderguard.organisation.RoutingService;

/**
 * "The 处非办 and the leading group of a jurisdiction read all work of its subtree, read-only" (docs/security.md), as
 * two rows per group instead of rows per task and level (docs/decisions/045): READ on every task and every process
 * instance. The engine's tenant check bounds them: a task is in the tenant of the unit it is offered to, a case in
 * that of its jurisdiction, and the groups are members of their jurisdiction's tenant and those below. So a town's
 * 综治办 reads its town, a county's 处非办 the whole county. Written for new groups by every organisation import (in
 * its transaction) and at start-up for groups imported before.
 */
@Component
class SupervisorGrants implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SupervisorGrants.class);
    private static final List<Resources> READ_EVERY = List.of(Resources.TASK, Resources.PROCESS_INSTANCE);

    private final RoutingService routing;
    private final AuthorizationService authorizations;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    SupervisorGrants(RoutingService routing, AuthorizationService authorizations, ProcessEngineConfigurationImpl engineConfiguration) {
        this.routing = routing;
        this.authorizations = authorizations;
        this.engineConfiguration = engineConfiguration;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            grantMissing();
        } catch (ProcessEngineException e) {
            // Another node of the cluster started at the same moment and wrote them.
            log.info("Supervisor grants were written concurrently: {}", e.getMessage());
        }
    }

    @EventListener
    void onImport(OrganisationImported imported) {
        grantMissing();
    }

    /** In one engine command, so that a province's thousands of grants flush as one batch. */
    private void grantMissing() {
        List<String> supervisors = routing.allSupervisorGroups();
        engineConfiguration.getCommandExecutorTxRequired().execute(command -> {
            grantMissing(supervisors);
            return null;
        });
    }

    private void grantMissing(List<String> supervisors) {
        for (Resources resource : READ_EVERY) {
            Set<String> granted = new HashSet<>();
            authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                .resourceId(Authorization.ANY).hasPermission(Permissions.READ).list()
                .forEach(grant -> granted.add(grant.getGroupId()));
            for (String group : supervisors) {
                if (!granted.contains(group)) {
                    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    read.setGroupId(group);
                    read.setResource(resource);
                    read.setResourceId(Authorization.ANY);
                    read.addPermission(Permissions.READ);
                    authorizations.saveAuthorization(read);
                }
            }
        }
    }
}
