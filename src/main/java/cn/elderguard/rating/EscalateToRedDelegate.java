package cn.elderguard.rating;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.lead.LeadDisposalProcess;

/** Task_EscalateToRed: a failed rectification moves the case up to red (docs/domain.md §4.2: up a colour; down only by sign-off). */
@ModelBean(LeadDisposalProcess.BEAN_ESCALATE_TO_RED)
class EscalateToRedDelegate implements JavaDelegate {

    private final RatingRecords records;
    private final CaseRepository cases;

    EscalateToRedDelegate(RatingRecords records, CaseRepository cases) {
        this.records = records;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = CaseKeys.caseId(execution);
        RiskLevel previous = LeadDisposalProcess.riskLevel(execution);
        String reason = "红：整改不到位，由" + previous.label() + "色升级为红色";
        Integer priority = LeadDisposalProcess.casePriority(execution);
        boolean unregistered = !LeadDisposalProcess.registered(execution);
        records.record(caseId, RiskLevel.RED, reason, priority, false, unregistered);
        records.reportUpward(caseId, cases.byId(caseId).orElseThrow().jurisdiction(), RiskLevel.RED, unregistered);
        execution.setVariable(LeadDisposalProcess.VAR_RISK_LEVEL, RiskLevel.RED.name());
        execution.setVariable(LeadDisposalProcess.VAR_RISK_EXPLANATION, reason);
    }
}
