package cn.elderguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
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
 * Chinese; an outage delays mail without losing or doubling it; a broken address ends as an incident.
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

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
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
        Task task = LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI));
        String mailId = mailIds(task).get(0);
        String jobId = EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).orElseThrow().id();

        smtp.stop();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).hasMessageContaining("发送失败").hasMessageContaining("hx_mz@demo.elderguard.cn");
        EngineJobRows.Job retry = EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).orElseThrow();
        assertThat(retry.retries()).isEqualTo(MailOutbox.RETRIES - 1);
        assertThat(new Date(retry.due().getTime())).as("tried again five minutes later").isEqualTo(at(2026, 11, 2, 9, 5));

        smtp.start();
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9, 5));
        engine.getManagementService().executeJob(retry.id());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
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

    private String leadDisposalDefinition() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(LeadDisposalProcess.KEY).latestVersion()
            .singleResult().getId();
    }

    /** Runs the mail jobs of the task's unsent mail; returns what arrived, newest first. */
    private List<MimeMessage> sendMailsOf(Task task) {
        int before = smtp.getReceivedMessages().length;
        for (String mailId : mailIds(task)) {
            EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId)
                .ifPresent(job -> engine.getManagementService().executeJob(job.id()));
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received.length).as("new mail").isGreaterThan(before);
        List<MimeMessage> fresh = Arrays.asList(Arrays.copyOfRange(received, before, received.length));
        java.util.Collections.reverse(fresh);
        return fresh;
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
