package cn.elderguard.lead;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.GroupIds;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.engine.UserTaskListener;

/**
 * Remembers every unit a case's tasks are offered to, so that its people may read the case file through the
 * application as they read the task in Tasklist ({@link CaseAccess}). Runs after routing (RouteToUnitListener.ORDER).
 */
@Component
class RecordCaseUnits implements UserTaskListener {

    private final CaseRepository cases;

    RecordCaseUnits(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
        if (!LeadDisposalProcess.KEY.equals(processKey) && !CaseHandOverProcess.KEY.equals(processKey)) {
            return;
        }
        long caseId = CaseKeys.caseId(task.getExecution());
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                GroupIds.unitOf(link.getGroupId()).ifPresent(unit -> cases.recordUnit(caseId, unit));
            }
        }
    }
}
