package cn.elderguard.deadline;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.lead.CaseAccess;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.NotFoundException;

/**
 * A task's due date and escalation state in the case file (docs/case-file.md), for whoever may read its case
 * (docs/security.md); a task without a case (a campaign's duty) for whoever may read the task itself — its unit's
 * officers, the supervisors above it — and administrators; 404 for everyone else, as for a task that does not exist.
 */
@RestController
class TaskDeadlineController {

    static final String NOT_FOUND = "任务不存在或不在您的职责范围内";

    private final DeadlineStates states;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final ProcessEngine engine;

    TaskDeadlineController(DeadlineStates states, CaseAccess access, CurrentUser currentUser, ProcessEngine engine) {
        this.states = states;
        this.access = access;
        this.currentUser = currentUser;
        this.engine = engine;
    }

    @GetMapping("/api/tasks/{taskId}/deadline")
    DeadlineStates.State task(@PathVariable String taskId) {
        DeadlineStates.State state = states.of(taskId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (state.caseId() != null) {
            access.readable(state.caseId());
        } else if (!currentUser.isAdmin() && !mayReadTask(taskId)) {
            throw new NotFoundException(NOT_FOUND);
        }
        return state;
    }

    /** The engine's own grant on the task: READ for its candidate groups and, through security/SupervisorReadAccess, the supervisors above. */
    private boolean mayReadTask(String taskId) {
        String user = currentUser.id();
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return engine.getAuthorizationService().isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, taskId);
    }

    /** The case's open tasks with their due dates and escalation state. */
    @GetMapping("/api/cases/{id}/deadlines")
    List<DeadlineStates.State> ofCase(@PathVariable long id) {
        access.readable(id);
        return states.openOfCase(id);
    }
}
