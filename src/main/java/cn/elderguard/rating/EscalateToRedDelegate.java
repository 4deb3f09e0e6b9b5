package cn.elderguard.rating;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.engine.Variables;
import cn.elderguard.lead.RiskLevel;

/** Task_EscalateToRed: a failed rectification moves the case up to red (docs/domain.md §4.2: up a colour; down only by sign-off). */
@ModelBean("escalateToRed")
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
        String previous = Variables.text(execution, RecordRatingDelegate.RISK_LEVEL);
        String reason = "红：整改不到位，由" + RiskLevel.valueOf(previous).label() + "色升级为红色";
        Integer priority = Variables.integer(execution, RecordRatingDelegate.PRIORITY);
        boolean unregistered = !Variables.flag(execution, "registered");
        records.record(caseId, RiskLevel.RED, reason, priority, false, unregistered);
        records.reportUpward(caseId, cases.byId(caseId).orElseThrow().jurisdiction(), RiskLevel.RED, unregistered);
        execution.setVariable(RecordRatingDelegate.RISK_LEVEL, RiskLevel.RED.name());
        execution.setVariable(RecordRatingDelegate.EXPLANATION, reason);
    }
}
