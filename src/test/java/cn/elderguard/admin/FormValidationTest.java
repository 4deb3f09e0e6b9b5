package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/**
 * A task completed through the engine REST API (as Tasklist does) with a value its form forbids is refused
 * with 400 and the field named; the task stays open and no incident is raised.
 */
@ElderGuardTest
class FormValidationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void aNegativeAmountIsRefusedWithTheFieldNamed() {
        Task task = verificationTask();
        Map<String, Object> facts = VerificationFacts.with("prepaidFeesYuan", -5L);

        ResponseEntity<String> response = submit(task, facts);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains("prepaidFeesYuan").contains("不能小于 0");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void aMissingRequiredFieldIsRefusedWithTheFieldNamed() {
        Task task = verificationTask();
        Map<String, Object> facts = VerificationFacts.registeredAndClean();
        facts.remove("notes");
        facts.remove("assetsYuan");

        ResponseEntity<String> response = submit(task, facts);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("notes（核查情况）：必填").contains("assetsYuan");
    }

    @Test
    void tasklistsDoorAnswersTheSame() throws Exception {
        Task task = verificationTask();
        Map<String, Object> variables = new HashMap<>();
        VerificationFacts.with("prepaidFeesYuan", -5L).forEach((name, value) -> variables.put(name, Map.of("value", value)));

        HttpCaller.Response response = HttpCaller.webappSession(port, "cg_mz", DemoOrganisation.PASSWORD).post(
            "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("prepaidFeesYuan").contains("不能小于 0");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void aValidSubmissionCompletesTheTask() {
        Task task = verificationTask();
        assertThat(submit(task, VerificationFacts.registeredAndClean()).getStatusCode().value()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    private Task verificationTask() {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE);
        return LeadDisposalStarter.verificationTask(engine, instance);
    }

    /** As Tasklist submits a Camunda Form: POST /task/{id}/submit-form with typed variables. */
    private ResponseEntity<String> submit(Task task, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .postForEntity("/engine-rest/task/{id}/submit-form", Map.of("variables", variables), String.class, task.getId());
    }
}
