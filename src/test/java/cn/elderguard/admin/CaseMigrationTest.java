package cn.elderguard.admin;

import static cn.elderguard.lead.LeadDisposalProcess.TASK_VERIFY_RECTIFICATION;
import static cn.elderguard.support.LeadDisposalWalker.V2_TASK_CHECK_RECTIFICATION;
import static cn.elderguard.support.LeadDisposalWalker.V2_TASK_COMPILE_CASE_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
import cn.elderguard.support.LeadDisposalWalker.Stop;

/**
 * Issue 12, done-when 2 and 4: 500 cases in every wait state of LeadDisposal v1 move to a v2 (saved as Camunda
 * Modeler 5 saves it) that renames 核验整改情况 and adds 整理销号材料, through the administrators' API: dry run,
 * batch, result. No task loses its due date, its deadline row or its pending escalation step; BPMN timers,
 * grants and the timeline stay; every case then runs to its end on v2.
 */
@ElderGuardTest
@MigrationContext
class CaseMigrationTest {

    /** 500 as issue 12 asks; -Deg.migration.cases=50 for a quicker look while working on migration. */
    static final int CASES = Integer.getInteger("eg.migration.cases", 500);
    static final int THREADS = 8;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void fiveHundredCasesInEveryWaitStateMoveToVersionTwoKeepTheirDeadlinesAndRunToTheirEnd() throws Exception {
        LeadDisposalWalker walker = new LeadDisposalWalker(engine);
        Api admin = Api.admin(http);
        ProcessDefinition v1 = walker.version1();
        // The deployment gate wants a service level for every user task; the renamed task's differs on purpose.
        admin.put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + V2_TASK_CHECK_RECTIFICATION,
            Map.of("dueDays", 7, "workingDays", true, "reminderDaysBefore", 2, "escalationDaysAfter", List.of(0, 2, 4))).ok();
        admin.put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + V2_TASK_COMPILE_CASE_FILE,
            Map.of("dueDays", 3, "workingDays", true, "reminderDaysBefore", 1, "escalationDaysAfter", List.of(0, 3))).ok();
        ProcessDefinition v2 = walker.deployVersion2("LeadDisposal 修订（迁移测试）");

        // Given 500 cases spread over every wait state of v1
        long t0 = System.nanoTime();
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            slots.add(Integer.toString(i));
        }
        Map<String, String> started = new java.util.concurrent.ConcurrentHashMap<>();
        Set<Long> caseIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        inParallel(slots, slot -> {
            var instance = walker.start(v1.getId());
            walker.walkTo(instance.getId(), LeadDisposalWalker.STOPS.get(Integer.parseInt(slot) % LeadDisposalWalker.STOPS.size()));
            started.put(slot, instance.getId());
            caseIds.add(Long.valueOf(instance.getBusinessKey()));
        });
        List<String> cases = List.copyOf(started.values());
        Set<String> occupied = new HashSet<>(jdbc.sql("SELECT DISTINCT e.ACT_ID_ FROM ACT_RU_EXECUTION e WHERE e.PROC_DEF_ID_ = ?"
            + " AND e.ACT_ID_ IS NOT NULL").param(v1.getId()).query(String.class).list());
        assertThat(occupied).as("every wait state of v1 holds cases").containsAll(waitStates(v1));
        System.out.printf("MIGRATION-TEST walked %d cases in %d ms%n", CASES, (System.nanoTime() - t0) / 1_000_000);
        Snapshot before = snapshot();
        long pastTheAddedTask = engine.getTaskService().createTaskQuery().processDefinitionId(v1.getId())
            .taskDefinitionKey(LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT).count();
        assertThat(before.deadlines()).hasSizeGreaterThan(CASES);
        assertThat(before.deadlineJobs()).hasSizeGreaterThan(CASES);
        assertThat(before.timers()).isNotEmpty();

        // The generated mapping leaves the renamed task unmapped; the dry run says which cases that stops, and why
        Map<String, Object> plain = Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v2.getId());
        JsonNode mapping = admin.post("/api/admin/migrations/mapping", plain).ok().json();
        assertThat(mapping.path("unmapped").findValuesAsText("id")).contains(TASK_VERIFY_RECTIFICATION);
        assertThat(mapping.path("unmappedTargets").findValuesAsText("id")).contains(V2_TASK_CHECK_RECTIFICATION, V2_TASK_COMPILE_CASE_FILE);
        JsonNode refused = admin.post("/api/admin/migrations/dry-run", plain).ok().json();
        long atRenamedTask = before.tasks().values().stream().filter(t -> t.key().equals(TASK_VERIFY_RECTIFICATION)).count();
        assertThat(refused.path("doesNotMap").asLong()).isEqualTo(atRenamedTask).isPositive();
        assertThat(refused.path("instances").findValuesAsText("reason"))
            .anySatisfy(reason -> assertThat(reason).contains("无法迁移").contains(TASK_VERIFY_RECTIFICATION).contains("核验整改情况"));

        Map<String, Object> request = Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v2.getId(),
            "extraPairs", List.of(Map.of("source", TASK_VERIFY_RECTIFICATION, "target", V2_TASK_CHECK_RECTIFICATION)));
        JsonNode dryRun = admin.post("/api/admin/migrations/dry-run", request).ok().json();
        assertThat(dryRun.path("maps").asLong()).isEqualTo(CASES);
        assertThat(dryRun.path("doesNotMap").asLong()).isZero();

        // When the migration runs as an engine batch
        JsonNode batch = admin.post("/api/admin/migrations", request).ok().json();
        assertThat(batch.path("instances").asInt()).isEqualTo(CASES);
        String batchId = batch.path("batchId").asText();
        t0 = System.nanoTime();
        walker.runBatch(batchId, THREADS);
        System.out.printf("MIGRATION-TEST migrated in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        // Then every case is on v2 and nothing ElderGuard keeps about its work moved
        JsonNode result = admin.get("/api/admin/migrations/" + batchId).ok().json();
        assertThat(result.path("progress").path("state").asText()).isEqualTo("FINISHED");
        assertThat(result.path("instances").findValuesAsText("outcome")).hasSize(CASES).containsOnly("MIGRATED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(CASES);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isZero();
        Snapshot after = snapshot();
        Map<String, Task> renamedBefore = new HashMap<>(before.tasks());
        renamedBefore.replaceAll((id, task) -> task.key().equals(TASK_VERIFY_RECTIFICATION)
            ? new Task(V2_TASK_CHECK_RECTIFICATION, task.due(), task.definition()) : task);
        assertThat(after.tasks().keySet()).isEqualTo(before.tasks().keySet());
        after.tasks().forEach((id, task) -> {
            Task was = renamedBefore.get(id);
            assertThat(task.key()).as("task %s", id).isEqualTo(was.key());
            assertThat(task.due()).as("due date of %s", id).isEqualTo(was.due());
            if (was.definition().equals(v1.getId())) {
                assertThat(task.definition()).isEqualTo(v2.getId());
            }
        });
        assertThat(after.deadlines()).as("due, service level and next escalation step of every open task").isEqualTo(before.deadlines());
        assertThat(after.deadlineJobs()).as("pending reminder/escalation job of every task, same moment").isEqualTo(before.deadlineJobs());
        assertThat(after.timers()).as("BPMN timers keep their due dates").isEqualTo(before.timers());
        assertThat(after.grants()).as("task and case grants").isEqualTo(before.grants());
        assertThat(after.caseUnits()).isEqualTo(before.caseUnits());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_TASK_DEADLINE d JOIN ACT_RU_TASK t ON t.ID_ = d.TASK_ID WHERE d.COMPLETED_AT IS NULL"
            + " AND (d.PROCESS_DEFINITION_ID <> t.PROC_DEF_ID_ OR d.TASK_KEY <> t.TASK_DEF_KEY_)").query(Long.class).single())
            .as("deadline rows name the task's new definition and id").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN EG_TASK_DEADLINE d ON d.TASK_ID = j.HANDLER_CFG_"
            + " WHERE j.HANDLER_TYPE_ = 'eg-task-deadline' AND j.PROCESS_DEF_ID_ <> d.PROCESS_DEFINITION_ID").query(Long.class).single())
            .as("deadline jobs listed under the new version in Cockpit").isZero();
        Map<Long, List<String>> timelineAfter = after.timeline();
        before.timeline().forEach((caseId, events) -> {
            List<String> now = timelineAfter.get(caseId);
            if (!caseIds.contains(caseId)) {
                assertThat(now).as("timeline of case %s, not migrated", caseId).isEqualTo(events);
                return;
            }
            assertThat(now.subList(0, events.size())).isEqualTo(events);
            assertThat(now.subList(events.size(), now.size())).singleElement().asString().startsWith("MIGRATED 流程迁移至第 " + v2.getVersion() + " 版");
        });

        assertThat(caseIds).hasSize(CASES).allSatisfy(caseId -> assertThat(timelineAfter.get(caseId))
            .filteredOn(line -> line.startsWith("MIGRATED")).singleElement().asString().contains("admin"));

        // And every case goes on to its end on v2, through the renamed and the added task
        t0 = System.nanoTime();
        inParallel(cases, walker::walkToEnd);
        System.out.printf("MIGRATION-TEST walked to the end in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(cases).allMatch(walker::ended);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processDefinitionId(v2.getId())
            .taskDefinitionKey(V2_TASK_CHECK_RECTIFICATION).finished().count()).isGreaterThanOrEqualTo(atRenamedTask);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processDefinitionId(v2.getId())
            .taskDefinitionKey(V2_TASK_COMPILE_CASE_FILE).finished().count())
            .as("every case not yet at the sign-off passed the added task").isEqualTo(CASES - pastTheAddedTask);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CASE c WHERE c.STATUS = 'CLOSED' AND c.PROCESS_INSTANCE_ID IN (SELECT PROC_INST_ID_ FROM"
            + " ACT_HI_PROCINST WHERE PROC_DEF_ID_ = ?)").param(v2.getId()).query(Long.class).single()).isEqualTo(CASES);
    }

    private List<String> waitStates(ProcessDefinition definition) {
        return engine.getRepositoryService().getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class).stream()
            .filter(node -> node instanceof UserTask || node instanceof CallActivity || node instanceof IntermediateCatchEvent)
            .map(FlowNode::getId).toList();
    }

    private static void inParallel(List<String> cases, Consumer<String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = cases.stream().map(id -> pool.submit(() -> work.accept(id))).<Future<?>>map(f -> f).toList();
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private Snapshot snapshot() {
        Map<String, Task> tasks = new HashMap<>();
        jdbc.sql("SELECT ID_, TASK_DEF_KEY_, DUE_DATE_, PROC_DEF_ID_ FROM ACT_RU_TASK")
            .query(rs -> {
                tasks.put(rs.getString(1), new Task(rs.getString(2), String.valueOf(rs.getTimestamp(3)), rs.getString(4)));
            });
        Map<String, String> deadlines = new HashMap<>();
        jdbc.sql("SELECT TASK_ID, DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP, CREATED_AT FROM EG_TASK_DEADLINE"
                + " WHERE COMPLETED_AT IS NULL")
            .query(rs -> {
                deadlines.put(rs.getString(1), rs.getTimestamp(2) + " " + rs.getBoolean(3) + " " + rs.getInt(4) + " " + rs.getString(5)
                    + " step " + rs.getInt(6) + " " + rs.getTimestamp(7));
            });
        Map<String, String> deadlineJobs = new HashMap<>();
        jdbc.sql("SELECT HANDLER_CFG_, DUEDATE_, RETRIES_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'eg-task-deadline'")
            .query(rs -> {
                deadlineJobs.put(rs.getString(1), rs.getTimestamp(2) + " retries " + rs.getInt(3));
            });
        Map<String, String> timers = new HashMap<>();
        jdbc.sql("SELECT ID_, DUEDATE_, PROCESS_INSTANCE_ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ LIKE 'timer-%'")
            .query(rs -> {
                timers.put(rs.getString(1), rs.getTimestamp(2) + " " + rs.getString(3));
            });
        Set<String> grants = new HashSet<>(jdbc.sql("SELECT RESOURCE_TYPE_ || ' ' || RESOURCE_ID_ || ' ' || COALESCE(GROUP_ID_, USER_ID_) || ' '"
            + " || PERMS_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ IN (7, 8)").query(String.class).list());
        Set<String> caseUnits = new HashSet<>(jdbc.sql("SELECT CASE_ID || ' ' || AGENCY || ' ' || REGION_CODE FROM EG_CASE_UNIT")
            .query(String.class).list());
        Map<Long, List<String>> timeline = new HashMap<>();
        jdbc.sql("SELECT CASE_ID, ID, KIND, TITLE, ACTOR FROM EG_CASE_EVENT ORDER BY CASE_ID, ID")
            .query(rs -> {
                timeline.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(rs.getString(3) + " " + rs.getString(4) + " #" + rs.getLong(2) + " " + rs.getString(5));
            });
        return new Snapshot(tasks, deadlines, deadlineJobs, timers, grants, caseUnits, timeline);
    }

    record Task(String key, String due, String definition) {
    }

    record Snapshot(Map<String, Task> tasks, Map<String, String> deadlines, Map<String, String> deadlineJobs, Map<String, String> timers,
                    Set<String> grants, Set<String> caseUnits, Map<Long, List<String>> timeline) {
    }
}
