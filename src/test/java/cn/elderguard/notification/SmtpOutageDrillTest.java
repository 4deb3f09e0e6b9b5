package cn.elderguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * Fault drill (docs/benchmarks.md, "Fault drills"): SMTP down for ten minutes during an escalation burst. One node with
 * its job executor running and the shipped mail retries (five tries, {@code elderguard.mail.retry-delay} apart); 300
 * verification tasks of four units fall due together while the SMTP server (GreenMail) is stopped. Every reminder and
 * escalation step is recorded and queues its mail, whose job fails; the engine clock moves to the retries' due dates
 * instead of waiting, so the second try fails too and ten minutes pass; then the server comes back. Every mail of the
 * burst arrives exactly once at each of its recipients, each job failed twice and succeeded once, no incident.
 */
class SmtpOutageDrillTest {

    static final int DEADLINES = 300;
    static final Duration OUTAGE = Duration.ofMinutes(10);
    private static final Duration BURST_WITHIN = Duration.ofMinutes(5);
    /** ACT_HI_JOB_LOG.JOB_STATE_ of a failed and of a successful run. */
    private static final int FAILED = 1;
    private static final int SUCCESSFUL = 2;
    private static final List<Unit> UNITS = List.of(new Unit(Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI),
        new Unit(Agency.CIVIL_AFFAIRS, DemoOrganisation.CHENGGUAN), new Unit(Agency.MARKET_REGULATION, DemoOrganisation.HEXI),
        new Unit(Agency.MARKET_REGULATION, DemoOrganisation.CHENGGUAN));

    /** The engine logs each failed job's stack twice; the drill's 1,200 expected failures are counted in its job log instead. */
    private static final List<String> JOB_FAILURE_LOGGERS = List.of("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.jobexecutor");

