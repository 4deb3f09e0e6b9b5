package cn.elderguard.disposal;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.lead.LeadFeedback;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.system.Now;
import cn.elderguard.engine.Variables;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.engine.CaseProcessNames;

/**
 * Task_CloseCase (销号), after the handling unit's leader signed off: the case moves to the close-out list and
 * is no longer the institution's open case (a new lead opens a new case), and tipsters are told — with the
 * feedback text as the leader approved it in the sign-off form (docs/tracking.md). Only the approving
 * sign-off leads here, so a text the leader sent back is never published.
 */
@ModelBean(LeadDisposalProcess.BEAN_CLOSE_CASE)
class CloseCaseDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final LeadFeedback feedback;
    private final CaseTimeline timeline;

    CloseCaseDelegate(CaseRepository cases, LeadFeedback feedback, CaseTimeline timeline) {
        this.cases = cases;
        this.feedback = feedback;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = CaseKeys.caseId(execution);
        Instant now = Now.instant();
        cases.close(caseId, Timestamp.from(now));
        // The leader's own text, or else the verifying officer's proposal the leader saw (docs/forms.md).
        String leaders = Variables.text(execution, LeadDisposalProcess.VAR_TIPSTER_FEEDBACK);
        feedback.closed(caseId, leaders != null && !leaders.isBlank() ? leaders
            : Variables.text(execution, LeadDisposalProcess.VAR_PROPOSED_TIPSTER_FEEDBACK));
        timeline.record(new CaseEvent(caseId, now, CaseEvent.Kind.CLOSED, null, "销号", null, null, null, null, null, null,
            Variables.text(execution, CaseProcessNames.VAR_NOTES)));
    }
}
