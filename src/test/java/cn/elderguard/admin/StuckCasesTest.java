package cn.elderguard.admin;

import static cn.elderguard.lead.LeadDisposalProcess.EVENT_RECTIFICATION_DEADLINE;
import static cn.elderguard.lead.LeadDisposalProcess.TASK_VERIFY_RECTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.LeadDisposalWalker;
import cn.elderguard.engine.CaseProcessNames;

/** Repair: a case whose job ran out of retries is listed; retry gives it back; migrate moves it to the newest version. */
@ElderGuardTest
@MigrationContext
class StuckCasesTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Test
    void aCaseWithAnIncidentIsListedRetriedAndMigratedToTheNewestVersion() {
        LeadDisposalWalker walker = new LeadDisposalWalker(engine);
        Api admin = Api.admin(http);
        ProcessDefinition v1 = walker.version1();
        String stuck = failedTimer(walker, v1);

        JsonNode listed = admin.get("/api/admin/stuck-cases").ok().json();
        JsonNode row = find(listed, stuck);
        assertThat(row).as("the case with an incident is listed").isNotNull();
        assertThat(row.path("problems").toString()).contains("故障").contains(EVENT_RECTIFICATION_DEADLINE);
        assertThat(admin.post("/api/admin/stuck-cases/retry", Map.of("processInstanceIds", List.of())).status()).isEqualTo(400);
        assertThat(Api.as(http, "xian_cfb", "demo").get("/api/admin/stuck-cases").status()).isEqualTo(403);
        // Bad input on the migration doors: 400 naming the field, nothing started.
        var missingTarget = admin.post("/api/admin/migrations", Map.of("sourceDefinitionId", v1.getId()));
        assertThat(missingTarget.status()).isEqualTo(400);
        assertThat(missingTarget.errorFields()).containsExactly("targetDefinitionId");
        assertThat(missingTarget.body()).contains("请选择流程版本");
        assertThat(admin.post("/api/admin/migrations/dry-run", Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v1.getId(),
            "unknownField", 1)).status()).isEqualTo(400);
        var samePair = admin.post("/api/admin/migrations/mapping", Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v1.getId()));
        assertThat(samePair.errorFields()).containsExactly("targetDefinitionId");

        JsonNode retried = admin.post("/api/admin/stuck-cases/retry", Map.of("processInstanceIds", List.of(stuck))).ok().json();
        assertThat(retried.path("jobs").asInt()).isEqualTo(1);
        assertThat(find(admin.get("/api/admin/stuck-cases").ok().json(), stuck)).as("no longer stuck").isNull();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(stuck).singleResult();
        assertThat(timer.getRetries()).isEqualTo(StuckCases.RETRIES);
        engine.getManagementService().executeJob(timer.getId());
        assertThat(walker.waitsIn(stuck, TASK_VERIFY_RECTIFICATION)).isTrue();
        walker.walkToEnd(stuck);

        // A second stuck case goes to the newest version instead (after a fix was deployed), its incident with it.
        String other = failedTimer(walker, v1);
        ProcessDefinition newest = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(LeadDisposalProcess.KEY).latestVersion().singleResult();
        if (newest.getId().equals(v1.getId())) {
            admin.put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalWalker.V2_TASK_CHECK_RECTIFICATION,
                Map.of("dueDays", 7, "workingDays", true, "reminderDaysBefore", 2, "escalationDaysAfter", List.of(0, 2, 4))).ok();
            admin.put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalWalker.V2_TASK_COMPILE_CASE_FILE,
                Map.of("dueDays", 3, "workingDays", true, "reminderDaysBefore", 1, "escalationDaysAfter", List.of(0, 3))).ok();
            newest = walker.deployVersion2("LeadDisposal 修订（修复测试）");
        }
        JsonNode started = admin.post("/api/admin/stuck-cases/migrate", Map.of("processInstanceIds", List.of(other))).ok().json();
        String batchId = started.path("migrations").get(0).path("batchId").asText();
        walker.runBatch(batchId, 1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(other).singleResult().getProcessDefinitionId())
            .isEqualTo(newest.getId());
        JsonNode stillStuck = find(admin.get("/api/admin/stuck-cases").ok().json(), other);
        assertThat(stillStuck.path("version").asInt()).isEqualTo(newest.getVersion());
        admin.post("/api/admin/stuck-cases/retry", Map.of("processInstanceIds", List.of(other))).ok();
        walker.walkToEnd(other);
        assertThat(walker.ended(other)).isTrue();
    }

    @Test
    void aCaseWhoseFormWasDeletedIsListedAndMigratingItToTheFixedVersionRepairsIt() throws Exception {
        Api admin = Api.admin(http);
        Path fixture = Path.of("src/test/resources/fixtures/form-deleted");
        admin.put("/api/service-levels/FormDeleted/Task_ReviewNotes",
            Map.of("dueDays", 5, "workingDays", true, "reminderDaysBefore", 1, "escalationDaysAfter", List.of(0, 3))).ok();
        // The form in a deployment of its own, the model binding it "latest"; then someone deletes the form's deployment.
        String formDeployment = engine.getRepositoryService().createDeployment().name("复核表单")
            .addInputStream("ReviewNotes.form", Files.newInputStream(fixture.resolve("ReviewNotes.form"))).deploy().getId();
        String modelDeployment = engine.getRepositoryService().createDeployment().name("表单被删除 v1")
            .addInputStream("FormDeleted.bpmn", Files.newInputStream(fixture.resolve("FormDeleted.bpmn"))).deploy().getId();
        ProcessDefinition broken = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(modelDeployment).singleResult();
        long caseId = LeadDisposalStarter.openCase(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE, "表单缺失测试机构");
        String instance = engine.getRuntimeService().startProcessInstanceById(broken.getId(), Long.toString(caseId),
            Map.of(CaseProcessNames.VAR_JURISDICTION, DemoOrganisation.DONGJIE, CaseProcessNames.VAR_RESPONSIBLE_AGENCY,
                Agency.CIVIL_AFFAIRS.name())).getId();
        engine.getRepositoryService().deleteDeployment(formDeployment);

        JsonNode row = find(admin.get("/api/admin/stuck-cases").ok().json(), instance);
        assertThat(row).as("the case on a version whose form is gone is listed").isNotNull();
        assertThat(row.path("problems").toString()).contains("表单缺失").contains("Task_ReviewNotes").contains("ReviewNotes");

        // The fix: a version that deploys its form with it. Bulk migrate moves the case there.
        String fixed = engine.getRepositoryService().createDeployment().name("表单被删除 v2")
            .addInputStream("FormDeleted.bpmn", Files.newInputStream(fixture.resolve("v2/FormDeleted.bpmn")))
            .addInputStream("ReviewNotes.form", Files.newInputStream(fixture.resolve("v2/ReviewNotes.form"))).deploy().getId();
        JsonNode started = admin.post("/api/admin/stuck-cases/migrate", Map.of("processInstanceIds", List.of(instance))).ok().json();
        new LeadDisposalWalker(engine).runBatch(started.path("migrations").get(0).path("batchId").asText(), 1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
            .isEqualTo(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(fixed).singleResult().getId());
        assertThat(find(admin.get("/api/admin/stuck-cases").ok().json(), instance)).as("repaired").isNull();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        try (var form = engine.getFormService().getDeployedTaskForm(task)) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("ReviewNotes");
        }
        engine.getTaskService().complete(task, Map.of("notes", "已复核"));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    /** A case waiting for its rectification deadline whose timer job ran out of retries (an incident in Cockpit). */
    private String failedTimer(LeadDisposalWalker walker, ProcessDefinition v1) {
        String id = walker.start(v1.getId()).getId();
        walker.walkTo(id, new LeadDisposalWalker.Stop(LeadDisposalWalker.Route.ORANGE, EVENT_RECTIFICATION_DEADLINE));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(id).singleResult();
        engine.getManagementService().setJobRetries(timer.getId(), 0);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count()).isEqualTo(1);
        return id;
    }

    private static JsonNode find(JsonNode list, String processInstanceId) {
        for (JsonNode row : list) {
            if (row.path("processInstanceId").asText().equals(processInstanceId)) {
                return row;
            }
        }
        return null;
    }
}
