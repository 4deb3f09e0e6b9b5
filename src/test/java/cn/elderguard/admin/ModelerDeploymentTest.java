package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/**
 * Camunda Modeler's deploy dialog posts a multipart request to {@code /engine-rest/deployment/create}
 * with HTTP Basic credentials; this test sends the same request.
 */
@ElderGuardTest
class ModelerDeploymentTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ObjectMapper json;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Test
    void modelerDeploysAProcessWithItsFormAndTheNewVersionRuns() throws IOException {
        String revised = Files.readString(Path.of("bpmn/LeadDisposal.bpmn"), StandardCharsets.UTF_8)
            .replace("name=\"线索处置\"", "name=\"线索处置（Modeler 修订）\"");
        int versionBefore = latestLeadDisposalVersion();

        ResponseEntity<String> response = http.withBasicAuth(adminId, adminPassword)
            .postForEntity("/engine-rest/deployment/create", modelerRequest(revised), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode deployment = json.readTree(response.getBody());
        try {
            assertThat(deployment.path("deployedProcessDefinitions").size()).isGreaterThanOrEqualTo(1);
            assertThat(latestLeadDisposalVersion()).isEqualTo(versionBefore + 1);

            ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN);
            String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
            assertThat(engine.getFormService().getDeployedTaskForm(taskId)).isNotNull();
        } finally {
            // Other test classes share this database and expect the application's own deployment to be the latest.
            engine.getRepositoryService().deleteDeployment(deployment.path("id").asText(), true);
        }
    }

    @Test
    void aModelSavedByModeler5PassesTheGateAndACaseRunsOnItToItsEnd() throws IOException {
        // Modeler 5's extras: colours (bioc, color), a text annotation with a generated id, labels in the diagram.
        String saved = Files.readString(Path.of("src/test/resources/modeler5/LeadDisposal.bpmn"), StandardCharsets.UTF_8);
        assertThat(saved).contains("exporterVersion=\"5.").contains("modeler:executionPlatform=").contains("bioc:fill=")
            .contains("color:background-color=").contains("TextAnnotation_0y4k2qz").contains("<bpmndi:BPMNLabel");

        ResponseEntity<String> response = http.withBasicAuth(adminId, adminPassword)
            .postForEntity("/engine-rest/deployment/create", modelerRequest(saved), String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = json.readTree(response.getBody()).path("id").asText();
        try {
            ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN);
            assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId())
                .isEqualTo(deploymentId);
            Task verify = LeadDisposalStarter.verificationTask(engine, instance);
            assertThat(engine.getFormService().getDeployedTaskForm(verify.getId())).isNotNull();
            engine.getTaskService().complete(verify.getId(), VerificationFacts.registeredAndClean());
            Task signOff = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT).singleResult();
            engine.getTaskService().complete(signOff.getId(), Map.of("signOffDecision", "APPROVE", "notes", "同意销号"));

            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndActivityId()).isEqualTo(LeadDisposalProcess.END_EVENT_CASE_CLOSED);
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void modelerWithoutCredentialsIsRejected() throws IOException {
        String model = Files.readString(Path.of("bpmn/LeadDisposal.bpmn"), StandardCharsets.UTF_8);

        ResponseEntity<String> response = http.postForEntity("/engine-rest/deployment/create", modelerRequest(model), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpEntity<MultiValueMap<String, Object>> modelerRequest(String bpmn) throws IOException {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "LeadDisposal");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "true");
        parts.add("LeadDisposal.bpmn", file("LeadDisposal.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        // The called process, the decisions and the forms go with it ("include additional files"): binding
        // "deployment" finds them only in the same deployment.
        try (var files = Files.list(Path.of("bpmn"))) {
            for (Path other : files.filter(f -> !f.getFileName().toString().equals("LeadDisposal.bpmn")).toList()) {
                parts.add(other.getFileName().toString(), file(other.getFileName().toString(), Files.readAllBytes(other)));
            }
        }
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                parts.add(form.getFileName().toString(), file(form.getFileName().toString(), Files.readAllBytes(form)));
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private int latestLeadDisposalVersion() {
        return engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(LeadDisposalProcess.KEY).latestVersion().singleResult().getVersion();
    }
}
