package cn.elderguard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.elderguard.lead.RiskLevel;

/**
 * bpmn/RiskRating.dmn row by row (docs/domain.md §4): each criterion alone yields its colour and reason;
 * with several, every matched reason is returned (the most severe colour wins in {@link RecordRatingDelegate}).
 */
class RiskRatingDecisionTest {

    static DmnDecision riskRating;
    static DmnEngine dmn;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/RiskRating.dmn")) {
            riskRating = dmn.parseDecision(RiskRatingDecision.KEY, in);
        }
    }

    /** A verified institution with nothing wrong: the baseline every test changes one fact of. */
    static Map<String, Object> clean() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("prepaidFeesYuan", 0);
        facts.put("prepaidFeesUse", "NONE");
        facts.put("assetsYuan", 2_000_000);
        facts.put("liabilitiesYuan", 500_000);
        facts.put("operationStable", true);
        facts.put("collapsed", false);
        facts.put("branchesOpened12m", 0);
        facts.put("representativeOrAddressChanges24m", 0);
        facts.put("principalProsecuted", false);
        facts.put("complaints", 0);
        facts.put("blacklisted", false);
        facts.put("promisedReturns", false);
        facts.put("publicOpinionEvent", false);
        facts.put("suspectedCrime", false);
        return facts;
    }

    static List<String> reasons(Consumer<Map<String, Object>> change) {
        Map<String, Object> facts = clean();
        change.accept(facts);
        DmnDecisionResult result = dmn.evaluateDecision(riskRating, facts);
        return result.getResultList().stream().map(row -> row.get(RiskRatingDecision.OUTPUT_RISK_LEVEL) + "|" + row.get(RiskRatingDecision.OUTPUT_REASON)).toList();
    }

    @Test
    void nothingWrongIsGreen() {
        assertThat(reasons(facts -> { })).containsExactly("GREEN|绿：未发现风险隐患");
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
        branchesOpened12m                 | 3     | YELLOW | 黄：近一年分支机构、服务网点扩张过快
        representativeOrAddressChanges24m | 2     | YELLOW | 黄：频繁变更法定代表人或登记注册地
        principalProsecuted               | true  | ORANGE | 橙：主要负责人因经济犯罪被提起诉讼
        complaints                        | 1     | ORANGE | 橙：被投诉举报
        blacklisted                       | true  | ORANGE | 橙：被纳入黑名单
        suspectedCrime                    | true  | RED    | 红：涉嫌非法集资、诈骗等犯罪
        promisedReturns                   | true  | RED    | 红：以养老项目、养老公寓等名义承诺高额回报吸收资金，涉嫌非法集资
        collapsed                         | true  | RED    | 红：已经“爆雷”
        publicOpinionEvent                | true  | RED    | 红：引起不良影响或重大舆情
        """)
    void oneCriterionGivesItsColourAndReason(String fact, String value, String level, String reason) {
        Object typed = "true".equals(value) ? Boolean.TRUE : (Object) Integer.valueOf(value);
        assertThat(reasons(facts -> facts.put(fact, typed))).containsExactlyInAnyOrder("GREEN|绿：未发现风险隐患", level + "|" + reason);
    }

    @Test
    void largeFeesFundingFacilitiesIsYellow() {
        assertThat(reasons(facts -> {
            facts.put("prepaidFeesYuan", 800_000);
            facts.put("prepaidFeesUse", "FACILITY_CONSTRUCTION");
        })).contains("YELLOW|黄：已收取大额预付费，资金主要用于弥补设施建设资金不足").hasSize(2);
    }

    @Test
    void largeFeesUsedIrregularlyButSolventAndStableIsOrange() {
        assertThat(reasons(facts -> {
            facts.put("prepaidFeesYuan", 800_000);
            facts.put("prepaidFeesUse", "IRREGULAR");
        })).contains("ORANGE|橙：大额预付费资金使用不规范，但资可抵债、运营比较平稳").hasSize(2);
    }

    @Test
    void largeFeesUsedIrregularlyByAVenueNotOperatingStablyIsStillOrange() {
        assertThat(reasons(facts -> {
            facts.put("prepaidFeesYuan", 800_000);
            facts.put("prepaidFeesUse", "IRREGULAR");
            facts.put("operationStable", false);
        })).containsExactlyInAnyOrder("GREEN|绿：未发现风险隐患", "ORANGE|橙：大额预付费资金使用不规范，且运营不平稳");
    }

    @Test
    void largeFeesUsedIrregularlyByAnInsolventVenueNotOperatingStablyIsRed() {
        assertThat(reasons(facts -> {
            facts.put("prepaidFeesYuan", 800_000);
            facts.put("prepaidFeesUse", "IRREGULAR");
            facts.put("operationStable", false);
            facts.put("liabilitiesYuan", 3_000_000);
        })).contains("RED|红：已收取大额预付费且资不抵债").doesNotContain("ORANGE|橙：大额预付费资金使用不规范，但资可抵债、运营比较平稳");
    }

    @Test
    void largeFeesAndInsolventIsRed() {
        assertThat(reasons(facts -> {
            facts.put("prepaidFeesYuan", 800_000);
            facts.put("prepaidFeesUse", "OPERATIONS");
            facts.put("liabilitiesYuan", 3_000_000);
        })).contains("RED|红：已收取大额预付费且资不抵债").hasSize(2);
    }

    @Test
    void smallFeesAreNeverLarge() {
        assertThat(reasons(facts -> {
            facts.put("prepaidFeesYuan", 499_999);
            facts.put("prepaidFeesUse", "IRREGULAR");
            facts.put("liabilitiesYuan", 3_000_000);
        })).containsExactly("GREEN|绿：未发现风险隐患");
    }

    @Test
    void criteriaOfDifferentSeverityAreAllReported() {
        assertThat(reasons(facts -> {
            facts.put("branchesOpened12m", 5);
            facts.put("principalProsecuted", true);
            facts.put("collapsed", true);
        })).containsExactlyInAnyOrder("GREEN|绿：未发现风险隐患", "YELLOW|黄：近一年分支机构、服务网点扩张过快",
            "ORANGE|橙：主要负责人因经济犯罪被提起诉讼", "RED|红：已经“爆雷”");
    }

    /**
     * What an administrator reading the table sees: the colour column offers exactly the four levels (most
     * severe first), and the decision and its table say how several matched rows combine.
     */
    @Test
    void theLevelIsAClosedListAndTheTableSaysTheMostSevereColourWins() {
        Decision decision = Dmn.readModelFromFile(new File("bpmn/RiskRating.dmn")).getModelElementById(RiskRatingDecision.KEY);
        DecisionTable table = (DecisionTable) decision.getExpression();
        Output level = table.getOutputs().stream().filter(o -> RiskRatingDecision.OUTPUT_RISK_LEVEL.equals(o.getName())).findFirst().orElseThrow();
        List<String> mostSevereFirst = new ArrayList<>(Arrays.stream(RiskLevel.values()).map(l -> "\"" + l.name() + "\"").toList());
        Collections.reverse(mostSevereFirst);

        assertThat(level.getOutputValues()).as("riskLevel declares its output values").isNotNull();
        assertThat(level.getOutputValues().getText().getTextContent()).isEqualTo(String.join(",", mostSevereFirst))
            .isEqualTo("\"RED\",\"ORANGE\",\"YELLOW\",\"GREEN\"");
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
        assertThat(table.getDescription()).isNotNull();
        assertThat(table.getDescription().getTextContent()).contains("取最严重的等级").contains("依据都保留");
        assertThat(decision.getDescription().getTextContent()).contains("取最严重的等级").contains("依据全部记入评定说明");
        assertThat(level.getLabel()).contains("取最严重");
    }
}
