package cn.elderguard.engine;

import java.util.List;

/**
 * A decision output the application's code reads (e.g. RiskRating's {@code riskLevel}): the decision must
 * keep it and declare exactly these output values, so that no deployment can give the code a value it does
 * not know. Capabilities declare their contracts as beans; {@link ClosedOutputValues} enforces them.
 */
public interface DecisionOutputContract {

    /** The decision's id (its key), e.g. {@code RiskRating}. */
    String decisionKey();

    /** The output's name, e.g. {@code riskLevel}. */
    String outputName();

    /** The string values the output must declare, no more and no fewer, e.g. {@code GREEN}, {@code YELLOW}… */
    List<String> values();
}