    private final GreenMail smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void resetClockAndLogging() {
        ClockUtil.reset();
        smtp.stop();
        JOB_FAILURE_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void everyMailOfTheBurstArrivesOnceAtEachRecipientAfterTenMinutesWithoutSmtp() throws Exception {
        smtp.start();
        ConfigurableApplicationContext node = ApplicationRun.start(PostgresTestDatabase.create(), "--camunda.bpm.job-execution.enabled=true");
        try {
            JOB_FAILURE_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.OFF));
            ProcessEngine engine = node.getBean(ProcessEngine.class);
            JdbcClient jdbc = EngineJobRows.jdbc(engine);
            // The clock passes 08:00 below; the daily digest (MailTest) would add mail to count.
            engine.getRepositoryService().suspendProcessDefinitionByKey(DailyDigestProcess.KEY, true, null);
            Duration retryDelay = node.getEnvironment().getRequiredProperty("elderguard.mail.retry-delay", Duration.class);
            for (int i = 0; i < DEADLINES; i++) {
                Unit unit = UNITS.get(i % UNITS.size());
                LeadDisposalStarter.start(engine, unit.agency(), unit.region(), "演练机构-" + i);
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> unsent(jdbc) == 0);
            long mailBefore = jdbc.sql("SELECT COALESCE(MAX(ID), 0) FROM EG_MAIL").query(Long.class).single();

            // SMTP goes down (what it received so far is forgotten: all it receives from now on must be the burst's);
            // then every task's reminder and first escalation fall due together.
            smtp.purgeEmailFromAllMailboxes();
            smtp.stop();
            Timestamp lastDue = jdbc.sql("SELECT MAX(DUE_AT) FROM EG_TASK_DEADLINE").query(Timestamp.class).single();
            moveClockTo(new Date(lastDue.getTime() + 60_000));
            Date outageStart = ClockUtil.getCurrentTime();
            long started = System.nanoTime();
            await().atMost(BURST_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> escalations(jdbc) >= 2L * DEADLINES
                && mailJobsSettledWith(jdbc, mailBefore, MailOutbox.RETRIES - 1));
            double burstSeconds = (System.nanoTime() - started) / 1e9;
            long mails = jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE ID > ?").param(mailBefore).query(Long.class).single();
            List<String> jobIds = jdbc.sql("SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND CAST(HANDLER_CFG_ AS BIGINT) > ?")
                .params(EngineJobRows.MAIL, mailBefore).query(String.class).list();
            assertThat(escalations(jdbc)).as("a reminder and a first escalation per task").isEqualTo(2L * DEADLINES);
            assertThat(mails).as("a mail per step").isEqualTo(2L * DEADLINES);
            assertThat(jobIds).as("a job per mail").hasSize((int) mails);
            assertThat(earliestRetry(jdbc)).as("retried after the shipped delay").isAfterOrEqualTo(new Date(outageStart.getTime() + retryDelay.toMillis()));

            // Five minutes later (engine clock): the second try fails as well.
            moveClockTo(latestRetry(jdbc));
            await().atMost(BURST_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> mailJobsSettledWith(jdbc, mailBefore, MailOutbox.RETRIES - 2));

            // Ten minutes after the burst fell due, SMTP is back and the third try delivers.
            smtp.start();
            moveClockTo(latestRetry(jdbc));
            Duration outage = Duration.ofMillis(ClockUtil.getCurrentTime().getTime() - outageStart.getTime());
            long restored = System.nanoTime();
            await().atMost(BURST_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> unsent(jdbc) == 0
                && EngineJobRows.all(engine, EngineJobRows.MAIL).isEmpty());
            double drainSeconds = (System.nanoTime() - restored) / 1e9;
            // Nothing more arrives.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

            Map<String, Long> expected = expectedDeliveries(jdbc, mailBefore);
            Map<String, Long> received = receivedDeliveries();
            Map<Integer, Long> jobStates = jobLog(jdbc, jobIds);
            long duplicated = received.values().stream().filter(count -> count > 1).count();
            long lost = expected.keySet().stream().filter(delivery -> !received.containsKey(delivery)).count();
            long unexpected = received.keySet().stream().filter(delivery -> !expected.containsKey(delivery)).count();
            System.out.printf("SMTP outage drill: %d deadlines, %d steps, %d mails (%d deliveries) queued in %.1f s with SMTP down; outage %d min"
                    + " on the engine clock, tries %d, %s apart; after SMTP returned, all sent in %.1f s: delivered %d, duplicated %d, lost %d,"
                    + " unexpected %d; job log: %d failures, %d successes; incidents %d%n", DEADLINES, escalations(jdbc), mails, expected.size(),
                burstSeconds, outage.toMinutes(), MailOutbox.RETRIES, retryDelay, drainSeconds,
                received.values().stream().mapToLong(Long::longValue).sum(), duplicated, lost, unexpected, jobStates.getOrDefault(FAILED, 0L),
                jobStates.getOrDefault(SUCCESSFUL, 0L), incidents(jdbc));

            assertThat(outage).as("SMTP was down on the engine clock for").isGreaterThanOrEqualTo(OUTAGE);
            assertThat(received).as("each mail once at each recipient (recipient → subject)").isEqualTo(expected);
            assertThat(jobStates.getOrDefault(FAILED, 0L)).as("every mail job failed twice").isEqualTo(2 * mails);
            assertThat(jobStates.getOrDefault(SUCCESSFUL, 0L)).as("and succeeded once").isEqualTo(mails);
            assertThat(incidents(jdbc)).as("no retry given up").isZero();
        } finally {
            node.close();
        }
    }

    private static void moveClockTo(Date moment) {
        ClockUtil.offset(moment.getTime() - System.currentTimeMillis());
    }

    /** Every mail of the burst has its job waiting for its next try, with {@code retries} left, and nothing else is running. */
    private static boolean mailJobsSettledWith(JdbcClient jdbc, long mailBefore, int retries) {
        long unsent = jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE ID > ? AND SENT_AT IS NULL").param(mailBefore).query(Long.class).single();
        long waiting = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND RETRIES_ = ? AND LOCK_EXP_TIME_ IS NULL"
            + " AND DUEDATE_ > ?").params(EngineJobRows.MAIL, retries, ClockUtil.getCurrentTime()).query(Long.class).single();
        long busy = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ IS NOT NULL OR (DUEDATE_ <= ? AND RETRIES_ > 0"
            + " AND SUSPENSION_STATE_ = 1)").param(ClockUtil.getCurrentTime()).query(Long.class).single();
        return unsent > 0 && waiting == unsent && busy == 0;
    }

    private static Date earliestRetry(JdbcClient jdbc) {
        return jdbc.sql("SELECT MIN(DUEDATE_) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ?").param(EngineJobRows.MAIL).query(Timestamp.class).single();
    }

    private static Date latestRetry(JdbcClient jdbc) {
        return jdbc.sql("SELECT MAX(DUEDATE_) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ?").param(EngineJobRows.MAIL).query(Timestamp.class).single();
    }

    private static long unsent(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE SENT_AT IS NULL").query(Long.class).single();
    }

    private static long escalations(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_ESCALATION").query(Long.class).single();
    }

    private static long incidents(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single();
    }

    /** The outbox's word: one delivery per recipient (to and cc) of each mail of the burst, keyed "address → subject". */
    private static Map<String, Long> expectedDeliveries(JdbcClient jdbc, long mailBefore) {
        return jdbc.sql("SELECT RECIPIENTS, CC, SUBJECT FROM EG_MAIL WHERE ID > ?").param(mailBefore)
            .query((rs, row) -> {
                String subject = rs.getString(3);
                return Stream.concat(addresses(rs.getString(1)), addresses(rs.getString(2))).map(address -> address + " → " + subject).toList();
            })
            .list().stream().flatMap(List::stream).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Everything the SMTP server received, as deliveries to each recipient's mailbox: "address → subject". */
    private Map<String, Long> receivedDeliveries() throws Exception {
        List<String> deliveries = new ArrayList<>();
        for (GreenMailUser user : smtp.getUserManager().listUser()) {
            for (var message : smtp.findReceivedMessages(owner -> owner.equals(user), any -> true).toList()) {
                deliveries.add(user.getEmail() + " → " + message.getSubject());
            }
        }
        return deliveries.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The engine's job log of the burst's mail jobs: entries per state (1 failed, 2 successful). */
    private static Map<Integer, Long> jobLog(JdbcClient jdbc, List<String> jobIds) {
        return jdbc.sql("SELECT JOB_STATE_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ IN (:ids) GROUP BY JOB_STATE_").param("ids", jobIds)
            .query((rs, row) -> Map.entry(rs.getInt(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Stream<String> addresses(String list) {
        return list == null || list.isBlank() ? Stream.empty() : Arrays.stream(list.split(",")).map(String::trim);
    }

    private record Unit(Agency agency, String region) {
    }
}
