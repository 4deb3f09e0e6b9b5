package cn.elderguard.rating;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.elderguard.lead.CaseFile;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.system.CaseKeys;
import cn.elderguard.system.Variables;

/**
 * Task_RecordRating: of the RiskRating rows that matched, the most severe level wins; every matched row's
 * reason is kept as the explanation ("橙：主要负责人因经济犯罪被提起诉讼"). The LeadPriority score becomes the
 * case's priority (and its tasks'). Non-green cases and unregistered venues are reported upward.
 */
@Component("recordRating")
class RecordRatingDelegate implements JavaDelegate {

    static final String RATINGS = "riskRatings";
    static final String PRIORITY = "casePriority";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String EXPLANATION = "riskExplanation";

    private final RatingRecords records;
    private final CaseRepository cases;

    RecordRatingDelegate(RatingRecords records, CaseRepository cases) {
        this.records = records;
        this.cases = cases;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        long caseId = CaseKeys.caseId(execution);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(RATINGS);
        RiskLevel level = rows.stream().map(row -> RiskLevel.valueOf((String) row.get(RISK_LEVEL)))
            .max(Comparator.naturalOrder()).orElse(RiskLevel.GREEN);
        String reasons = rows.stream()
            .filter(row -> level == RiskLevel.GREEN || !RiskLevel.GREEN.name().equals(row.get(RISK_LEVEL)))
            .sorted(Comparator.comparing((Map<String, Object> row) -> RiskLevel.valueOf((String) row.get(RISK_LEVEL))).reversed())
            .map(row -> (String) row.get("reason"))
            .collect(Collectors.joining("；"));
        Integer priority = Variables.integer(execution, PRIORITY);
        boolean registered = Variables.flag(execution, "registered");

        records.record(caseId, level, reasons, priority == null ? 0 : priority, level == RiskLevel.GREEN && registered);
        if (level != RiskLevel.GREEN || !registered) {
            CaseFile caseFile = cases.byId(caseId).orElseThrow();
            records.reportUpward(caseId, caseFile.jurisdiction(), level, !registered);
        }
        execution.setVariable(RISK_LEVEL, level.name());
        execution.setVariable(EXPLANATION, reasons);
        execution.setVariable(PRIORITY, priority == null ? 0 : priority);
        // The matched rows live on in EG_RATING; the process keeps only what its gateways and forms read.
        execution.removeVariable(RATINGS);
    }
}
