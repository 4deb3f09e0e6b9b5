package cn.elderguard.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/**
 * Verification facts that cannot all be true are refused over the engine REST API (as Tasklist and other
 * clients complete tasks) with 400 naming both fields; the task stays open and nothing is recorded. A lead
 * verified again is not refused for what the previous verification said (docs/forms.md).
 */
@ElderGuardTest
class ContradictoryVerificationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void prepaidFeesCollectedButUsedForNothingAreRefusedNamingBothFields() {
        Task task = verificationTask();

        ResponseEntity<String> response = submitForm(task, VerificationFacts.with("prepaidFeesYuan", 2_000_000L, "prepaidFeesUse", "NONE"));

        assertRefused(task, response, "prepaidFeesYuan", "prepaidFeesUse");
        assertThat(response.getBody()).contains("请选择其主要用途");
    }

    @Test
    void prepaidFeesCollectedWithoutTheirUseAreRefused() {
        Task task = verificationTask();
        Map<String, Object> facts = VerificationFacts.with("prepaidFeesYuan", 300_000L);
        facts.remove("prepaidFeesUse");

        assertRefused(task, complete(task, facts), "prepaidFeesYuan", "prepaidFeesUse");
    }

    @Test
    void noPrepaidFeesButAUseForThemAreRefused() {
        Task task = verificationTask();

        assertRefused(task, complete(task, VerificationFacts.with("prepaidFeesYuan", 0L, "prepaidFeesUse", "OPERATIONS")),
            "prepaidFeesYuan", "prepaidFeesUse");
    }

    @Test
    void aCollapsedInstitutionThatOperatesStablyIsRefused() {
        Task task = verificationTask();

        assertRefused(task, complete(task, VerificationFacts.with("collapsed", true, "operationStable", true)),
            "collapsed", "operationStable");
    }

    @Test
    void anUnregisteredVenueRegisteredElsewhereIsRefused() {
        Task task = verificationTask();

        assertRefused(task, submitForm(task, VerificationFacts.with("registered", false, "registeredElsewhere", DemoOrganisation.HEXI)),
            "registered", "registeredElsewhere");
    }

    @Test
    void aReVerificationIsNotHeldToTheFactsTheFormNowHides() {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE);
        assertThat(complete(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD),
            VerificationFacts.with("prepaidFeesYuan", 20_000L, "prepaidFeesUse", "OPERATIONS", "registeredElsewhere", DemoOrganisation.HEXI))
            .getStatusCode().value()).isEqualTo(204);
        assertThat(complete(task(instance, LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT), Map.of("signOffDecision", "REJECT",
            "notes", "收费情况需重新核实"), "cg_mz_ld").getStatusCode().value()).isEqualTo(204);

        // The form hides the fees' use (fees now 0), 运营比较平稳 (collapsed) and the registration elsewhere (not
        // registered): Tasklist does not send them. What the first verification said must not count again.
        Map<String, Object> facts = VerificationFacts.with("prepaidFeesYuan", 0L, "collapsed", true, "registered", false);
        facts.remove("prepaidFeesUse");
        facts.remove("operationStable");
        ResponseEntity<String> again = submitForm(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD), facts);

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(204);
        Map<String, Object> recorded = jdbc.sql("SELECT PREPAID_FEES_USE, OPERATION_STABLE, REGISTERED_ELSEWHERE FROM EG_VERIFICATION"
            + " WHERE CASE_ID = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY").param(Long.parseLong(instance.getBusinessKey()))
            .query().singleRow();
        assertThat(recorded).containsEntry("prepaid_fees_use", "NONE").containsEntry("operation_stable", false)
            .containsEntry("registered_elsewhere", null);
    }

    /** The form hides exactly the dependent facts, each while the fact it depends on says it does not apply. */
    @Test
    void theVerificationFormHidesExactlyTheDependentFacts() throws Exception {
        Task task = verificationTask();
        Set<String> conditional = new TreeSet<>();
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            for (JsonNode component : json.readTree(form).path("components")) {
                if (component.has("conditional")) {
                    conditional.add(component.path("key").asText());
                    String dependsOn = Verification.DEPENDENT_FACTS.get(component.path("key").asText());
                    assertThat(component.path("conditional").path("hide").asText()).as(component.path("key").asText())
                        .contains(dependsOn);
                }
            }
        }
        assertThat(conditional).isEqualTo(new TreeSet<>(Verification.DEPENDENT_FACTS.keySet()));
    }

    private void assertRefused(Task task, ResponseEntity<String> response, String field, String otherField) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains(field + "（").contains(otherField + "（").contains("相互矛盾");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
        String caseId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult().getBusinessKey();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_VERIFICATION WHERE CASE_ID = ?").param(Long.parseLong(caseId))
            .query(Long.class).single()).as("nothing recorded").isZero();
    }

    private Task verificationTask() {
        return LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE));
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    /** As Tasklist submits a Camunda Form. */
    private ResponseEntity<String> submitForm(Task task, Map<String, Object> values) {
        return http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .postForEntity("/engine-rest/task/{id}/submit-form", Map.of("variables", typed(values)), String.class, task.getId());
    }

    /** As another system completes a task. */
    private ResponseEntity<String> complete(Task task, Map<String, Object> values) {
        return complete(task, values, "cg_mz");
    }

    private ResponseEntity<String> complete(Task task, Map<String, Object> values, String user) {
        return http.withBasicAuth(user, DemoOrganisation.PASSWORD)
            .postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", typed(values)), String.class, task.getId());
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }
}
