package cn.elderguard.ledger;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.system.Now;
import cn.elderguard.engine.TaskProperties;
import cn.elderguard.engine.UserTaskListener;
import cn.elderguard.engine.CaseProcessNames;

/**
 * Every completed user task goes on its case's timeline: who, which unit, when, against which due date,
 * with the notes given. A task whose model names a {@value TaskProperties#MEASURE} (e.g. {@code WARNING_INTERVIEW})
 * is recorded as that measure; refund tranches carry their amount and people
 * ({@value CaseProcessNames#VAR_TRANCHE_AMOUNT_YUAN}, {@value CaseProcessNames#VAR_TRANCHE_PEOPLE}).
 */
@Component
class RecordOnTimeline implements UserTaskListener {

    private final CaseTimeline timeline;

    RecordOnTimeline(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    /** After the form checks: only valid completions are recorded. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!CaseKeys.isCase(task.getExecution())) {
            return;
        }
        String measure = TaskProperties.get(task, TaskProperties.MEASURE).orElse(null);
        UnitKey unit = task.getCandidates().stream().map(IdentityLink::getGroupId)
            .filter(group -> group != null).map(GroupIds::unitOf).flatMap(java.util.Optional::stream)
            .findFirst().orElse(null);
        boolean refund = measure != null && task.hasVariable(CaseProcessNames.VAR_TRANCHE_AMOUNT_YUAN);
        timeline.record(new CaseEvent(CaseKeys.caseId(task.getExecution()), Now.instant(),
            measure != null ? CaseEvent.Kind.MEASURE : CaseEvent.Kind.TASK_COMPLETED, task.getTaskDefinitionKey(),
            measure != null ? measure + " " + task.getName() : task.getName(), actor(task),
            unit == null ? null : unit.agency().name(), unit == null ? null : unit.region().value(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant(),
            refund ? decimal(task.getVariable(CaseProcessNames.VAR_TRANCHE_AMOUNT_YUAN)) : null,
            refund && task.getVariable(CaseProcessNames.VAR_TRANCHE_PEOPLE) instanceof Number people ? people.intValue() : null,
            text(task.getVariable(CaseProcessNames.VAR_NOTES))));
    }

    private static String actor(DelegateTask task) {
        Authentication current = Context.getCommandContext().getAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
}
