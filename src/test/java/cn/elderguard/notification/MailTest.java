package cn.elderguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import cn.elderguard.system.Now;

/**
 * Mail through a real SMTP server (GreenMail on the test profile's port 3025): who gets which mail, in
 * Chinese; an outage delays mail without losing or doubling it; a broken address ends as an incident; a mail job
 * also sends other due mail, and two jobs at once never send one mail twice.
 */
@ElderGuardTest
class MailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailOutbox outbox;

    @Value("${elderguard.mail.from}")
    String from;

    private final List<String> heldMailJobs = new ArrayList<>();

    @AfterEach
    void restoreClockAndHeldMail() {
        ClockUtil.reset();
        heldMailJobs.forEach(job -> engine.getManagementService().updateJobSuspensionState().byJobId(job).activate());
        heldMailJobs.clear();
    }

    @Test
    void assignmentReminderAndEscalationReachTheRightPeopleInChinese() throws Exception {
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9));
        String venue = "河西镇夕阳红养老院-" + System.nanoTime();
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI, venue);
        Task task = LeadDisposalStarter.verificationTask(engine, instance);

        MimeMessage assigned = sendMailsOf(task).get(0);
        assertThat(recipients(assigned, Message.RecipientType.TO)).containsExactly("hx_mz@demo.elderguard.cn");
        assertThat(assigned.getSubject()).isEqualTo("【ElderGuard】新任务：核查线索（" + venue + "）");
        assertThat(GreenMailUtil.getBody(assigned)).isNotEmpty();
        assertThat(body(assigned)).contains("董梅，您好").contains("河西镇民政办").contains("2026年11月16日 09:00")
            .contains("/camunda/app/tasklist/default/#/?task=" + task.getId());

        runDeadlineStep(task);
        MimeMessage reminder = sendMailsOf(task).get(0);
        assertThat(recipients(reminder, Message.RecipientType.TO)).containsExactly("hx_mz@demo.elderguard.cn");
        assertThat(reminder.getSubject()).startsWith("【ElderGuard】即将到期：核查线索");

        runDeadlineStep(task);
        MimeMessage toLeader = sendMailsOf(task).get(0);
        assertThat(recipients(toLeader, Message.RecipientType.TO)).containsExactly("hx_mz_ld@demo.elderguard.cn");
        assertThat(toLeader.getSubject()).startsWith("【ElderGuard】逾期督办（第1级）：核查线索");

        runDeadlineStep(task);
        MimeMessage toTownOffice = sendMailsOf(task).get(0);
        assertThat(recipients(toTownOffice, Message.RecipientType.TO)).containsExactly("hx_zzb@demo.elderguard.cn");
        assertThat(recipients(toTownOffice, Message.RecipientType.CC)).as("the owing unit's leader is copied")
            .containsExactly("hx_mz_ld@demo.elderguard.cn");
        assertThat(body(toTownOffice)).contains("提请 河西镇综治办 督办").contains("第 2 级");
    }

    @Test
    void theDailyDigestTellsEachLeaderTheirUnitsOpenAndOverdueTasks() throws Exception {
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9));
        String venue = "河西镇康乐托老所-" + System.nanoTime();
        LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI, venue);
        ClockUtil.setCurrentTime(at(2026, 11, 20, 8));
        // Other classes run the digest too (DailyDigestProcessTest): only this run's mail counts.
        long mailBefore = jdbc.sql("SELECT COALESCE(MAX(ID), 0) FROM EG_MAIL").query(Long.class).single();

        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(DailyDigestProcess.KEY).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        Job send = engine.getManagementService().createJobQuery().processDefinitionKey(DailyDigestProcess.KEY).messages().singleResult();
        engine.getManagementService().executeJob(send.getId());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(DailyDigestProcess.KEY).finished().count())
            .isEqualTo(1);

        List<String> digests = jdbc.sql("SELECT ID FROM EG_MAIL WHERE KIND = 'DAILY_DIGEST' AND RECIPIENTS = 'hx_mz_ld@demo.elderguard.cn' AND ID > ?")
            .param(mailBefore).query(String.class).list();
        assertThat(digests).hasSize(1);
        engine.getManagementService().executeJob(EngineJobRows.pending(engine, EngineJobRows.MAIL, digests.get(0)).orElseThrow().id());
        MimeMessage digest = smtp.getReceivedMessages()[0];
        assertThat(digest.getSubject()).startsWith("【ElderGuard】每日待办汇总：河西镇民政办 待办").contains("逾期");
        assertThat(body(digest)).contains("萧然，您好").contains(venue).contains("核查线索");
    }

    @Test
    void anSmtpOutageDelaysMailWhichArrivesOnceWhenTheServerIsBack() throws Exception {
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9));
        Task task = LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI,
            "河西镇安康养老院-" + System.nanoTime()));
        String mailId = mailIds(task).get(0);
        String subject = jdbc.sql("SELECT SUBJECT FROM EG_MAIL WHERE ID = ?").param(Long.parseLong(mailId)).query(String.class).single();
        String jobId = EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).orElseThrow().id();

        smtp.stop();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).hasMessageContaining("发送失败").hasMessageContaining("hx_mz@demo.elderguard.cn");
        EngineJobRows.Job retry = EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).orElseThrow();
        assertThat(retry.retries()).isEqualTo(MailOutbox.RETRIES - 1);
        assertThat(new Date(retry.due().getTime())).as("tried again five minutes later").isEqualTo(at(2026, 11, 2, 9, 5));

        smtp.start();
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9, 5));
        engine.getManagementService().executeJob(retry.id());

        assertThat(received(subject)).isEqualTo(1);
        assertThat(EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE ID = ? AND SENT_AT IS NOT NULL").param(Long.parseLong(mailId))
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAddressThatNeverWorksEndsAsAnIncidentNotASilentDrop() {
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9));
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            outbox.enqueue(MailKind.TASK_REMINDER, List.of("张三 <zhangsan@example"), List.of(), Map.of("recipientName", "张三",
                "taskName", "核查线索", "institutionName", "某机构", "caseId", 1, "due", "2026年11月16日 09:00", "unitName", "河西镇民政办",
                "link", "http://localhost/"), "no-such-task", leadDisposalDefinition());
            return null;
        });
        String mailId = jdbc.sql("SELECT MAX(ID) FROM EG_MAIL WHERE TASK_ID = 'no-such-task'").query(String.class).single();

        for (int attempt = 1; attempt <= MailOutbox.RETRIES; attempt++) {
            EngineJobRows.Job job = EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).orElseThrow();
            if (job.due() != null) {
                ClockUtil.setCurrentTime(new Date(job.due().getTime()));
            }
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.id())).isNotNull();
        }

        EngineJobRows.Job failed = EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).orElseThrow();
        assertThat(failed.retries()).isZero();
        Incident incident = engine.getRuntimeService().createIncidentQuery().configuration(failed.id()).singleResult();
        assertThat(incident).as("an incident Cockpit shows").isNotNull();
        assertThat(incident.getIncidentMessage()).contains("zhangsan@example");
        assertThat(incident.getProcessDefinitionId()).as("listed under its process in Cockpit").isEqualTo(leadDisposalDefinition());
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMailJobAlsoSendsOtherDueMailAndTwoRunnersAtOnceNeverSendOneTwice() throws Exception {
        holdOtherMail();
        String batch = "批量机构-" + System.nanoTime();
        List<String> jobs = new ArrayList<>();
        for (String mailId : enqueueReminders(batch, 2 * (SendMailJob.DRAIN + 1) + 20)) {
            jobs.add(EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).orElseThrow().id());
        }

        engine.getManagementService().executeJob(jobs.get(0));
        assertThat(receivedOf(batch)).as("its own mail and %d others, in one job", SendMailJob.DRAIN).hasSize(SendMailJob.DRAIN + 1);

        // The rest by two runners at once, one from each end: a job the other runner already ran is gone (ignored).
        List<String> rest = jobs.subList(1, jobs.size());
        List<String> reversed = new ArrayList<>(rest);
        java.util.Collections.reverse(reversed);
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> both = List.of(runners.submit(() -> runAll(rest)), runners.submit(() -> runAll(reversed)));
            for (Future<?> runner : both) {
                runner.get(2, TimeUnit.MINUTES);
            }
        } finally {
            runners.shutdownNow();
        }

        Map<String, Long> perSubject = receivedOf(batch).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perSubject).as("every mail arrived").hasSize(jobs.size());
        assertThat(perSubject.values()).as("each once").containsOnly(1L);
        // Each message carries its outbox row's Message-ID, so a mail sent again after a crash is the same message.
        Map<String, Long> idBySubject = jdbc.sql("SELECT SUBJECT, ID FROM EG_MAIL WHERE SUBJECT LIKE ?").param("%" + batch + "%")
            .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().contains(batch)) {
                assertThat(message.getMessageID()).isEqualTo(SendMailJob.messageId(idBySubject.get(message.getSubject()), from));
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE SUBJECT LIKE ? AND SENT_AT IS NULL").param("%" + batch + "%")
            .query(Long.class).single()).isZero();
    }

    @Test
    void aMailThatIsNoMessageNeverHoldsUpTheOthersInADrain() throws Exception {
        holdOtherMail();
        String batch = "坏地址批量-" + System.nanoTime();
        List<String> good = enqueueReminders(batch + "-好", 6, "hx_mz@demo.elderguard.cn");
        String bad = enqueueReminders(batch + "-坏", 1, "张三 <zhangsan@example").get(0);

        engine.getManagementService().executeJob(EngineJobRows.pending(engine, EngineJobRows.MAIL, good.get(0)).orElseThrow().id());

        assertThat(receivedOf(batch + "-好")).as("its own mail and the other good ones, in one job").hasSize(good.size());
        assertThat(jdbc.sql("SELECT SENT_AT FROM EG_MAIL WHERE ID = ?").param(Long.parseLong(bad)).query(java.sql.Timestamp.class)
            .optional()).as("the mail that is no message waits for its own job and its retries").isEmpty();
        assertThat(EngineJobRows.pending(engine, EngineJobRows.MAIL, bad)).isPresent();
    }

    /**
     * Suspends the mail jobs other test classes of this application context left pending, until the test ends: a
     * drain sends any due mail, lowest id first, so a test that counts what one drain sent must be alone.
     */
    private void holdOtherMail() {
        heldMailJobs.addAll(jdbc.sql("SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND SUSPENSION_STATE_ = 1")
            .param(EngineJobRows.MAIL).query(String.class).list());
        heldMailJobs.forEach(job -> engine.getManagementService().updateJobSuspensionState().byJobId(job).suspend());
    }

    private void runAll(List<String> jobIds) {
        for (String jobId : jobIds) {
            if (engine.getManagementService().createJobQuery().jobId(jobId).count() == 0) {
                continue;
            }
            try {
                engine.getManagementService().executeJob(jobId);
            } catch (ProcessEngineException alreadyRunByTheOther) {
                // deleted or changed by the other runner's transaction
            }
        }
    }

    /** Queues reminders to 董梅 whose subjects carry {@code batch}; returns their mail ids. */
    private List<String> enqueueReminders(String batch, int count) {
        return enqueueReminders(batch, count, "hx_mz@demo.elderguard.cn");
    }

    private List<String> enqueueReminders(String batch, int count, String recipient) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(MailKind.TASK_REMINDER, List.of(recipient), List.of(), Map.of("recipientName", "董梅",
                    "taskName", "核查线索", "institutionName", batch + "-" + i, "caseId", 1, "due", "2026年11月16日 09:00",
                    "unitName", "河西镇民政办", "link", "http://localhost/"), "no-such-task", leadDisposalDefinition());
            }
            return null;
        });
        return jdbc.sql("SELECT ID FROM EG_MAIL WHERE SUBJECT LIKE ? ORDER BY ID").param("%" + batch + "%").query(String.class).list();
    }

    private List<String> receivedOf(String batch) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().contains(batch)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private String leadDisposalDefinition() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(LeadDisposalProcess.KEY).latestVersion()
            .singleResult().getId();
    }

    /**
     * Runs the mail jobs of the task's unsent mail; returns what of it arrived, newest first. A mail job also sends
     * other due mail of the shared test database (the drain, docs/decisions/011): only the task's own counts.
     */
    private List<MimeMessage> sendMailsOf(Task task) throws Exception {
        List<String> subjects = jdbc.sql("SELECT SUBJECT FROM EG_MAIL WHERE TASK_ID = ? AND SENT_AT IS NULL").param(task.getId())
            .query(String.class).list();
        for (String mailId : mailIds(task)) {
            EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId)
                .ifPresent(job -> engine.getManagementService().executeJob(job.id()));
        }
        // By subject, not by position: GreenMail lists what it received by mailbox, and a drain fills other mailboxes too.
        List<MimeMessage> fresh = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subjects.contains(message.getSubject())) {
                fresh.add(0, message);
            }
        }
        assertThat(fresh).as("new mail").isNotEmpty();
        return fresh;
    }

    /** Messages received with this subject (each test's subjects are its own). */
    private long received(String subject) throws Exception {
        long count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            count += subject.equals(message.getSubject()) ? 1 : 0;
        }
        return count;
    }

    private List<String> mailIds(Task task) {
        return jdbc.sql("SELECT ID FROM EG_MAIL WHERE TASK_ID = ? AND SENT_AT IS NULL ORDER BY ID").param(task.getId())
            .query(String.class).list();
    }

    private void runDeadlineStep(Task task) {
        EngineJobRows.Job step = EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId()).orElseThrow();
        ClockUtil.setCurrentTime(new Date(step.due().getTime()));
        engine.getManagementService().executeJob(step.id());
    }

    private static List<String> recipients(MimeMessage message, Message.RecipientType type) throws Exception {
        return message.getRecipients(type) == null ? List.of()
            : Arrays.stream(message.getRecipients(type)).map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress()).toList();
    }

    private static String body(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }

    private static Date at(int year, int month, int day, int hour) {
        return at(year, month, day, hour, 0);
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, Now.zone()).toInstant());
    }
}
