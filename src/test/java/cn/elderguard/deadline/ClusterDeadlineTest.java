package cn.elderguard.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.elderguard.notification.DailyDigestProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * Two application nodes with running job executors on one PostgreSQL database, with the shipped job
 * executor configuration: deadlines fire on time after idling, and a burst of 500 tasks falling due at once
 * is reminded and escalated exactly once each, with exactly one mail per step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterDeadlineTest {

    private static final Logger log = LoggerFactory.getLogger(ClusterDeadlineTest.class);
    static final int BURST = 500;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withPerMethodLifecycle(false);

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static ProcessEngine engineA;
    static JdbcClient jdbc;

    @BeforeAll
    static void startTwoNodes() {
        String database = PostgresTestDatabase.create();
        nodeA = ApplicationRun.start(database, "--camunda.bpm.job-execution.enabled=true");
        nodeB = ApplicationRun.start(database, "--camunda.bpm.job-execution.enabled=true");
        engineA = nodeA.getBean(ProcessEngine.class);
        jdbc = EngineJobRows.jdbc(engineA);
        // The clock jumps below pass 08:00; the daily digest (tested in MailTest) would add mail to count.
        engineA.getRepositoryService().suspendProcessDefinitionByKey(DailyDigestProcess.KEY, true, null);
    }

    @AfterAll
    static void stopNodes() {
        ClockUtil.reset();
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void aDeadlineFiresWithinThirtySecondsAfterTheExecutorsWentIdle() {
        Task task = LeadDisposalStarter.verificationTask(engineA, LeadDisposalStarter.start(engineA, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI));
        await().atMost(Duration.ofSeconds(30)).until(() -> taskMails() == 1);
        // Idle: nothing is due for days. Within a dozen seconds the executors' back-off reaches its maximum
        // wait, after which idling longer (hours) changes nothing; then the engine clock jumps to the reminder.
        await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> true);
        EngineJobRows.Job reminder = EngineJobRows.pending(engineA, EngineJobRows.DEADLINE, task.getId()).orElseThrow();
        ClockUtil.offset(reminder.due().getTime() - System.currentTimeMillis());
        long dueAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> escalations(task.getId()) == 1);

        long lateMillis = (System.nanoTime() - dueAt) / 1_000_000;
        log.info("A reminder due after idling fired {} ms late", lateMillis);
        assertThat(lateMillis).isLessThan(30_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> taskMails() == 2);
        engineA.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "测试结束");
    }

    @Test
    @Order(2)
    void fiveHundredTasksFallingDueAtOnceAreEscalatedExactlyOnceEach() throws Exception {
        ClockUtil.reset();
        engineA.getRuntimeService().createProcessInstanceQuery().list()
            .forEach(instance -> engineA.getRuntimeService().deleteProcessInstance(instance.getId(), "上一测试遗留"));
        smtp.reset();
        jdbc.sql("DELETE FROM EG_ESCALATION").update();
        List<String> tasks = startTasks(BURST);
        await().atMost(Duration.ofSeconds(120)).until(() -> taskMails() >= BURST);
        EngineJobRows.Job first = EngineJobRows.pending(engineA, EngineJobRows.DEADLINE, tasks.get(0)).orElseThrow();
        java.util.Date due = jdbc.sql("SELECT DUE_AT FROM EG_TASK_DEADLINE WHERE TASK_ID = ?").param(tasks.get(0))
            .query(java.sql.Timestamp.class).single();
        assertThat(first.due()).isBefore(due);

        // Past the due moment: every task's reminder and first escalation fall due together.
        ClockUtil.offset(due.getTime() + 60_000 - System.currentTimeMillis());
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
            .until(() -> escalations() >= 2L * BURST && taskMails() >= 3 * BURST);
        log.info("{} reminders and {} escalations by two nodes in {} ms", BURST, BURST, (System.nanoTime() - start) / 1_000_000);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT TASK_ID, STEP FROM EG_ESCALATION GROUP BY TASK_ID, STEP HAVING COUNT(*) > 1) D")
            .query(Long.class).single()).isZero();
        assertThat(escalations()).isEqualTo(2L * BURST);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT TASK_ID) FROM EG_ESCALATION WHERE STEP = 1").query(Long.class).single()).isEqualTo(BURST);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL").query(Long.class).single())
            .as("no job failed").isZero();
        // Nothing more arrives: every mail exactly once (assignment, reminder, escalation per task).
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(subjects()).filteredOn(subject -> subject.startsWith("【ElderGuard】新任务")).hasSize(BURST);
        assertThat(subjects()).filteredOn(subject -> subject.startsWith("【ElderGuard】即将到期")).hasSize(BURST);
        assertThat(subjects()).filteredOn(subject -> subject.startsWith("【ElderGuard】逾期督办（第1级）")).hasSize(BURST);
        assertThat(taskMails()).isEqualTo(3 * BURST);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE SENT_AT IS NULL").query(Long.class).single()).isZero();
    }

    private static List<String> startTasks(int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<String> start = () -> LeadDisposalStarter.verificationTask(engineA,
                    LeadDisposalStarter.start(engineA, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI)).getId();
                started.add(clients.submit(start));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> future : started) {
                ids.add(future.get());
            }
            return ids;
        } finally {
            clients.shutdown();
        }
    }

    private static List<String> subjects() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    /** Mail about tasks: everything but the daily digest. */
    private static long taskMails() throws Exception {
        return subjects().stream().filter(subject -> !subject.startsWith("【ElderGuard】每日待办汇总")).count();
    }

    private static long escalations() {
        return jdbc.sql("SELECT COUNT(*) FROM EG_ESCALATION").query(Long.class).single();
    }

    private static long escalations(String taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_ESCALATION WHERE TASK_ID = ?").param(taskId).query(Long.class).single();
    }
}
