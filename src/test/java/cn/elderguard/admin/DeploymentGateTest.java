package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.Api;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.EngineJobRows;

/**
 * The deployment gate's rules readable-file, user-task-form, user-task-routing, user-task-service-level,
 * element-ids and history-time-to-live, through the door Camunda Modeler uses ({@code POST
 * /engine-rest/deployment/create}): a refused deployment answers 400 naming file, element and rule, and stores
 * nothing. Each case starts from a small process that passes every rule and breaks one thing.
 */
@ElderGuardTest
class DeploymentGateTest {

    /** A process that passes the gate: one routed user task with its form and its own due date. */
    static final String SAMPLE = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_1k3x9v2" targetNamespace="http://elderguard.cn/bpmn">
          <bpmn:process id="GateSample" name="部署规则样例" isExecutable="true" camunda:historyTimeToLive="1825">
            <bpmn:startEvent id="StartEvent_SampleReported" />
            <bpmn:sequenceFlow id="SequenceFlow_ToReviewSample" sourceRef="StartEvent_SampleReported" targetRef="Task_ReviewSample" />
            <bpmn:userTask id="Task_ReviewSample" name="审核样例" camunda:formRef="GateSampleForm" camunda:formRefBinding="deployment"
                           camunda:dueDate="P5D">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="agency" value="CIVIL_AFFAIRS" />
                </camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="SequenceFlow_ToSampleDone" sourceRef="Task_ReviewSample" targetRef="EndEvent_SampleDone" />
            <bpmn:endEvent id="EndEvent_SampleDone" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    static final String SAMPLE_FORM = """
        {"id": "GateSampleForm", "type": "default", "schemaVersion": 16,
         "components": [{"id": "Field_Notes", "key": "notes", "label": "说明", "type": "textarea"}]}
        """;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ObjectMapper json;

    @Autowired
    DeploymentRules rules;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Test
    void theSampleWithItsFormDeploys() throws IOException {
        ResponseEntity<String> response = deploy(Map.of("GateSample.bpmn", SAMPLE, "GateSampleForm.form", SAMPLE_FORM));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        engine.getRepositoryService().deleteDeployment(json.readTree(response.getBody()).path("id").asText(), true);
    }

    @Test
    void aFileThatIsNotXmlIsRefusedWithLineAndColumn() throws IOException {
        JsonNode problems = refused(Map.of("Notes.bpmn", "这不是 XML，是一段说明文字"));

        JsonNode problem = problems.path("Notes.bpmn").path("errors").get(0);
        assertThat(problem.path("message").asText()).contains(ReadableFile.ID).contains("不是格式正确的 XML").contains("not well-formed XML");
        assertThat(problem.path("line").asInt()).isEqualTo(1);
        assertThat(problem.path("column").asInt()).isPositive();
    }

    @Test
    void aFormThatIsNotJsonIsRefusedWithLineAndColumn() throws IOException {
        JsonNode problems = refused(Map.of("GateSample.bpmn", SAMPLE, "GateSampleForm.form", "{\n  \"id\": \"GateSampleForm\",\n  oops\n}"));

        JsonNode problem = problems.path("GateSampleForm.form").path("errors").get(0);
        assertThat(problem.path("message").asText()).contains(ReadableFile.ID).contains("JSON");
        assertThat(problem.path("line").asInt()).isEqualTo(3);
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
        JsonNode problems = refused(Map.of("GateSample.bpmn", SAMPLE, "GateSampleForm.form", SAMPLE_FORM,
            "GateSample.png", "\u0089PNG"));

        assertThat(problems.fieldNames()).toIterable().containsExactly("GateSample.png");
        assertThat(messages(problems, "GateSample.png")).singleElement().asString()
            .contains(ReadableFile.ID).contains("只能部署流程（.bpmn）、决策表（.dmn）和表单（.form）");
    }

    @Test
    void aTaskWhoseFormIsMissingIsRefused() throws IOException {
        JsonNode problems = refused(Map.of("GateSample.bpmn", SAMPLE));

        assertThat(elements(problems, "GateSample.bpmn")).containsExactly("Task_ReviewSample");
        assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString()
            .contains(UserTaskForm.ID).contains("GateSampleForm").contains("Include additional files");
    }

    @Test
    void aRedeploymentUnderTheSameNameThatLeavesUnchangedFormsOutIsRefused() throws IOException {
        Map<String, String> files = Map.of("GateSample.bpmn", SAMPLE, "GateSampleForm.form", SAMPLE_FORM);
        ResponseEntity<String> first = deploy(files, "部署规则测试-同名", true);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        Map<String, String> revised = Map.of("GateSample.bpmn", SAMPLE.replace("审核样例", "审核样例（修订）"), "GateSampleForm.form", SAMPLE_FORM);
        try {
            // Modeler sends deploy-changed-only: the unchanged form would not be stored with the revised process.
            JsonNode problems = refused(revised, "部署规则测试-同名", true);
            assertThat(elements(problems, "GateSample.bpmn")).containsExactly("Task_ReviewSample");
            assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString().contains("换一个部署名称");

            ResponseEntity<String> renamed = deploy(revised, "部署规则测试-同名（修订）", true);
            assertThat(renamed.getStatusCode().value()).as(renamed.getBody()).isEqualTo(200);
            engine.getRepositoryService().deleteDeployment(json.readTree(renamed.getBody()).path("id").asText(), true);
        } finally {
            engine.getRepositoryService().deleteDeployment(json.readTree(first.getBody()).path("id").asText(), true);
        }
    }

