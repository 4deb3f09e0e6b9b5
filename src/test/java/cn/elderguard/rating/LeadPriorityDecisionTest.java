package cn.elderguard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/LeadPriority.dmn row by row: 涉众规模, 风险敞口, 舆论热度, 涉稳隐患 add up to the priority (0–100). */
class LeadPriorityDecisionTest {

    static DmnEngine dmn;
    static DmnDecision priority;
    static DmnDecision largePrepaidFees;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/LeadPriority.dmn")) {
            priority = dmn.parseDecision(LeadPriorityDecision.KEY, in);
        }
        try (InputStream in = new FileInputStream("bpmn/RiskRating.dmn")) {
            largePrepaidFees = dmn.parseDecision(RiskRatingDecision.LARGE_PREPAID_FEES_KEY, in);
        }
    }

    static Object score(long people, long exposure, String heat, boolean hazard) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("peopleInvolved", people);
        facts.put("exposureYuan", exposure);
        facts.put("publicOpinionHeat", heat);
        facts.put("stabilityHazard", hazard);
        Object score = dmn.evaluateDecision(priority, facts).getSingleEntry();
        return score == null ? 0 : ((Number) score).intValue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "nothing at stake,                       0,        0,        NONE,   false, 0",
        "涉众 100 人以上,                       100,        0,        NONE,   false, 30",
        "涉众 30–99 人 (lower bound),            30,        0,        NONE,   false, 20",
        "涉众 30–99 人 (upper bound),            99,        0,        NONE,   false, 20",
        "涉众 1–29 人,                            1,        0,        NONE,   false, 10",
        "风险敞口 1000 万元以上,                   0, 10000000,        NONE,   false, 30",
        "风险敞口 100–1000 万元,                   0,  1000000,        NONE,   false, 20",
        "风险敞口 100 万元以下,                    0,   999999,        NONE,   false, 10",
        "舆论热度高,                              0,        0,        HIGH,   false, 20",
        "舆论热度中,                              0,        0,        MEDIUM, false, 10",
        "舆论热度低,                              0,        0,        LOW,    false, 5",
        "涉稳隐患,                                0,        0,        NONE,   true,  20"})
    void eachRowAddsItsPoints(String row, long people, long exposure, String heat, boolean hazard, int expected) {
        assertThat(score(people, exposure, heat, hazard)).isEqualTo(expected);
    }

    @Test
    void theWorstCaseScoresOneHundred() {
        assertThat(score(500, 50_000_000, "HIGH", true)).isEqualTo(100);
    }

    @Test
    void criteriaAddUp() {
        assertThat(score(45, 2_000_000, "LOW", false)).isEqualTo(20 + 20 + 5);
    }

    @ParameterizedTest
    @CsvSource({"499999, false", "500000, true", "3000000, true", "0, false"})
    void prepaidFeesAreLargeFromHalfAMillionYuan(long fees, boolean large) {
        Object result = dmn.evaluateDecision(largePrepaidFees, Map.of("prepaidFeesYuan", fees)).getSingleEntry();
        assertThat(result).isEqualTo(large);
    }
}
