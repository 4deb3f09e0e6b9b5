package cn.elderguard.security;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;

/**
 * The units a task is offered to read its case: when a task is created, its candidate groups get READ on the task's
 * process instance, which the task list needs to show the case's variables (the institution's name) — once per unit
 * and case, however many of its tasks the unit gets. The engine itself gives candidate groups READ + TASK_WORK on the
 * task. Supervisors get no rows here: their READ on every task and case is bounded by the engine's tenant check
 * (security/SupervisorGrants, docs/decisions/045). Runs after the task's own create listeners (routing).
 */
@Component
class CaseReadGrants implements UserTaskListener {

    private final AuthorizationService authorizations;

    CaseReadGrants(@Lazy AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> candidates = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                candidates.add(link.getGroupId());
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        // The grants are the system's, not the user's who completed the previous task. They are written
        // straight into this command's flush (one JDBC batch), not as one nested command each.
        command.runWithoutAuthorization(() -> {
            candidates.removeAll(caseReadersAlreadyGranted(command, task, candidates));
            candidates.forEach(group -> grantRead(command, task.getProcessInstanceId(), group));
            return null;
        });
    }

    /**
     * A case has several tasks for the same unit; its process instance is granted once. The grants made
     * earlier in this command are not in the database yet, so the command's cache is read too; a case
     * started in this command has no other grants, which spares the intake path the query.
     */
    private Set<String> caseReadersAlreadyGranted(CommandContext command, DelegateTask task, Set<String> wanted) {
        String processInstanceId = task.getProcessInstanceId();
        Set<String> granted = new HashSet<>();
        for (AuthorizationEntity cached : command.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
            if (cached.getResourceType() == Resources.PROCESS_INSTANCE.resourceType() && processInstanceId.equals(cached.getResourceId())
                && cached.getGroupId() != null) {
                granted.add(cached.getGroupId());
            }
        }
        var processInstance = command.getDbEntityManager().getCachedEntity(ExecutionEntity.class, processInstanceId);
        boolean startedInThisCommand = processInstance != null && command.getDbEntityManager().getDbEntityCache().isTransient(processInstance);
        if (!startedInThisCommand) {
            // Only the groups in question: a campaign's one process instance carries a grant for each of its thousands of units.
            authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId)
                .groupIdIn(wanted.toArray(String[]::new)).list()
                .forEach(authorization -> granted.add(authorization.getGroupId()));
        }
        return granted;
    }

    private static void grantRead(CommandContext command, String processInstanceId, String groupId) {
        AuthorizationEntity read = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(groupId);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(processInstanceId);
        read.addPermission(Permissions.READ);
        command.getAuthorizationManager().insert(read);
    }
}
