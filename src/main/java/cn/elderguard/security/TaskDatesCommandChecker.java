package cn.elderguard.security;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks with one widening: a task's due date (到期日) and follow-up date (跟进日期) may be
 * changed by whoever may work the task (TASK_WORK: the officers of the units it is offered to, its assignee), not only
 * by who may reassign it. Tasklist saves the whole task for these two fields ({@code PUT /task/{id}}); any other
 * property that really changes (assignee, owner, name, priority …) still needs the engine's TASK_ASSIGN, which
 * people do not have (docs/security.md). A moved due date moves the deadline (deadline/TaskDeadlines, docs/tasklist.md).
 */
class TaskDatesCommandChecker extends AuthorizationCommandChecker {

    private static final Set<String> DATES = Set.of(TaskEntity.DUE_DATE, TaskEntity.FOLLOW_UP_DATE);

    @Override
    public void checkTaskAssign(TaskEntity task) {
        if (onlyDatesChange(task)) {
            checkTaskWork(task);
        } else {
            super.checkTaskAssign(task);
        }
    }

    /** At least one date and nothing else changes its value (Tasklist sends unchanged fields along). */
    static boolean onlyDatesChange(TaskEntity task) {
        List<PropertyChange> changes = task.getPropertyChanges().values().stream()
            .filter(change -> !same(change.getOrgValue(), change.getNewValue())).toList();
        return !changes.isEmpty() && changes.stream().allMatch(change -> DATES.contains(change.getPropertyName()));
    }

    private static boolean same(Object before, Object after) {
        if (before instanceof Date a && after instanceof Date b) {
            return a.getTime() == b.getTime();
        }
        return Objects.equals(before, after);
    }

    /**
     * Puts the checker in place of the engine's own authorization checker, ahead of the tenant checker, whose refusals
     * then read as authorization refusals ({@link TenantRefusals}): an officer trying another unit's task hears what
     * permission is missing, not that the task is in another jurisdiction's tenant.
     */
    @Component
    static class TaskDatesPlugin extends AbstractProcessEnginePlugin {

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<CommandChecker> stock = configuration.getCommandCheckers() == null
                ? List.of(new TenantCommandChecker(), new AuthorizationCommandChecker()) : configuration.getCommandCheckers();
            List<CommandChecker> checkers = new ArrayList<>();
            stock.stream().filter(checker -> checker.getClass() == AuthorizationCommandChecker.class)
                .forEach(checker -> checkers.add(new TaskDatesCommandChecker()));
            stock.stream().filter(checker -> checker.getClass() != AuthorizationCommandChecker.class)
                .forEach(checker -> checkers.add(checker instanceof TenantCommandChecker ? TenantRefusals.asAuthorizationRefusals(checker) : checker));
            configuration.setCommandCheckers(checkers);
        }
    }
}