    @Test
    void leadDisposalWithoutItsFormsNamesEveryUserTask() throws IOException {
        String leadDisposal = Files.readString(Path.of("bpmn/LeadDisposal.bpmn"), StandardCharsets.UTF_8);
        long userTasks = leadDisposal.lines().filter(line -> line.contains("<bpmn:userTask ")).count();

        JsonNode problems = refused(Map.of("LeadDisposal.bpmn", leadDisposal));

        assertThat(userTasks).isEqualTo(22);
        assertThat(elements(problems, "LeadDisposal.bpmn")).hasSize(22)
            .contains(LeadDisposalProcess.TASK_VERIFY_LEAD, LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT);
        assertThat(messages(problems, "LeadDisposal.bpmn")).allSatisfy(message -> assertThat(message).contains(UserTaskForm.ID));
    }

    @Test
    void aTaskBindingTheLatestFormFindsOneDeployedBefore() throws IOException {
        String latest = SAMPLE.replace("camunda:formRef=\"GateSampleForm\" camunda:formRefBinding=\"deployment\"",
            "camunda:formRef=\"VerifyLead\" camunda:formRefBinding=\"latest\"");

        ResponseEntity<String> response = deploy(Map.of("GateSample.bpmn", latest));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        engine.getRepositoryService().deleteDeployment(json.readTree(response.getBody()).path("id").asText(), true);
        JsonNode problems = refused(Map.of("GateSample.bpmn", latest.replace("\"VerifyLead\"", "\"NeverDeployed\"")));
        assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString().contains("NeverDeployed").contains("latest");
    }

    @Test
    void aFormKeyInsteadOfACamundaFormIsRefused() throws IOException {
        String formKey = SAMPLE.replace("camunda:formRef=\"GateSampleForm\" camunda:formRefBinding=\"deployment\"",
            "camunda:formKey=\"embedded:app:forms/review.html\"");

        JsonNode problems = refused(Map.of("GateSample.bpmn", formKey, "GateSampleForm.form", SAMPLE_FORM));

        assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString().contains(UserTaskForm.ID).contains("Camunda Forms (linked)");
    }

    @Test
    void aModelerGeneratedIdIsRefusedSayingHowToRenameIt() throws IOException {
        String generated = SAMPLE.replace("Task_ReviewSample", "Activity_0abc123").replace("SequenceFlow_ToSampleDone", "Flow_0x1y2z3");

        JsonNode problems = refused(Map.of("GateSample.bpmn", generated, "GateSampleForm.form", SAMPLE_FORM));

        assertThat(elements(problems, "GateSample.bpmn")).containsExactlyInAnyOrder("Activity_0abc123", "Flow_0x1y2z3");
        assertThat(messages(problems, "GateSample.bpmn")).allSatisfy(message -> assertThat(message)
            .contains(ElementIds.ID).contains("ID 栏").contains("ID field"));
        assertThat(messages(problems, "GateSample.bpmn")).anySatisfy(message -> assertThat(message).contains("Task_VerifyLead"));
    }

