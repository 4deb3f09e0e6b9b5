package cn.elderguard.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A new task's engine tenant. The engine gives a task its process instance's tenant; ElderGuard gives it the tenant
 * of the unit the task is offered to (docs/decisions/045), which a create listener knows only once it has routed the
 * task. Until the task is first flushed it, its identity links and its history row are in memory, so all three are
 * set here and reach the database as one insert each. Engine-internal classes: re-check on engine upgrades.
 */
public final class TaskTenants {

    private TaskTenants() {
    }

    /** Only for a task being created (a create listener): the engine refuses a later change of a task's tenant. */
    public static void assign(DelegateTask task, String tenantId) {
        TaskEntity entity = (TaskEntity) task;
        if (tenantId.equals(entity.getTenantId())) {
            return;
        }
        entity.setTenantId(tenantId);
        for (IdentityLinkEntity link : entity.getIdentityLinks()) {
            link.setTenantId(tenantId);
        }
        HistoricTaskInstanceEventEntity history = Context.getCommandContext().getDbEntityManager()
            .getCachedEntity(HistoricTaskInstanceEventEntity.class, entity.getId());
        if (history != null) {
            history.setTenantId(tenantId);
        }
    }
}
