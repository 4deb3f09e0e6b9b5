package cn.elderguard.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * An administrator lowers the "large prepaid fees" threshold in RiskRating.dmn and deploys only that file
 * (as Camunda Modeler does): new ratings follow it at once, without a rebuild or a process redeployment.
 */
@ElderGuardTest
class RatingRedeploymentTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void aRedeployedThresholdChangesTheRatingOfNewCases() throws Exception {
        BpmnAwareTests.init(engine);
        var facts = VerificationFacts.with("prepaidFeesYuan", 200_000L, "prepaidFeesUse", "FACILITY_CONSTRUCTION");
        assertThat(rate(facts)).isEqualTo("GREEN");

        String lowered = Files.readString(Path.of("bpmn/RiskRating.dmn"), StandardCharsets.UTF_8)
            .replace("&gt;= 500000", "&gt;= 100000").replace("&lt; 500000", "&lt; 100000");
        Deployment change = engine.getRepositoryService().createDeployment().name("RiskRating 大额标准调整为 10 万元")
            .addString("RiskRating.dmn", lowered).deploy();
        try {
            assertThat(rate(facts)).isEqualTo("YELLOW");
        } finally {
            engine.getRepositoryService().deleteDeployment(change.getId(), true);
        }
        assertThat(rate(facts)).isEqualTo("GREEN");
    }

    /**
     * The colour is a closed list: a RiskRating whose rule gives "YELOW" is refused at the door Camunda
     * Modeler uses, with the file, the rule and the broken deployment rule named, and nothing is stored.
     */
    @Test
    void aMisspeltColourIsRefusedAtDeploymentAndRatingGoesOn() throws Exception {
        BpmnAwareTests.init(engine);
        String misspelt = Files.readString(Path.of("bpmn/RiskRating.dmn"), StandardCharsets.UTF_8)
            .replaceFirst("<text>\"YELLOW\"</text>", "<text>\"YELOW\"</text>");
        long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
        long decisionsBefore = engine.getRepositoryService().createDecisionDefinitionQuery().count();

        ResponseEntity<String> response = http.withBasicAuth("admin", "test-admin")
            .postForEntity("/engine-rest/deployment/create", modelerRequest("RiskRating.dmn", misspelt), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("message").asText()).contains("部署被拒绝").contains("Deployment refused")
            .contains("RiskRating.dmn").contains("Rule_YellowFacilityFunding").contains("closed-output-values").contains("\"YELOW\"");
        JsonNode problem = body.path("details").path("RiskRating.dmn").path("errors").get(0);
        assertThat(problem.path("mainElementId").asText()).isEqualTo("Rule_YellowFacilityFunding");
        assertThat(problem.path("message").asText()).contains("不在该输出声明的取值列表").contains("not among the output's declared values");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count()).isEqualTo(decisionsBefore);

        var facts = VerificationFacts.with("representativeOrAddressChanges24m", 3L);
        assertThat(rate(facts)).isEqualTo("YELLOW");
    }

    private static HttpEntity<MultiValueMap<String, Object>> modelerRequest(String fileName, String content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "RiskRating 修订");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "true");
        parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private String rate(java.util.Map<String, Object> facts) {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE);
        complete(task(LeadDisposalProcess.TASK_VERIFY_LEAD, instance), facts);
        return jdbc.sql("SELECT RISK_LEVEL FROM EG_CASE WHERE ID = ?").param(Long.parseLong(instance.getBusinessKey()))
            .query(String.class).single();
    }
}
