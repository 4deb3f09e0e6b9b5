package cn.elderguard.deadline;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.lead.CaseAccess;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.security.EngineCaller;
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

    /**
     * Whether the engine's task query shows the caller the task: its candidate groups' grant, or a supervisor's READ on
     * every task bounded by the tenant check (docs/decisions/045). A bare grant check would miss the tenant check.
     */
    private boolean mayReadTask(String taskId) {
        return EngineCaller.of(currentUser.id(), engine).run(engine,
            () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1);
    }

    /** The case's open tasks with their due dates and escalation state. */
    @GetMapping("/api/cases/{id}/deadlines")
    List<DeadlineStates.State> ofCase(@PathVariable long id) {
        access.readable(id);
        return states.openOfCase(id);
    }
}
