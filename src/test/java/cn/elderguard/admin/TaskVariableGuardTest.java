package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/**
 * Issue item 1: completing 核查线索 as 城关's civil-affairs officer with the form's fields plus
 * {@code "jurisdiction": "999001002001"} used to send the next task to 河西 and give 河西's units the 城关 case. Every
 * door that writes variables now takes only the task form's editable fields, typed; anything else is 400 naming
 * the field, and nothing changes.
 */
@ElderGuardTest
class TaskVariableGuardTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    ProcessInstance instance;
    Task task;
    HttpCaller officer;

    @BeforeEach
    void aChengguanVerificationClaimedByItsOfficer() {
        instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE);
        task = LeadDisposalStarter.verificationTask(engine, instance);
        officer = HttpCaller.basic(port, "cg_mz", DemoOrganisation.PASSWORD);
        assertThat(officer.post("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"cg_mz\"}").status()).isEqualTo(204);
    }

    @Test
    void aRoutingVariableBesideTheFormsFieldsIsRefusedAndNothingMoves() throws Exception {
        Map<String, Object> facts = VerificationFacts.registeredAndClean();
        facts.put("jurisdiction", DemoOrganisation.HEXICUN);

        HttpCaller.Response response = officer.post("/engine-rest/task/" + task.getId() + "/complete", variables(facts));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("jurisdiction").contains("不是本任务表单（" + LeadDisposalProcess.FORM_VERIFY_LEAD + "）的字段");
        assertStillOpenInChengguan();
    }

    @Test
    void tasklistsSubmitFormDoorRefusesItToo() throws Exception {
        HttpCaller tasklist = HttpCaller.webappSession(port, "cg_mz", DemoOrganisation.PASSWORD);
        Map<String, Object> facts = VerificationFacts.registeredAndClean();
        facts.put("responsibleAgency", "PUBLIC_SECURITY");

        HttpCaller.Response response = tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
            variables(facts));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("responsibleAgency");
        assertStillOpenInChengguan();
    }

    @Test
    void taskAndLocalVariableWritesAreForAdministratorsAndTakeOnlyFormFields() {
        String base = "/engine-rest/task/" + task.getId();
        assertThat(officer.put(base + "/variables/notes", "{\"value\":\"草稿\"}").status()).as("even a form field").isEqualTo(403);

        HttpCaller admin = HttpCaller.basic(port, "admin", "test-admin");
        assertThat(admin.put(base + "/variables/jurisdiction", "{\"value\":\"" + DemoOrganisation.HEXICUN + "\"}").status()).isEqualTo(400);
        assertThat(admin.put(base + "/localVariables/institutionName", "{\"value\":\"改名\"}").status()).isEqualTo(400);
        assertThat(admin.post(base + "/variables", "{\"modifications\":{\"riskLevel\":{\"value\":\"GREEN\"}}}").status()).isEqualTo(400);
        assertThat(admin.post(base + "/variables", "{\"deletions\":[\"jurisdiction\"]}").status()).isEqualTo(400);
        assertThat(admin.delete(base + "/variables/responsibleAgency").status()).isEqualTo(400);
        assertStillOpenInChengguan();
        assertThat(admin.put(base + "/variables/notes", "{\"value\":\"草稿\",\"type\":\"String\"}").status()).isEqualTo(204);
    }

    @Test
    void valuesMustHaveTheirFieldsKind() throws Exception {
        String complete = "/engine-rest/task/" + task.getId() + "/complete";
        assertRefused(complete, VerificationFacts.with("prepaidFeesYuan", "很多"), "prepaidFeesYuan（已收取预付费、会员费（元））：应为数字");
        assertRefused(complete, VerificationFacts.with("operationStable", "yes"), "operationStable");
        assertRefused(complete, VerificationFacts.with("legalForm", "CHARITY"), "legalForm（机构（场所）性质）：取值“CHARITY”不在可选项");
        assertRefused(complete, VerificationFacts.with("notes", "核查\u0000情况"), "不能包含空字符");
        // A field the form may hide stands for its neutral value while hidden; the verification's own rules judge it.
        assertRefused(complete, VerificationFacts.with("prepaidFeesUse", "HIDDEN"), "prepaidFeesUse（预付费主要用途）：取值“HIDDEN”无效");
        Map<String, Object> serialized = new HashMap<>();
        serialized.put("notes", Map.of("value", "rO0AB", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/x-java-serialized-object")));
        HttpCaller.Response object = officer.post(complete, json.writeValueAsString(Map.of("variables", serialized)));
        assertThat(object.status()).isEqualTo(400);
        assertThat(object.body()).contains("不接受 Object 类型的值");
        assertStillOpenInChengguan();
    }

    @Test
    void processInstanceVariablesAreForAdministratorsAndOnlyFormFields() {
        String variables = "/engine-rest/process-instance/" + instance.getId() + "/variables";
        assertThat(officer.post(variables, "{\"modifications\":{\"notes\":{\"value\":\"x\"}}}").status()).isEqualTo(403);

        HttpCaller admin = HttpCaller.basic(port, "admin", "test-admin");
        HttpCaller.Response routing = admin.post(variables, "{\"modifications\":{\"jurisdiction\":{\"value\":\"" + DemoOrganisation.HEXICUN + "\"}}}");
        assertThat(routing.status()).isEqualTo(400);
        assertThat(routing.body()).contains("jurisdiction").contains("路由和案件变量不能修改");
        assertThat(admin.put("/engine-rest/execution/" + instance.getId() + "/localVariables/responsibleAgency", "{\"value\":\"PUBLIC_SECURITY\"}")
            .status()).isEqualTo(400);
        assertThat(admin.post("/engine-rest/message", "{\"messageName\":\"x\",\"processVariables\":{\"jurisdiction\":{\"value\":\"1\"}}}")
            .status()).isEqualTo(400);
        assertStillOpenInChengguan();
        // A form field of the process may be repaired by an administrator.
        assertThat(admin.post(variables, "{\"modifications\":{\"notes\":{\"value\":\"管理员补录\"}}}").status()).isEqualTo(204);
    }

    @Test
    void exactlyTheFormsFieldsComplete() throws Exception {
        HttpCaller.Response response = officer.post("/engine-rest/task/" + task.getId() + "/complete",
            variables(VerificationFacts.registeredAndClean()));

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    private void assertRefused(String path, Map<String, Object> facts, String problem) throws Exception {
        HttpCaller.Response response = officer.post(path, variables(facts));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(problem);
    }

    private void assertStillOpenInChengguan() {
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "jurisdiction")).isEqualTo(DemoOrganisation.DONGJIE);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "responsibleAgency")).isEqualTo("CIVIL_AFFAIRS");
        assertThat(jdbc.sql("SELECT REGION_CODE FROM EG_CASE WHERE ID = ?").param(Long.parseLong(instance.getBusinessKey()))
            .query(String.class).single()).isEqualTo(DemoOrganisation.DONGJIE);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
            .resourceId(instance.getId()).list()).extracting(a -> a.getGroupId()).noneMatch(group -> group.contains(DemoOrganisation.HEXI));
    }

    private String variables(Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", variables));
    }
}
