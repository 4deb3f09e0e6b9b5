package cn.elderguard.rating;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.lead.CaseFile;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.engine.Variables;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.lead.LeadDisposalProcess;

/**
 * Task_RecordRating: of the RiskRating rows that matched, the most severe level wins; every matched row's
 * reason is kept as the explanation ("橙：主要负责人因经济犯罪被提起诉讼"). The LeadPriority score becomes the
 * case's priority (and its tasks'). Non-green cases and unregistered venues are reported upward.
 *
 * <p>An unregistered venue is disposed of by the venue rules unless it is red (docs/decisions/008), so its
 * explanation says so and names the venue path it takes, never "未发现风险隐患" (docs/decisions/018).
 */
@ModelBean(LeadDisposalProcess.BEAN_RECORD_RATING)
class RecordRatingDelegate implements JavaDelegate {

    static final String UNREGISTERED_VENUE = "未登记场所（未经登记从事养老服务）";

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
        List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(LeadDisposalProcess.VAR_RISK_RATINGS);
        RiskLevel level = rows.stream().map(RecordRatingDelegate::levelOf).max(Comparator.naturalOrder()).orElse(RiskLevel.GREEN);
        boolean registered = LeadDisposalProcess.registered(execution);
        // Green's own row ("未发现风险隐患") explains only a registered institution that nothing else was found against.
        boolean withGreen = level == RiskLevel.GREEN && registered;
        String reasons = rows.stream()
            .filter(row -> withGreen || levelOf(row) != RiskLevel.GREEN)
            .sorted(Comparator.comparing(RecordRatingDelegate::levelOf).reversed())
            .map(row -> (String) row.get(RiskRatingDecision.OUTPUT_REASON))
            .collect(Collectors.joining("；"));
        if (!registered) {
            reasons = level == RiskLevel.RED ? reasons + "；" + UNREGISTERED_VENUE + "：按红色处置"
                : UNREGISTERED_VENUE + "：" + venuePath(execution) + (reasons.isEmpty() ? "" : "；" + reasons);
        }
        Integer priority = LeadDisposalProcess.casePriority(execution);

        records.record(caseId, level, reasons, priority == null ? 0 : priority, withGreen, !registered);
        if (level != RiskLevel.GREEN || !registered) {
            CaseFile caseFile = cases.byId(caseId).orElseThrow();
            records.reportUpward(caseId, caseFile.jurisdiction(), level, !registered);
        }
        execution.setVariable(LeadDisposalProcess.VAR_RISK_LEVEL, level.name());
        execution.setVariable(LeadDisposalProcess.VAR_RISK_EXPLANATION, reasons);
        execution.setVariable(LeadDisposalProcess.VAR_CASE_PRIORITY, priority == null ? 0 : priority);
        // The matched rows live on in EG_RATING; the process keeps only what its gateways and forms read.
        execution.removeVariable(LeadDisposalProcess.VAR_RISK_RATINGS);
    }

    private static RiskLevel levelOf(Map<String, Object> row) {
        return RiskLevel.valueOf((String) row.get(RiskRatingDecision.OUTPUT_RISK_LEVEL));
    }

    /**
     * The venue rules: no large prepaid fees → urge registration and follow up; large prepaid fees → order the
     * refund, then 民非 to social-organisation registration, 企业 to market regulation to investigate and ban.
     * "Large" is the deployed LargePrepaidFees decision's answer, the same one the model's venue path asks next.
     */
    private static String venuePath(DelegateExecution execution) {
        if (!largePrepaidFees(execution)) {
            return "未收取大额预付费，督促依法办理登记并跟踪检查";
        }
        String legalForm = Variables.text(execution, LeadDisposalProcess.VAR_LEGAL_FORM);
        String handOver = "PRIVATE_NON_ENTERPRISE".equals(legalForm) ? "属民非性质，移交社会组织登记管理部门处置"
            : "ENTERPRISE".equals(legalForm) ? "属企业性质，移交市场监管部门依法查处、取缔"
            : "再按场所性质移交社会组织登记管理部门或市场监管部门";
        return "已收取大额预付费，责令退还资金，" + handOver;
    }

    private static boolean largePrepaidFees(DelegateExecution execution) {
        var decisions = execution.getProcessEngineServices().getDecisionService();
        var facts = org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue(LeadDisposalProcess.VAR_PREPAID_FEES_YUAN, execution.getVariable(LeadDisposalProcess.VAR_PREPAID_FEES_YUAN));
        // The system's evaluation, like the model's own business rule tasks: the officer who completed the
        // verification needs no permission to evaluate decisions.
        Object large = Context.getCommandContext().runWithoutAuthorization(() -> decisions
            .evaluateDecisionByKey(RiskRatingDecision.LARGE_PREPAID_FEES_KEY).variables(facts).evaluate().getSingleEntry());
        return Boolean.TRUE.equals(large);
    }
}
