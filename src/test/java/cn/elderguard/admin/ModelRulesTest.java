package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The model rules of the deployment gate file by file, without an engine: the cases the REST test
 * (DeploymentGateTest) does not send, and that the shipped models and the Modeler 5 fixture pass.
 */
class ModelRulesTest {

    static final DeploymentContext NOTHING_DEPLOYED = DeploymentContext.of(Map.of());

    final ElementIds elementIds = new ElementIds();
    final HistoryTimeToLive historyTimeToLive = new HistoryTimeToLive();
    final UserTaskRouting routing = new UserTaskRouting();
    final UserTaskForm forms = new UserTaskForm();
    final ReadableFile readable = new ReadableFile();

    @Test
    void theShippedModelsAndTheModeler5FixtureFollowTheIdPattern() throws IOException {
        for (String file : List.of("bpmn/LeadDisposal.bpmn", "bpmn/CaseHandOver.bpmn", "bpmn/DailyDigest.bpmn", "bpmn/RiskRating.dmn",
            "bpmn/LeadPriority.dmn", "src/test/resources/modeler5/LeadDisposal.bpmn")) {
            byte[] content = Files.readAllBytes(Path.of(file));
            String name = Path.of(file).getFileName().toString();
            assertThat(elementIds.check(name, content, NOTHING_DEPLOYED)).as(file).isEmpty();
            assertThat(historyTimeToLive.check(name, content, NOTHING_DEPLOYED)).as(file).isEmpty();
            assertThat(readable.check(name, content, NOTHING_DEPLOYED)).as(file).isEmpty();
            if (name.endsWith(".bpmn")) {
                assertThat(routing.check(name, content, NOTHING_DEPLOYED)).as(file).isEmpty();
            }
        }
    }

    @Test
    void generatedIdsAreRefusedWhereModelerShowsAnIdField() {
        String bpmn = DeploymentGateTest.SAMPLE
            .replace("StartEvent_SampleReported", "StartEvent_1")
            .replace("EndEvent_SampleDone", "Event_0q1w2e3")
            .replace("<bpmn:endEvent id=\"Event_0q1w2e3\" />",
                "<bpmn:endEvent id=\"Event_0q1w2e3\"><bpmn:terminateEventDefinition id=\"TerminateEventDefinition_0abc123\" /></bpmn:endEvent>");

        assertThat(ids(elementIds.check("GateSample.bpmn", bytes(bpmn), NOTHING_DEPLOYED)))
            // Event definitions have no ID field in Modeler: not checked.
            .containsExactlyInAnyOrder("StartEvent_1", "Event_0q1w2e3");
    }

    @Test
    void onlyThePrefixOfTheElementsKindIsAccepted() {
        // One pattern, the same as bpmnlint's element-ids rule: a task is Task_, a flow SequenceFlow_ (docs/modeler.md).
        String bpmn = DeploymentGateTest.SAMPLE;
        assertThat(elementIds.check("GateSample.bpmn", bytes(bpmn), NOTHING_DEPLOYED)).isEmpty();
        assertThat(ids(elementIds.check("GateSample.bpmn", bytes(bpmn.replace("Task_ReviewSample", "UserTask_ReviewSample")
            .replace("SequenceFlow_ToSampleDone", "Flow_ToSampleDone")), NOTHING_DEPLOYED)))
            .containsExactlyInAnyOrder("UserTask_ReviewSample", "Flow_ToSampleDone");
        assertThat(ids(elementIds.check("GateSample.bpmn", bytes(bpmn.replace("Task_ReviewSample", "Gateway_ReviewSample")),
            NOTHING_DEPLOYED))).containsExactly("Gateway_ReviewSample");
        assertThat(ids(elementIds.check("GateSample.bpmn", bytes(bpmn.replace("Task_ReviewSample", "Task_reviewSample")),
            NOTHING_DEPLOYED))).containsExactly("Task_reviewSample");
    }

    @Test
    void aDecisionIdFromModelerIsRefusedButItsRowsAreNot() throws IOException {
        String riskRating = Files.readString(Path.of("bpmn/RiskRating.dmn"), StandardCharsets.UTF_8);
        String generated = riskRating.replace("id=\"Rule_Green\"", "id=\"DecisionRule_0abc123\"")
            .replace("\"LargePrepaidFees\"", "\"Decision_1x2y3z4\"");

        assertThat(ids(elementIds.check("RiskRating.dmn", bytes(generated), NOTHING_DEPLOYED))).containsExactly("Decision_1x2y3z4");
    }