    @Test
    void aProcessIdWithAPrefixIsRefused() throws IOException {
        JsonNode problems = refused(Map.of("GateSample.bpmn", SAMPLE.replace("\"GateSample\"", "\"Process_1d7k2m0\""),
            "GateSampleForm.form", SAMPLE_FORM));

        assertThat(elements(problems, "GateSample.bpmn")).contains("Process_1d7k2m0");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() throws IOException {
        JsonNode problems = refused(Map.of("GateSample.bpmn", SAMPLE.replace(" camunda:historyTimeToLive=\"1825\"", ""),
            "GateSampleForm.form", SAMPLE_FORM));

        assertThat(elements(problems, "GateSample.bpmn")).containsExactly("GateSample");
        assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString().contains(HistoryTimeToLive.ID).contains("Time to live");
    }

    @Test
    void aDecisionWithoutHistoryTimeToLiveIsRefused() throws IOException {
        String riskRating = Files.readString(Path.of("bpmn/RiskRating.dmn"), StandardCharsets.UTF_8);
        assertThat(riskRating).contains("camunda:historyTimeToLive=\"1825\"");

        JsonNode problems = refused(Map.of("RiskRating.dmn", riskRating.replaceFirst(" camunda:historyTimeToLive=\"1825\"", "")));

        assertThat(messages(problems, "RiskRating.dmn")).singleElement().asString().contains(HistoryTimeToLive.ID);
    }

    @Test
    void anUnknownAgencyIsRefused() throws IOException {
        JsonNode problems = refused(Map.of("GateSample.bpmn", SAMPLE.replace("value=\"CIVIL_AFFAIRS\"", "value=\"CIVIL_AFFAIRS,CIVIL_AFAIRS\""),
            "GateSampleForm.form", SAMPLE_FORM));

        assertThat(elements(problems, "GateSample.bpmn")).containsExactly("Task_ReviewSample");
        assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString()
            .contains(UserTaskRouting.ID).contains("CIVIL_AFAIRS").contains("MARKET_REGULATION（市场监管）");
    }

    @Test
    void aTaskNotRoutedToAUnitIsRefused() throws IOException {
        String unrouted = SAMPLE.replace("<camunda:property name=\"agency\" value=\"CIVIL_AFFAIRS\" />", "");

        JsonNode problems = refused(Map.of("GateSample.bpmn", unrouted, "GateSampleForm.form", SAMPLE_FORM));

        assertThat(elements(problems, "GateSample.bpmn")).containsExactly("Task_ReviewSample");
        assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString().contains(UserTaskRouting.ID).contains("agencyVariable");
    }

    @Test
    void aTaskWithoutServiceLevelIsRefusedUntilAnAdministratorSetsOne() throws IOException {
        String withoutDueDate = SAMPLE.replace(" camunda:dueDate=\"P5D\"", "");
        Map<String, String> files = Map.of("GateSample.bpmn", withoutDueDate, "GateSampleForm.form", SAMPLE_FORM);

        JsonNode problems = refused(files);
        assertThat(elements(problems, "GateSample.bpmn")).containsExactly("Task_ReviewSample");
        assertThat(messages(problems, "GateSample.bpmn")).singleElement().asString()
            .contains(UserTaskServiceLevel.ID).contains("/api/service-levels/GateSample/Task_ReviewSample");

        // The administrator sets the period for the task before it is deployed; then it deploys.
        Api admin = Api.as(http, adminId, adminPassword);
        admin.put("/api/service-levels/GateSample/Task_ReviewSample",
            Map.of("dueDays", 5, "workingDays", true, "reminderDaysBefore", 1, "escalationDaysAfter", List.of(0, 3))).ok();
        try {
            ResponseEntity<String> response = deploy(files);
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            engine.getRepositoryService().deleteDeployment(json.readTree(response.getBody()).path("id").asText(), true);
        } finally {
            admin.delete("/api/service-levels/GateSample/Task_ReviewSample").ok();
        }
    }

    @Test
    void theShippedModelsPassTheRules() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String folder : List.of("bpmn", "forms")) {
            try (var paths = Files.list(Path.of(folder))) {
                for (Path file : paths.toList()) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(20);

        assertThat(rules.check(files)).isEmpty();
        // The same check sees a broken file: it is not vacuous.
        files.put("Broken.bpmn", "<".getBytes(StandardCharsets.UTF_8));
        assertThat(rules.check(files)).containsOnlyKeys("Broken.bpmn");
    }

    /** Posts the files as Camunda Modeler does; asserts 400 and that nothing was stored; returns the problems per file. */
    private JsonNode refused(Map<String, String> files) throws IOException {
        return refused(files, "部署规则测试", false);
    }

    private JsonNode refused(Map<String, String> files, String name, boolean changedOnly) throws IOException {
        List<Long> before = counts();

        ResponseEntity<String> response = deploy(files, name, changedOnly);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(counts()).as("deployments, process definitions, decision definitions, forms").isEqualTo(before);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.path("message").asText()).contains("部署被拒绝").contains("Deployment refused");
        return body.path("details");
    }

    private ResponseEntity<String> deploy(Map<String, String> files) {
        return deploy(files, "部署规则测试", false);
    }

    private ResponseEntity<String> deploy(Map<String, String> files, String deploymentName, boolean changedOnly) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", deploymentName);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", Boolean.toString(changedOnly));
        files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(adminId, adminPassword)
            .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    private List<Long> counts() {
        var repository = engine.getRepositoryService();
        return List.of(repository.createDeploymentQuery().count(), repository.createProcessDefinitionQuery().count(),
            repository.createDecisionDefinitionQuery().count(),
            EngineJobRows.jdbc(engine).sql("SELECT COUNT(*) FROM ACT_RE_CAMFORMDEF").query(Long.class).single());
    }

    private static List<String> elements(JsonNode problems, String file) {
        List<String> ids = new ArrayList<>();
        problems.path(file).path("errors").forEach(error -> ids.add(error.path("mainElementId").asText()));
        return ids;
    }

    private static List<String> messages(JsonNode problems, String file) {
        List<String> messages = new ArrayList<>();
        problems.path(file).path("errors").forEach(error -> messages.add(error.path("message").asText()));
        return messages;
    }
}
