package cn.elderguard.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A lead about an institution registered in another jurisdiction is copied to the provincial 处非办 as a task
 * in its officers' inbox, and the assignment mail reaches them through a real SMTP server (GreenMail on the
 * test profile's port 3025; run it under the shared lock, see README).
 */
@ElderGuardTest
class CrossRegionCopyMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theProvincialChufeiOfficersAreMailedTheCopyOfACrossRegionLead() throws Exception {
        String venue = "东街社区颐年养老院-" + UUID.randomUUID().toString().substring(0, 6);
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE, venue);
        engine.getTaskService().complete(LeadDisposalStarter.verificationTask(engine, instance).getId(),
            VerificationFacts.with("registeredElsewhere", DemoOrganisation.HEXI));

        Task copy = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(LeadDisposalProcess.TASK_ACKNOWLEDGE_CROSS_REGION_COPY).singleResult();
        assertThat(copy).as("the provincial 处非办's inbox item").isNotNull();
        assertThat(engine.getTaskService().createTaskQuery().taskId(copy.getId()).taskCandidateUser("sheng_cfb").count()).isEqualTo(1);

        for (String mailId : jdbc.sql("SELECT ID FROM EG_MAIL WHERE TASK_ID = ?").param(copy.getId()).query(String.class).list()) {
            EngineJobRows.pending(engine, EngineJobRows.MAIL, mailId).ifPresent(job -> engine.getManagementService().executeJob(job.id()));
        }

        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(message -> to(message).contains("sheng_cfb@demo.elderguard.cn"))
            .findFirst().orElseThrow(() -> new AssertionError("no mail to the provincial 处非办's officer"));
        assertThat(mail.getSubject()).isEqualTo("【ElderGuard】新任务：阅知跨地区线索通报（" + venue + "）");
        assertThat(mail.getContent().toString()).contains("张伟，您好").contains("示范省处置非法集资工作领导小组办公室")
            .contains("/camunda/app/tasklist/default/#/?task=" + copy.getId());
    }

    private static List<String> to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO) == null ? List.of()
                : Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
