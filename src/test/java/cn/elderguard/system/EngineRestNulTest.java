package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;
import cn.elderguard.support.HttpCaller;

/**
 * A task form with the NUL character (U+0000) in a text, submitted through the engine REST API (other systems) or
 * the webapps' API (Tasklist), is refused with 400 naming the field; the task stays open. PostgreSQL cannot store
 * the character: the completion failed with 500 (docs/decisions/015-bad-input-and-faults.md).
 */
@ElderGuardTest
class EngineRestNulTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "variables.notes.value：不能包含空字符（\\u0000），请删除后重新提交";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void throughTheEngineRestApi() throws Exception {
        Task task = verificationTask();

        ResponseEntity<String> response = http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .postForEntity("/engine-rest/task/{id}/submit-form", form(), String.class, task.getId());

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).path("problems").get(0).asText()).isEqualTo(PROBLEM);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void throughTasklist() throws Exception {
        Task task = verificationTask();
        HttpCaller tasklist = HttpCaller.webappSession(port, "cg_mz", DemoOrganisation.PASSWORD);

        HttpCaller.Response response = tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
            JSON.writeValueAsString(form()));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asText()).contains(PROBLEM);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    private Task verificationTask() {
        return LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE));
    }

    /** As Tasklist submits a Camunda Form: typed variables, here the verification notes with a NUL. */
    private static Map<String, Object> form() {
        Map<String, Object> variables = new HashMap<>();
        VerificationFacts.with("notes", "核查\0情况").forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return Map.of("variables", variables);
    }
}
