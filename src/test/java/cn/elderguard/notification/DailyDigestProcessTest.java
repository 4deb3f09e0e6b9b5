package cn.elderguard.notification;

import static cn.elderguard.notification.DailyDigestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.ProcessCoverage;
import cn.elderguard.system.Now;

/**
 * The one path of DailyDigest: the morning timer starts it, the digests are queued (the mail jobs deliver them; MailTest
 * follows one to the SMTP server) and the timer waits for the next morning. The open task is a verification at
 * 城关镇民政办, whose leader is 宋佳 (cg_mz_ld).
 */
@ElderGuardTest
@ProcessCoverage(KEY)
class DailyDigestProcessTest {

    /** The cron expression of the start event is read in the configured zone (elderguard.time-zone), not the server's. */
    private static final ZoneId CONFIGURED = ZoneId.of("Asia/Shanghai");

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void atEightTheLeaderOfAUnitWithAnOverdueTaskIsSentADigestAndTheTimerWaitsForTheNextMorning() {
        // given: a lead whose verification at 城关镇民政办 fell due on 16 November
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, Now.zone()).toInstant()));
        String venue = "东街社区福寿养老院-" + System.nanoTime();
        LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE, venue);
        long mailBefore = lastMailId();
        Set<String> running = digestInstances();

        // when: the timer fires on the morning of 20 November
        ClockUtil.setCurrentTime(at(2026, 11, 20, 8));
        engine.getManagementService().executeJob(morningTimer().getId());
        ProcessInstance digest = newDigestInstance(running);
        assertThat(digest).hasPassed(START_EVENT_EVERY_MORNING).isWaitingAt(TASK_SEND_DAILY_DIGESTS);
        execute(job(digest));

        // then: the run has ended, the leader's digest is queued and the next run is tomorrow at eight
        assertThat(digest).hasPassed(START_EVENT_EVERY_MORNING, TASK_SEND_DAILY_DIGESTS, END_EVENT_DIGESTS_SENT).isEnded();
        List<String> subjects = jdbc.sql("SELECT SUBJECT FROM EG_MAIL WHERE KIND = ? AND RECIPIENTS = ? AND ID > ?")
            .params(MailKind.DAILY_DIGEST.name(), "cg_mz_ld@demo.elderguard.cn", mailBefore).query(String.class).list();
        assertThat(subjects).singleElement().asString().startsWith("【ElderGuard】每日待办汇总：城关镇民政办 待办").contains("逾期");
        String body = jdbc.sql("SELECT BODY FROM EG_MAIL WHERE KIND = ? AND RECIPIENTS = ? AND ID > ?")
            .params(MailKind.DAILY_DIGEST.name(), "cg_mz_ld@demo.elderguard.cn", mailBefore).query(String.class).single();
        assertThat(body).contains("宋佳，您好").contains(venue).contains("核查线索");
        assertThat(morningTimer().getDuedate()).isEqualTo(at(2026, 11, 21, 8));
        assertThat(morningTimer().getDuedate().toInstant()).as("08:00 in Beijing, though the tests' JVM runs in UTC")
            .isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now())).isNotEqualTo(CONFIGURED.getRules().getOffset(Instant.now()));
    }

    private Job morningTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    }

    private Set<String> digestInstances() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
            .map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    private ProcessInstance newDigestInstance(Set<String> before) {
        List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
            .filter(instance -> !before.contains(instance.getId())).toList();
        assertThat(started).as("the timer starts one run").hasSize(1);
        return started.get(0);
    }

    private long lastMailId() {
        return jdbc.sql("SELECT COALESCE(MAX(ID), 0) FROM EG_MAIL").query(Long.class).single();
    }

    private static Date at(int year, int month, int day, int hour) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CONFIGURED).toInstant());
    }
}
