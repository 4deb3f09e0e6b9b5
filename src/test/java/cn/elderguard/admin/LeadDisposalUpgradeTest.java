package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.Api;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalWalker;

/**
 * Upgrading a live installation strands no case (docs/decisions/031): cases in every wait state of the flat
 * LeadDisposal shipped before the subprocesses (src/test/resources/fixtures/lead-disposal-previous, the model of
 * commit e5eacd3) move to the shipped model through the administrators' migration API with the generated mapping
 * alone (equal ids, also into the added subprocesses), keep their tasks, due dates and timers, and run to their end.
 */
@ElderGuardTest
@MigrationContext
class LeadDisposalUpgradeTest {

    static final Path PREVIOUS = Path.of("src/test/resources/fixtures/lead-disposal-previous");
    /** Cases per wait state. */
    static final int EACH = 2;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void casesInEveryWaitStateOfThePreviousModelMoveIntoTheSubprocessesAndRunToTheirEnd() throws Exception {
        LeadDisposalWalker walker = new LeadDisposalWalker(engine);
        Api admin = Api.admin(http);
        ProcessDefinition previous = deployPrevious();

        // Given cases in every wait state of the previous version (user tasks, timers, call activities; joins on the way)
        List<String> cases = new ArrayList<>();
        for (LeadDisposalWalker.Stop stop : LeadDisposalWalker.STOPS) {
            for (int i = 0; i < EACH; i++) {
                String id = walker.start(previous.getId()).getId();
                walker.walkTo(id, stop);
                cases.add(id);
            }
        }
        // and cases whose other red measures are done, their tokens waiting at the join for the police's decision
        for (int i = 0; i < EACH; i++) {
            String id = walker.start(previous.getId()).getId();
            walker.walkTo(id, new LeadDisposalWalker.Stop(LeadDisposalWalker.Route.RED, LeadDisposalProcess.TASK_REPORT_POLICE_DECISION));
            engine.getTaskService().createTaskQuery().processInstanceId(id).list().stream()
                .filter(task -> !task.getTaskDefinitionKey().equals(LeadDisposalProcess.TASK_REPORT_POLICE_DECISION))
                .forEach(task -> engine.getTaskService().complete(task.getId(),
                    Map.of("notes", "升级测试", "residentsResettled", 20L, "peopleAssisted", 12L)));
            assertThat(walker.waitsIn(id, LeadDisposalProcess.GATEWAY_RED_MEASURES_DONE)).isTrue();
            cases.add(id);
        }
        Set<String> occupied = new HashSet<>(jdbc.sql("SELECT DISTINCT ACT_ID_ FROM ACT_RU_EXECUTION WHERE PROC_DEF_ID_ = ? AND ACT_ID_ IS NOT NULL")
            .param(previous.getId()).query(String.class).list());
        assertThat(occupied).as("every wait state of the previous version holds cases").containsAll(waitStates(previous))
            .as("tokens wait at the red measures' join").contains(LeadDisposalProcess.GATEWAY_RED_MEASURES_DONE);
        Map<String, String> tasksBefore = tasks(previous.getId());
        Set<String> timersBefore = timers();
        assertThat(timersBefore).isNotEmpty();

        // When the shipped model is deployed and the cases are migrated with the generated mapping alone
        ProcessDefinition shipped = deployShipped();
        Map<String, Object> request = Map.of("sourceDefinitionId", previous.getId(), "targetDefinitionId", shipped.getId());
        JsonNode mapping = admin.post("/api/admin/migrations/mapping", request).ok().json();
        assertThat(mapping.path("unmapped").findValuesAsText("id")).as("every wait state of the previous version is mapped").isEmpty();
        JsonNode dryRun = admin.post("/api/admin/migrations/dry-run", request).ok().json();
        assertThat(dryRun.path("doesNotMap").asLong()).as(dryRun.toString()).isZero();
        assertThat(dryRun.path("maps").asLong()).isEqualTo(cases.size());
        JsonNode batch = admin.post("/api/admin/migrations", request).ok().json();
        assertThat(batch.path("instances").asInt()).isEqualTo(cases.size());
        String batchId = batch.path("batchId").asText();
        walker.runBatch(batchId, 4);

        // Then none is refused or left behind, and tasks and timers are as they were
        JsonNode result = admin.get("/api/admin/migrations/" + batchId).ok().json();
        assertThat(result.path("instances").findValuesAsText("outcome")).as(result.toString()).hasSize(cases.size()).containsOnly("MIGRATED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(previous.getId()).count()).isZero();
        assertThat(tasks(shipped.getId())).as("the same tasks, keys and due dates").isEqualTo(tasksBefore);
        assertThat(timers()).as("BPMN timers keep their due dates").isEqualTo(timersBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_TASK_DEADLINE d JOIN ACT_RU_TASK t ON t.ID_ = d.TASK_ID WHERE d.COMPLETED_AT IS NULL"
            + " AND d.PROCESS_DEFINITION_ID <> t.PROC_DEF_ID_").query(Long.class).single()).as("deadline rows follow their tasks").isZero();
        List<String> inSubprocess = cases.stream().filter(id -> walker.waitsIn(id, LeadDisposalProcess.TASK_ISSUE_RISK_WARNING)).toList();
        assertThat(inSubprocess).isNotEmpty().allSatisfy(id -> {
            ActivityInstance tree = engine.getRuntimeService().getActivityInstance(id);
            assertThat(tree.getActivityInstances(LeadDisposalProcess.SUB_PROCESS_YELLOW_MONITORING)).as("the added subprocess around the task").hasSize(1);
        });

        // And every case goes on to its end on the shipped model
        cases.forEach(walker::walkToEnd);
        assertThat(cases).allMatch(walker::ended);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CASE c WHERE c.STATUS = 'CLOSED' AND c.PROCESS_INSTANCE_ID IN (SELECT PROC_INST_ID_ FROM"
            + " ACT_HI_PROCINST WHERE PROC_DEF_ID_ = ?)").param(shipped.getId()).query(Long.class).single()).isEqualTo(cases.size());
    }

    /**
     * The previous model as an installation has it: deployed under the previous rules, which wanted the per-task routing
     * listener and no agency on every task, so it goes past today's gate (put back at once), with the shipped forms
     * and models it binds by deployment.
     */
    private ProcessDefinition deployPrevious() throws IOException {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // The deployment cache runs its own copy of the deployer list (the configuration's has the same deployers).
        List<Deployer> all = configuration.getDeployers();
        configuration.getDeploymentCache().setDeployers(
            all.stream().filter(deployer -> !deployer.getClass().getName().startsWith("cn.elderguard.")).toList());
        try {
            return deploy("LeadDisposal 分组前（升级测试）", PREVIOUS.resolve("LeadDisposal.bpmn"));
        } finally {
            configuration.getDeploymentCache().setDeployers(all);
        }
    }

    private ProcessDefinition deployShipped() throws IOException {
        return deploy("LeadDisposal 分组（升级测试）", Path.of("bpmn/LeadDisposal.bpmn"));
    }

    private ProcessDefinition deploy(String name, Path leadDisposal) throws IOException {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(name);
        deployment.addInputStream("LeadDisposal.bpmn", Files.newInputStream(leadDisposal));
        for (String folder : new String[] {"bpmn", "forms"}) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("LeadDisposal.bpmn")).toList()) {
                    deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
                }
            }
        }
        String deploymentId = deployment.deploy().getId();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
            .processDefinitionKey(LeadDisposalProcess.KEY).singleResult();
    }

    private List<String> waitStates(ProcessDefinition definition) {
        return engine.getRepositoryService().getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class).stream()
            .filter(node -> node instanceof UserTask || node instanceof CallActivity || node instanceof IntermediateCatchEvent)
            .map(FlowNode::getId).toList();
    }

    /** Task id → key and due date, of the tasks of LeadDisposal cases on this version. */
    private Map<String, String> tasks(String definitionId) {
        Map<String, String> tasks = new HashMap<>();
        jdbc.sql("SELECT ID_, TASK_DEF_KEY_, DUE_DATE_ FROM ACT_RU_TASK WHERE PROC_DEF_ID_ = ?").param(definitionId)
            .query(rs -> {
                tasks.put(rs.getString(1), rs.getString(2) + " " + rs.getTimestamp(3));
            });
        return tasks;
    }

    /** The BPMN timers of every case: instance, timer activity and due date. */
    private Set<String> timers() {
        return new HashSet<>(jdbc.sql("SELECT PROCESS_INSTANCE_ID_ || ' ' || HANDLER_CFG_ || ' ' || DUEDATE_ FROM ACT_RU_JOB"
            + " WHERE HANDLER_TYPE_ LIKE 'timer-%' AND PROCESS_INSTANCE_ID_ IS NOT NULL").query(String.class).list());
    }
}
