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
@ModelBean("tallyRefunds")
class TallyRefundsDelegate implements JavaDelegate {

    static final String REFUND_TASK = LeadDisposalProcess.TASK_RECORD_REFUND_TRANCHE;

    private final CaseTimeline timeline;

    TallyRefundsDelegate(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseTimeline.Totals refunded = timeline.refunds(CaseKeys.caseId(execution), REFUND_TASK);
        BigDecimal targetAmount = Variables.decimal(execution, DisposalVariables.REFUND_TARGET_YUAN);
        Integer targetPeople = Variables.integer(execution, DisposalVariables.REFUND_TARGET_PEOPLE);
        boolean reached = (targetAmount == null || refunded.amountYuan().compareTo(targetAmount) >= 0)
            && (targetPeople == null || refunded.people() >= targetPeople);
        execution.setVariable("refundedYuan", refunded.amountYuan());
        execution.setVariable("refundedPeople", refunded.people());
        execution.setVariable(DisposalVariables.REFUND_TARGET_REACHED, reached);
    }
}
