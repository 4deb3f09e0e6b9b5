package cn.elderguard.rating;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import cn.elderguard.engine.DecisionOutputContract;
import cn.elderguard.lead.RiskLevel;

/**
 * The decisions of bpmn/RiskRating.dmn, {@code RiskRating} and the {@code LargePrepaidFees} it requires, as the
 * application reads them: their keys and outputs, shared by code and tests (their inputs are LeadDisposal's
 * variables, lead/LeadDisposalProcess). RiskRating's {@code riskLevel} output must declare exactly the {@link RiskLevel} values,
 * most severe first; the deployment gate refuses any RiskRating that does not (docs/decisions/017).
 */
@Component
public class RiskRatingDecision implements DecisionOutputContract {

    public static final String KEY = "RiskRating";
    public static final String OUTPUT_RISK_LEVEL = "riskLevel";
    public static final String OUTPUT_REASON = "reason";
    /** Required by RiskRating and used by the unregistered-venue path: 大额预付费 (yes/no). */
    public static final String LARGE_PREPAID_FEES_KEY = "LargePrepaidFees";
    public static final String LARGE_PREPAID_FEES_OUTPUT = "largePrepaidFees";

    @Override
    public String decisionKey() {
        return KEY;
    }

    @Override
    public String outputName() {
        return OUTPUT_RISK_LEVEL;
    }

    @Override
    public List<String> values() {
        RiskLevel[] levels = RiskLevel.values();
        return IntStream.range(0, levels.length).mapToObj(i -> levels[levels.length - 1 - i].name()).toList();
    }
}