    @Test
    void historyTimeToLiveIsWholeDays() {
        assertThat(historyTimeToLive.check("GateSample.bpmn", bytes(DeploymentGateTest.SAMPLE.replace("\"1825\"", "\"P1825D\"")),
            NOTHING_DEPLOYED)).isEmpty();
        assertThat(historyTimeToLive.check("GateSample.bpmn", bytes(DeploymentGateTest.SAMPLE.replace("\"1825\"", "\"five years\"")),
            NOTHING_DEPLOYED)).singleElement().satisfies(violation -> assertThat(violation.chinese()).contains("不是天数"));
        // A process that is not executable runs nowhere and keeps no history.
        assertThat(historyTimeToLive.check("GateSample.bpmn", bytes(DeploymentGateTest.SAMPLE
            .replace(" camunda:historyTimeToLive=\"1825\"", "").replace("isExecutable=\"true\"", "isExecutable=\"false\"")),
            NOTHING_DEPLOYED)).isEmpty();
    }

    @Test
    void aPinnedFormVersionMustBeDeployed() {
        String pinned = DeploymentGateTest.SAMPLE.replace("camunda:formRefBinding=\"deployment\"",
            "camunda:formRefBinding=\"version\" camunda:formRefVersion=\"3\"");
        DeploymentContext versionThreeDeployed = new DeploymentContext() {
            @Override
            public Map<String, byte[]> resources() {
                return Map.of();
            }

            @Override
            public boolean formDeployed(String formKey) {
                return formKey.equals("GateSampleForm");
            }

            @Override
            public boolean formDeployed(String formKey, int version) {
                return formKey.equals("GateSampleForm") && version == 3;
            }

            @Override
            public boolean formDeployedWithTag(String formKey, String versionTag) {
                return false;
            }
        };

        assertThat(forms.check("GateSample.bpmn", bytes(pinned), versionThreeDeployed)).isEmpty();
        assertThat(ids(forms.check("GateSample.bpmn", bytes(pinned.replace("\"3\"", "\"4\"")), versionThreeDeployed)))
            .containsExactly("Task_ReviewSample");
        assertThat(forms.check("GateSample.bpmn", bytes(pinned), NOTHING_DEPLOYED)).singleElement()
            .satisfies(violation -> assertThat(violation.chinese()).contains("尚未部署"));
    }

    @Test
    void aFormRefWithoutBindingIsRefused() {
        String unbound = DeploymentGateTest.SAMPLE.replace(" camunda:formRefBinding=\"deployment\"", "");

        assertThat(forms.check("GateSample.bpmn", bytes(unbound),
            DeploymentContext.of(Map.of("GateSampleForm.form", bytes(DeploymentGateTest.SAMPLE_FORM)))))
            .singleElement().satisfies(violation -> assertThat(violation.chinese()).contains("未选绑定方式").contains("Binding"));
    }

    @Test
    void unitRoleIsLeadersOrAbsent() {
        String role = DeploymentGateTest.SAMPLE.replace("<camunda:property name=\"agency\" value=\"CIVIL_AFFAIRS\" />",
            "<camunda:property name=\"agency\" value=\"CIVIL_AFFAIRS\" /><camunda:property name=\"unitRole\" value=\"LEADER\" />");

        assertThat(routing.check("GateSample.bpmn", bytes(role), NOTHING_DEPLOYED)).singleElement()
            .satisfies(violation -> assertThat(violation.chinese()).contains("unitRole").contains("LEADERS"));
        assertThat(routing.check("GateSample.bpmn", bytes(role.replace("\"LEADER\"", "\"LEADERS\"")), NOTHING_DEPLOYED)).isEmpty();
    }

    @Test
    void readableFileNamesWhatIsWrong() {
        assertThat(readable.check("GateSample.bpmn20.xml", bytes(DeploymentGateTest.SAMPLE), NOTHING_DEPLOYED)).isEmpty();
        assertThat(readable.check("Empty.bpmn", new byte[0], NOTHING_DEPLOYED)).singleElement()
            .satisfies(violation -> assertThat(violation.chinese()).contains("不是格式正确的 XML"));
        // Document types (and with them outside entities) are refused before any parser resolves them.
        String withDoctype = DeploymentGateTest.SAMPLE.replace("<bpmn:definitions",
            "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<bpmn:definitions");
        assertThat(readable.check("GateSample.bpmn", bytes(withDoctype), NOTHING_DEPLOYED)).singleElement()
            .satisfies(violation -> assertThat(violation.line()).isEqualTo(2));
        // Well-formed, but not BPMN: the schema names the element.
        assertThat(readable.check("GateSample.bpmn", bytes(DeploymentGateTest.SAMPLE.replace("bpmn:startEvent", "bpmn:beginEvent")),
            NOTHING_DEPLOYED)).singleElement().satisfies(violation -> assertThat(violation.chinese()).contains("不是有效的 BPMN 2.0 模型")
                .contains("beginEvent"));
        assertThat(readable.check("Form.form", bytes("{\"components\": []}"), NOTHING_DEPLOYED)).singleElement()
            .satisfies(violation -> assertThat(violation.chinese()).contains("不是 Camunda 表单"));
        assertThat(readable.check("diagram.svg", bytes("<svg/>"), NOTHING_DEPLOYED)).singleElement()
            .satisfies(violation -> assertThat(violation.elementId()).isNull());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> ids(List<DeploymentViolation> violations) {
        return violations.stream().map(DeploymentViolation::elementId).toList();
    }
}
