package cn.elderguard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.LeadDisposalStarter;

/**
 * A measurement, not a test: an officer's inbox as Tasklist's 本单位待办 filter asks for it (candidate groups
 * of the officer, assigned ones included, by due date, first page of 50, plus the count, with the engine's
 * authorization and tenant checks) among {@code bench.inbox.tasks} open tasks (default 200,000) spread over a
 * province's 3,600 town units; beside it the same query over as many bare tasks (one candidate group and the
 * engine's one authorization row each, no tenant). Rows are written in bulk by SQL in the shape a real task has,
 * read off a task the application created: its candidate grant, and its unit's tenant on the task and its
 * candidate link (docs/decisions/045). PostgreSQL only.
 */
final class InboxWorkload {

    static final int TASKS = Integer.getInteger("bench.inbox.tasks", 200_000);
    static final int QUERIES = Integer.getInteger("bench.inbox.queries", 500);
    static final int TOWNS = 1_200;
    static final List<String> SECTORS = List.of("CIVIL_AFFAIRS", "MARKET_REGULATION", "PUBLIC_SECURITY");
    /** Region codes of a generated province 97: 5 cities × 10 counties × 24 towns, from town number t. */
    static final String CITY = "lpad((1 + t % 5)::text, 2, '0')";
    static final String COUNTY = "lpad((1 + (t / 5) % 10)::text, 2, '0')";
    static final String TOWN = "lpad((1 + t / 50)::text, 3, '0')";
    static final String TASK_TYPE = String.valueOf(Resources.TASK.resourceType());

    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    InboxWorkload(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    Result run(CapturedOutput output) {
        Shape shape = shapeOfARealTask();
        System.err.printf("%nBENCHMARK inbox: a real task has 1 candidate group, %d authorization row(s) (%s) and its unit's tenant %s%n",
            shape.rows(), shape.describe(), shape.tenant());

        seed("bench-bare-", false, shape);
        Figures bare = measure("bench-bare-", false);
        delete("bench-bare-");

        seed("bench-eg-", true, shape);
        Figures elderGuard = measure("bench-eg-", true);
        split();
        String plan = explain(output);
        delete("bench-eg-");

        return new Result(elderGuard, bare, plan);
    }

    /**
     * The authorization rows and tenant the application writes for one task, read off a task it created. Supervisors
     * read through their global grants and the tenant check (docs/decisions/045), not through rows per task: a real
     * task with any row beyond its candidate's would make this seeding wrong, so that fails the run.
     */
    private Shape shapeOfARealTask() {
        Task task = LeadDisposalStarter.verificationTask(engine,
            LeadDisposalStarter.start(engine, Agency.MARKET_REGULATION, DemoOrganisation.DONGJIE));
        String candidate = engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
        List<String[]> rows = jdbc.sql("SELECT GROUP_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = " + TASK_TYPE
                + " AND RESOURCE_ID_ = ? ORDER BY GROUP_ID_").param(task.getId())
            .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (rows.size() != 1 || !rows.get(0)[0].equals(candidate) || task.getTenantId() == null) {
            throw new IllegalStateException("a real task's rows are no longer what the inbox seeds: "
                + rows.stream().map(r -> r[0]).toList() + ", tenant " + task.getTenantId());
        }
        engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "基准测试");
        return new Shape(Integer.parseInt(rows.get(0)[1]), rows.size(), task.getTenantId(), rows.stream().map(r -> r[0]).toList());
    }

