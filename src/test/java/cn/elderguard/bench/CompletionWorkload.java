package cn.elderguard.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.HttpCaller;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/**
 * Task completions per second among {@code bench.completion.tasks} open tasks (default 200,000), with 1 and 4
 * client threads: verification tasks completed through the door Tasklist uses (engine REST
 * {@code POST /engine-rest/task/{id}/submit-form}, logged in as the unit's officer), which also runs the next step
 * (verification record, risk-rating decision, the next task with its routing, deadline and mail); beside it plain
 * user tasks of a bare process completed through the engine's API, at the same open-task count, in the same
 * database, so with the same indexes (V1's on ACT_RU_TASK.PARENT_TASK_ID_ among them, docs/decisions/046). The
 * other open tasks are written in bulk by SQL in a real task's shape.
 */
final class CompletionWorkload {

    static final int TASKS = Integer.getInteger("bench.completion.tasks", 200_000);
    static final int COMPLETIONS = Integer.getInteger("bench.completions", 300);
    private static final String OFFICER = "cg_mz";
    private static final String FILLER = "bench-open-";

    private final int port;
    private final ProcessEngine engine;
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    CompletionWorkload(int port, ProcessEngine engine, JdbcClient jdbc) {
        this.port = port;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    Figures run() throws Exception {
        BareDeployment.deploy(engine, "BareCompletion.bpmn", Bpmn.createExecutableProcess("BareCompletion").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Bare").camundaCandidateGroups(Agency.CIVIL_AFFAIRS.name() + "-" + DemoOrganisation.DONGJIE)
            .endEvent().done());
        int waiting = 50 + 2 * COMPLETIONS;
        List<String> verifications = verifications(waiting);
        List<String> bare = bareTasks(waiting);
        fillTo(TASKS, engine.getTaskService().createTaskQuery().taskId(verifications.get(0)).singleResult().getTenantId());
        long open = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK").query(Long.class).single();
        HttpCaller officer = HttpCaller.basic(port, OFFICER, DemoOrganisation.PASSWORD);
        String form = json.writeValueAsString(Map.of("variables", typed(VerificationFacts.registeredAndClean())));

        submit(officer, form, verifications.subList(0, 50), 1); // warm-up
        complete(bare.subList(0, 50), 1);
        double one = submit(officer, form, verifications.subList(50, 50 + COMPLETIONS), 1);
        double bareOne = complete(bare.subList(50, 50 + COMPLETIONS), 1);
        double four = submit(officer, form, verifications.subList(50 + COMPLETIONS, waiting), 4);
        double bareFour = complete(bare.subList(50 + COMPLETIONS, waiting), 4);
        BareDeployment.requireBare(engine, "BareCompletion");
        jdbc.sql("DELETE FROM ACT_RU_TASK WHERE ID_ LIKE ?").param(FILLER + "%").update();
        return new Figures(one, four, bareOne, bareFour, open);
    }

    /** Open verification tasks of 东街社区's civil-affairs office, whose officer is {@link #OFFICER}. */
    private List<String> verifications(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE))
                .getId());
        }
        return ids;
    }

    private List<String> bareTasks(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String instance = engine.getRuntimeService().startProcessInstanceByKey("BareCompletion", UUID.randomUUID().toString(),
                Map.of(CaseProcessNames.VAR_JURISDICTION, DemoOrganisation.DONGJIE, CaseProcessNames.VAR_RESPONSIBLE_AGENCY,
                    Agency.CIVIL_AFFAIRS.name(), CaseProcessNames.VAR_INSTITUTION_NAME, "基准养老院")).getId();
            ids.add(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        return ids;
    }

    /** Other open tasks up to {@code total}, then what autovacuum would do after such a load, and a checkpoint. */
    private void fillTo(int total, String tenant) {
        long open = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK").query(Long.class).single();
        jdbc.sql("INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_, TENANT_ID_)"
                + " SELECT ? || i, 1, '核查线索', ?, 50, now() - (i % 1000) * interval '1 minute', now() + (i % 20) * interval '1 day', 1, ?"
                + " FROM generate_series(1, ?) i")
            .params(FILLER, LeadDisposalProcess.TASK_VERIFY_LEAD, tenant, (int) Math.max(0, total - open)).update();
        jdbc.sql("VACUUM ANALYZE ACT_RU_TASK").update();
        jdbc.sql("CHECKPOINT").update();
    }

    private double submit(HttpCaller officer, String form, List<String> tasks, int threads) throws Exception {
        return Parallel.perSecond(threads, tasks.size(), i -> {
            HttpCaller.Response response = officer.post("/engine-rest/task/" + tasks.get(i) + "/submit-form", form);
            if (response.status() != 204) {
                throw new IllegalStateException(response.status() + " " + response.body());
            }
        });
    }

    private double complete(List<String> tasks, int threads) throws Exception {
        return Parallel.perSecond(threads, tasks.size(), i -> engine.getTaskService().complete(tasks.get(i)));
    }

    /** As Tasklist sends a Camunda Form's values: each under "value", the engine infers the type. */
    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> typed = new HashMap<>();
            typed.put("value", value);
            variables.put(name, typed);
        });
        return variables;
    }

    /** Completions per second, ElderGuard's and bare, with 1 and 4 threads; open tasks when measuring began. */
    record Figures(double one, double four, double bareOne, double bareFour, long openTasks) {
    }
}
