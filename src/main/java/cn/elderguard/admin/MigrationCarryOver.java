package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.elderguard.deadline.TaskDeadlines;
import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.system.Now;

/**
 * What ElderGuard keeps beside the engine follows a case onto the new version of its model, in the engine's
 * migration transaction, whichever door started the migration (our page, Cockpit, engine REST): each open
 * task's deadline row and pending deadline job name the new definition and task id, and the case's timeline
 * says it was migrated. Due dates, escalation steps, grants (by task and instance id) and the timeline's rows
 * need nothing: migration keeps the ids. The engine reports a migration only as a history event ("migrate"),
 * so this is a history event handler next to the engine's own database handler; history level full (or
 * activity) is required (docs/decisions/027).
 */
@Component
class MigrationCarryOver extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    private final ObjectProvider<TaskDeadlines> deadlines;
    private final ObjectProvider<CaseTimeline> timeline;
    private final ObjectProvider<JdbcClient> jdbc;

    /** Lazy: the engine is configured before these beans exist. */
    MigrationCarryOver(ObjectProvider<TaskDeadlines> deadlines, ObjectProvider<CaseTimeline> timeline, ObjectProvider<JdbcClient> jdbc) {
        this.deadlines = deadlines;
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(this);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricTaskInstanceEventEntity task
            && HistoryEventTypes.TASK_INSTANCE_MIGRATE.getEventName().equals(task.getEventType())) {
            deadlines.getObject().migrated(task.getTaskId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        } else if (event instanceof HistoricProcessInstanceEventEntity instance
            && HistoryEventTypes.PROCESS_INSTANCE_MIGRATE.getEventName().equals(instance.getEventType())) {
            recordOnTimeline(instance);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void recordOnTimeline(HistoricProcessInstanceEventEntity instance) {
        Long caseId = caseId(instance);
        String marker = "（" + instance.getProcessDefinitionId() + "）";
        // The engine may report one instance's migration more than once (once per migrated scope): one line per case.
        if (caseId == null || timeline.getObject().has(caseId, CaseEvent.Kind.MIGRATED, marker)) {
            return;
        }
        // Started on the migration page: the administrator and the source version are in EG_MIGRATION.
        var started = jdbc.getObject().sql("SELECT m.STARTED_BY, m.SOURCE_VERSION, m.TARGET_VERSION FROM EG_MIGRATION m JOIN EG_MIGRATION_INSTANCE i"
                + " ON i.BATCH_ID = m.BATCH_ID WHERE i.PROCESS_INSTANCE_ID = ? AND m.TARGET_DEFINITION_ID = ? ORDER BY m.STARTED_AT DESC")
            .params(instance.getProcessInstanceId(), instance.getProcessDefinitionId())
            .query((rs, row) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3)}).list();
        String actor = started.isEmpty() ? null : (String) started.get(0)[0];
        String from = started.isEmpty() ? "" : "第 " + started.get(0)[1] + " 版";
        Object version = started.isEmpty() ? instance.getProcessDefinitionVersion() : started.get(0)[2];
        String to = version == null ? "新版本" : "第 " + version + " 版";
        timeline.getObject().record(new CaseEvent(caseId, Now.instant(),
            CaseEvent.Kind.MIGRATED, null, "流程迁移至" + to, actor, null, null, null, null, null,
            (from.isEmpty() ? "" : "由" + from + "迁移至" + to + "；") + "办理期限、督办节点和授权保持不变" + marker));
    }

    /** Only the case processes carry a case id as business key; another process's migration leaves no timeline entry. */
    private static Long caseId(HistoricProcessInstanceEventEntity instance) {
        if (!LeadDisposalProcess.KEY.equals(instance.getProcessDefinitionKey())
            && !CaseHandOverProcess.KEY.equals(instance.getProcessDefinitionKey())) {
            return null;
        }
        try {
            return instance.getBusinessKey() == null ? null : Long.valueOf(instance.getBusinessKey());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