    /** Tasks with their candidate group and its authorization row; ElderGuard's in their town unit's tenant. */
    private void seed(String prefix, boolean tenants, Shape shape) {
        long start = System.nanoTime();
        String series = "FROM (SELECT i, (i * 7919) % " + TOWNS + " AS t, ((i / " + TOWNS + ") % 3) AS a FROM generate_series(1, ?) i) s";
        String town = "'97' || " + CITY + " || " + COUNTY + " || " + TOWN + " || '000'";
        String sector = "(ARRAY['CIVIL_AFFAIRS','MARKET_REGULATION','PUBLIC_SECURITY'])[a + 1]";
        String tenant = tenants ? town : "NULL";
        jdbc.sql("INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_, TENANT_ID_)"
            + " SELECT '" + prefix + "' || i, 1, '核查线索', '" + LeadDisposalProcess.TASK_VERIFY_LEAD + "', 50, now() - (i % 1000) * interval '1 minute',"
            + " now() + (i % 20) * interval '1 day', 1, " + tenant + " " + series).param(TASKS).update();
        // Statistics first: the identity links' foreign-key checks are planned from them, and a plan made while
        // the task table looked empty (e.g. after an earlier ANALYZE) scans it once per inserted row.
        jdbc.sql("ANALYZE ACT_RU_TASK").update();
        jdbc.sql("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_, TENANT_ID_)"
            + " SELECT '" + prefix + "l' || i, 1, " + sector + " || '-' || " + town + ", 'candidate', '" + prefix + "' || i, " + tenant + " " + series)
            .param(TASKS).update();
        grant(prefix, "c", sector + " || '-' || " + town, shape.candidatePerms(), series);
        // What autovacuum does soon after such a load in production: statistics and the visibility map; then a
        // checkpoint, so the load's dirty pages are not written out while the tail percentiles are measured.
        jdbc.sql("VACUUM ANALYZE ACT_RU_TASK").update();
        jdbc.sql("VACUUM ANALYZE ACT_RU_IDENTITYLINK").update();
        jdbc.sql("VACUUM ANALYZE ACT_RU_AUTHORIZATION").update();
        jdbc.sql("CHECKPOINT").update();
        System.err.printf("BENCHMARK inbox: wrote %,d %s tasks in %.1f s%n", TASKS, tenants ? "ElderGuard" : "bare",
            (System.nanoTime() - start) / 1e9);
    }

    private void grant(String prefix, String kind, String group, int perms, String series) {
        jdbc.sql("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
            + " SELECT '" + prefix + kind + "' || i, 1, 1, " + group + ", " + TASK_TYPE + ", '" + prefix + "' || i, " + perms + " " + series)
            .param(TASKS).update();
    }

    private void delete(String prefix) {
        jdbc.sql("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ LIKE ?").param(prefix + "%").update();
        jdbc.sql("DELETE FROM ACT_RU_IDENTITYLINK WHERE ID_ LIKE ?").param(prefix + "%").update();
        jdbc.sql("DELETE FROM ACT_RU_TASK WHERE ID_ LIKE ?").param(prefix + "%").update();
    }

    /** Inbox loads of random town officers, after a warm-up; milliseconds per list + count. */
    private Figures measure(String prefix, boolean tenants) {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            inbox(randomOfficerGroup(random), tenants);
        }
        double[] millis = new double[QUERIES];
        long found = 0;
        for (int i = 0; i < QUERIES; i++) {
            String group = randomOfficerGroup(random);
            long start = System.nanoTime();
            found += inbox(group, tenants);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.err.printf("BENCHMARK inbox %s: %.0f tasks per inbox on average%n", prefix, found / (double) QUERIES);
        return new Figures(millis[QUERIES / 2], millis[(int) (QUERIES * 0.95)], millis[(int) (QUERIES * 0.99)]);
    }

    /**
     * As Tasklist's log-in sets the identity: the officer's unit group and, in ElderGuard, its town's tenant
     * (docs/decisions/045); bare Camunda's identity has no tenants.
     */
    private void logIn(String group, boolean tenants) {
        engine.getIdentityService().setAuthentication("bench-officer", List.of(group),
            tenants ? List.of(group.substring(group.indexOf('-') + 1)) : List.of());
    }

