package cn.elderguard.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several nodes of the real application, each a JVM of its own ({@link ForkedApplication}) with its job executor, on one
 * PostgreSQL database, as docs/decisions/043-two-nodes.md describes a cluster; and what the tests read off the shared
 * database about deadline steps and mail. Each node's engine hostname is its name, so the engine's job log says which
 * node ran a job.
 */
public final class JobExecutorNodes implements AutoCloseable {

    /** A survivor takes a killed node's jobs over once their lock expires: 30 s instead of the shipped 5 minutes. */
    public static final Duration TEST_LOCK_TIME = Duration.ofSeconds(30);

    private final List<ForkedApplication> nodes;
    private final JdbcClient jdbc;

    private JobExecutorNodes(List<ForkedApplication> nodes, JdbcClient jdbc) {
        this.nodes = nodes;
        this.jdbc = jdbc;
    }

    /**
     * Starts {@code count} nodes named {@code name-a}, {@code name-b}, … on {@code database}, one after the other: the
     * first creates the engine's schema, which two engines starting together on an empty database would both try.
     */
    public static JobExecutorNodes start(String name, String database, int count) throws Exception {
        List<ForkedApplication> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                String node = name(name, i);
                nodes.add(ForkedApplication.start(node, database,
                    "--camunda.bpm.webapp.enabled=false",
                    "--camunda.bpm.job-execution.enabled=true",
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + TEST_LOCK_TIME.toMillis(),
                    // An idle node polls every second, so the survivor notices expired locks soon.
                    "--camunda.bpm.job-execution.max-wait=1000",
                    "--camunda.bpm.generic-properties.properties.hostname=" + node));
            }
        } catch (Exception | Error e) {
            for (ForkedApplication started : nodes) {
                started.close();
            }
            throw e;
        }
        return new JobExecutorNodes(nodes, JdbcClient.create(
            new DriverManagerDataSource(database, PostgresTestDatabase.user(), PostgresTestDatabase.password())));
    }

    /** The name, and engine hostname, of node {@code index} of the nodes started as {@code name}. */
    public static String name(String name, int index) {
        return name + "-" + (char) ('a' + index);
    }

    public List<ForkedApplication> nodes() {
        return nodes;
    }

    public List<String> baseUrls() {
        return nodes.stream().map(node -> node.url("")).toList();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Hostname (node name) → jobs it ran successfully, from the engine's job log. */
    public Map<String, Long> jobsRunByNode() {
        return jdbc.sql("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
                + " AND HOSTNAME_ IS NOT NULL GROUP BY HOSTNAME_")
            .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Pending deadline-step jobs (one per open task deadline). */
    public long deadlineJobs() {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ?").param(EngineJobRows.DEADLINE).query(Long.class).single();
    }

    /**
     * Makes every pending deadline step due now, as if the clock had reached them: the burst. The due date is written
     * as the nodes write theirs (JVM time zone, same machine).
     */
    public int makeDeadlinesDue() {
        return jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE HANDLER_TYPE_ = ?")
            .params(new Timestamp(System.currentTimeMillis() - 1000), EngineJobRows.DEADLINE).update();
    }

    /** Deadline steps recorded (reminders and escalations). */
    public long steps() {
        return jdbc.sql("SELECT COUNT(*) FROM EG_ESCALATION").query(Long.class).single();
    }

    /** Steps recorded more than once for the same task and step (the unique key forbids it; counted all the same). */
    public long stepsRecordedTwice() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT TASK_ID, STEP FROM EG_ESCALATION GROUP BY TASK_ID, STEP HAVING COUNT(*) > 1) D")
            .query(Long.class).single();
    }

    public long mails() {
        return jdbc.sql("SELECT COUNT(*) FROM EG_MAIL").query(Long.class).single();
    }

    public long unsentMails() {
        return jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE SENT_AT IS NULL").query(Long.class).single();
    }

    /** Subject → deliveries the outbox's sent mails make (one per recipient, To and Cc). */
    public Map<String, Long> expectedDeliveriesBySubject() {
        return jdbc.sql("SELECT SUBJECT, RECIPIENTS, CC FROM EG_MAIL WHERE SENT_AT IS NOT NULL")
            .query((rs, row) -> Map.entry(rs.getString(1), (long) (addresses(rs.getString(2)) + addresses(rs.getString(3))))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum));
    }

    private static int addresses(String list) {
        return list == null || list.isBlank() ? 0 : list.split(",").length;
    }

    @Override
    public void close() throws InterruptedException {
        for (ForkedApplication node : nodes) {
            node.close();
        }
    }
}
