package cn.elderguard.disposal;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.engine.Variables;

/**
 * Task_TallyRefunds: adds up the refund tranches on the case's timeline (督促清退资金) and compares them with
 * the target set in the rectification order: amount, and people where a number of people was set.
 */
@ModelBean(LeadDisposalProcess.BEAN_TALLY_REFUNDS)
class TallyRefundsDelegate implements JavaDelegate {

    static final String REFUND_TASK = LeadDisposalProcess.TASK_RECORD_REFUND_TRANCHE;

    private final CaseTimeline timeline;

    TallyRefundsDelegate(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseTimeline.Totals refunded = timeline.refunds(CaseKeys.caseId(execution), REFUND_TASK);
        BigDecimal targetAmount = Variables.decimal(execution, LeadDisposalProcess.VAR_REFUND_TARGET_YUAN);
        Integer targetPeople = Variables.integer(execution, LeadDisposalProcess.VAR_REFUND_TARGET_PEOPLE);
        boolean reached = (targetAmount == null || refunded.amountYuan().compareTo(targetAmount) >= 0)
            && (targetPeople == null || refunded.people() >= targetPeople);
        execution.setVariable(LeadDisposalProcess.VAR_REFUNDED_YUAN, refunded.amountYuan());
        execution.setVariable(LeadDisposalProcess.VAR_REFUNDED_PEOPLE, refunded.people());
        execution.setVariable(LeadDisposalProcess.VAR_REFUND_TARGET_REACHED, reached);
    }
}