    private long inbox(String group, boolean tenants) {
        logIn(group, tenants);
        try {
            TaskQuery query = engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(group)).includeAssignedTasks()
                .orderByDueDate().asc().orderByTaskCreateTime().desc();
            List<Task> page = query.listPage(0, 50);
            long count = engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(group)).includeAssignedTasks().count();
            if (page.isEmpty() && count > 0) {
                throw new IllegalStateException("no page for " + group);
            }
            return count;
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Where an inbox load's time goes: the page, the count, and the page without authorization check. */
    private void split() {
        Random random = new Random(3);
        long list = 0, count = 0, noAuth = 0;
        for (int i = 0; i < 100; i++) {
            String group = randomOfficerGroup(random);
            logIn(group, true);
            long a = System.nanoTime();
            engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(group)).includeAssignedTasks()
                .orderByDueDate().asc().orderByTaskCreateTime().desc().listPage(0, 50);
            long b = System.nanoTime();
            engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(group)).includeAssignedTasks().count();
            long c = System.nanoTime();
            engine.getIdentityService().clearAuthentication();
            engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(group)).includeAssignedTasks()
                .orderByDueDate().asc().orderByTaskCreateTime().desc().listPage(0, 50);
            long d = System.nanoTime();
            list += b - a; count += c - b; noAuth += d - c;
        }
        System.err.printf("BENCHMARK inbox split (ElderGuard, means): list %.1f ms, count %.1f ms, list without authorization check %.1f ms%n",
            list / 1e8, count / 1e8, noAuth / 1e8);
    }

    private static String randomOfficerGroup(Random random) {
        int t = random.nextInt(TOWNS);
        String town = "97" + String.format("%02d%02d%03d", 1 + t % 5, 1 + (t / 5) % 10, 1 + t / 50) + "000";
        return SECTORS.get(random.nextInt(SECTORS.size())) + "-" + town;
    }

    /** The SQL Camunda ran for one inbox page, with its parameters, under EXPLAIN ANALYZE. */
    private String explain(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        String logger = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
        int from = output.getAll().length();
        logging.setLogLevel(logger, LogLevel.DEBUG);
        try {
            inbox(randomOfficerGroup(new Random(7)), true);
        } finally {
            logging.setLogLevel(logger, null);
        }
        String sql = null;
        String parameters = null;
        for (String line : output.getAll().substring(from).split("\\R")) {
            if (line.contains("selectTaskByQueryCriteria") && line.contains("Preparing: ") && sql == null) {
                sql = line.substring(line.indexOf("Preparing: ") + "Preparing: ".length());
            } else if (line.contains("selectTaskByQueryCriteria") && line.contains("Parameters: ") && sql != null && parameters == null) {
                parameters = line.substring(line.indexOf("Parameters: ") + "Parameters: ".length());
            }
        }
        if (sql == null || parameters == null) {
            return "(the query's SQL was not logged)";
        }
        String statement = bind(sql, parameters);
        List<String> plan = new ArrayList<>(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).query(String.class).list());
        return "  " + statement + "\n  " + String.join("\n  ", plan);
    }

    private static String bind(String sql, String parameters) {
        StringBuilder bound = new StringBuilder();
        Matcher value = Pattern.compile("(.*?)\\((String|Integer|Long|Timestamp|Boolean)\\)(, |$)").matcher(parameters.trim());
        for (char c : sql.toCharArray()) {
            if (c == '?' && value.find()) {
                String text = value.group(1);
                bound.append(value.group(2).equals("Integer") || value.group(2).equals("Long") ? text : "'" + text.replace("'", "''") + "'");
            } else {
                bound.append(c);
            }
        }
        return bound.toString();
    }

    record Shape(int candidatePerms, int rows, String tenant, List<String> groups) {

        String describe() {
            return String.join(", ", groups);
        }
    }

    record Figures(double p50, double p95, double p99) {
    }

    record Result(Figures elderGuard, Figures bare, String plan) {
    }
}
