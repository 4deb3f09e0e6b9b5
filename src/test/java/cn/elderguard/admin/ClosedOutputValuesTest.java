package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.elderguard.rating.RiskRatingDecision;

/**
 * The deployment gate's first rule, file by file: decision outputs are closed lists, and RiskRating's
 * {@code riskLevel} declares exactly the four colours the application knows.
 */
class ClosedOutputValuesTest {

    static final DeploymentContext NOTHING_DEPLOYED = DeploymentContext.of(Map.of());
    static String riskRating;
    final ClosedOutputValues rule = new ClosedOutputValues(List.of(new RiskRatingDecision()));

    @BeforeAll
    static void read() throws IOException {
        riskRating = Files.readString(Path.of("bpmn/RiskRating.dmn"), StandardCharsets.UTF_8);
    }

    List<DeploymentViolation> check(String dmn) {
        return rule.check("RiskRating.dmn", dmn.getBytes(StandardCharsets.UTF_8), NOTHING_DEPLOYED);
    }

    @Test
    void theShippedModelsPass() throws IOException {
        assertThat(check(riskRating)).isEmpty();
        assertThat(rule.check("LeadPriority.dmn", Files.readAllBytes(Path.of("bpmn/LeadPriority.dmn")), NOTHING_DEPLOYED)).isEmpty();
    }

    @Test
    void aMisspeltColourIsRefusedNamingItsRule() {
        List<DeploymentViolation> violations = check(riskRating.replaceFirst("<text>\"YELLOW\"</text>", "<text>\"YELOW\"</text>"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.elementId()).isEqualTo("Rule_YellowFacilityFunding");
            assertThat(violation.ruleId()).isEqualTo(ClosedOutputValues.ID);
            assertThat(violation.chinese()).contains("\"YELOW\"").contains("不在该输出声明的取值列表");
            assertThat(violation.english()).contains("\"YELOW\"").contains("not among the output's declared values");
            assertThat(violation.getMessage()).contains("Rule_YellowFacilityFunding").contains(ClosedOutputValues.ID);
        });
    }

    @Test
    void anEmptyLevelIsRefused() {
        List<DeploymentViolation> violations = check(riskRating.replaceFirst("<text>\"YELLOW\"</text>", "<text></text>"));

        assertThat(violations).extracting(DeploymentViolation::elementId).containsExactly("Rule_YellowFacilityFunding");
        assertThat(violations.get(0).chinese()).contains("为空");
    }

    @Test
    void riskLevelMustDeclareItsValues() {
        String open = riskRating.replaceAll("(?s)<outputValues id=\"UnaryTests_RiskLevel\">.*?</outputValues>", "");

        assertThat(check(open)).singleElement().satisfies(violation -> {
            assertThat(violation.elementId()).isEqualTo("Output_RiskLevel");
            assertThat(violation.chinese()).contains("须声明取值列表").contains("\"RED\",\"ORANGE\",\"YELLOW\",\"GREEN\"").contains("未声明");
        });
    }

    @Test
    void riskLevelMayNotDropOrAddAColour() {
        String withoutGreen = riskRating.replace("<text>\"RED\",\"ORANGE\",\"YELLOW\",\"GREEN\"</text>",
            "<text>\"RED\",\"ORANGE\",\"YELLOW\"</text>");
        assertThat(check(withoutGreen)).extracting(DeploymentViolation::elementId)
            .containsExactlyInAnyOrder("Output_RiskLevel", "Rule_Green");

        String withPurple = riskRating.replace("<text>\"RED\",\"ORANGE\",\"YELLOW\",\"GREEN\"</text>",
            "<text>\"RED\",\"ORANGE\",\"YELLOW\",\"GREEN\",\"PURPLE\"</text>");
        assertThat(check(withPurple)).extracting(DeploymentViolation::elementId).containsExactly("Output_RiskLevel");

        String reordered = riskRating.replace("<text>\"RED\",\"ORANGE\",\"YELLOW\",\"GREEN\"</text>",
            "<text>\"GREEN\", \"YELLOW\", \"ORANGE\", \"RED\"</text>");
        assertThat(check(reordered)).isEmpty();
    }

    @Test
    void riskLevelMayNotBeRenamed() {
        String renamed = riskRating.replace("name=\"riskLevel\"", "name=\"level\"");

        assertThat(check(renamed)).singleElement().satisfies(violation -> {
            assertThat(violation.elementId()).isEqualTo("RiskRating");
            assertThat(violation.chinese()).contains("保留输出 riskLevel");
        });
    }

    @Test
    void anyDecisionWithDeclaredOutputValuesIsAClosedList() {
        String dmn = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Sample" name="示例" namespace="http://elderguard.cn/dmn">
              <decision id="Sample" name="示例">
                <decisionTable id="DecisionTable_Sample">
                  <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="integer"><text>n</text></inputExpression></input>
                  <output id="Output_Kind" name="kind" typeRef="string">
                    <outputValues id="UnaryTests_Kind"><text>"A, with a comma","B"</text></outputValues>
                  </output>
                  <output id="Output_Free" name="free" typeRef="string" />
                  <rule id="Rule_A"><inputEntry id="InputEntry_A"><text>1</text></inputEntry>
                    <outputEntry id="OutputEntry_A_1"><text>"A, with a comma"</text></outputEntry>
                    <outputEntry id="OutputEntry_A_2"><text>"anything"</text></outputEntry></rule>
                  <rule id="Rule_C"><inputEntry id="InputEntry_C"><text>2</text></inputEntry>
                    <outputEntry id="OutputEntry_C_1"><text>"C"</text></outputEntry>
                    <outputEntry id="OutputEntry_C_2"><text>"anything"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

        assertThat(rule.check("Sample.dmn", dmn.getBytes(StandardCharsets.UTF_8), NOTHING_DEPLOYED))
            .extracting(DeploymentViolation::elementId).containsExactly("Rule_C");
    }

    @Test
    void aFileThatDoesNotParseIsLeftToTheEnginesOwnReport() {
        assertThat(check("<definitions")).isEmpty();
    }

    @Test
    void onlyDecisionFilesAreRead() {
        assertThat(rule.appliesTo("RiskRating.dmn")).isTrue();
        assertThat(rule.appliesTo("LeadDisposal.bpmn")).isFalse();
        assertThat(rule.appliesTo("VerifyLead.form")).isFalse();
    }
}
