package cn.elderguard.disposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.lead.LeadFeedback;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.engine.UserTaskListener;

/**
 * 核查中: a lead is being verified from the moment an officer takes 核查线索 (claims it, or is assigned it),
 * the first time and every time the lead is verified again; its tipsters see the status at once
 * (docs/tracking.md). A task merely waiting in a unit's inbox is not yet being verified.
 */
@Component
class TellTipstersVerificationStarted implements UserTaskListener {

    private final LeadFeedback feedback;

    TellTipstersVerificationStarted(LeadFeedback feedback) {
        this.feedback = feedback;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_ASSIGNMENT;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null && Verification.isVerificationTask(task)) {
            feedback.verifying(CaseKeys.caseId(task.getExecution()));
        }
    }
}
