package cn.elderguard.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.elderguard.deadline.ServiceLevel;
import cn.elderguard.deadline.ServiceLevels;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.notification.DailyDigestProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.PostgresTestDatabase;

import static org.awaitility.Awaitility.await;

/**
 * {@code bench.burst.tasks} (default 10,000) verification tasks falling due at the same moment on one node with
 * the shipped job-executor settings and a real SMTP server (GreenMail): the time until every first escalation
 * step ran, wrote its record and sent its mail; beside it the same number of bare timer jobs (a process with one
 * timer event) falling due together in the same database. Its own database and node (its job executor runs).
 */
final class BurstWorkload {

    static final int TASKS = Integer.getInteger("bench.burst.tasks", 10_000);

    Result run() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        long startup = System.nanoTime();
        ConfigurableApplicationContext node = ApplicationRun.start(PostgresTestDatabase.create(),
            "--camunda.bpm.job-execution.enabled=true");
        double startupSeconds = (System.nanoTime() - startup) / 1e9;
        try {
            ProcessEngine engine = node.getBean(ProcessEngine.class);
            JdbcClient jdbc = EngineJobRows.jdbc(engine);
            engine.getRepositoryService().suspendProcessDefinitionByKey(DailyDigestProcess.KEY, true, null);
            // Only the first escalation step is due at the due moment: no reminder, next step days later.
            node.getBean(ServiceLevels.class).set(new ServiceLevel(LeadDisposalProcess.KEY, LeadDisposalProcess.TASK_VERIFY_LEAD, 10, true, 0, List.of(0, 3, 5)),
                "benchmark");
            Side elderGuard = elderGuard(engine, jdbc);
            Side bare = bare(engine, jdbc);
            return new Result(elderGuard, bare, startupSeconds);
        } finally {
            ClockUtil.reset();
            node.close();
            smtp.stop();
        }
    }

    private Side elderGuard(ProcessEngine engine, JdbcClient jdbc) throws Exception {
        Date created = new Date();
        ClockUtil.setCurrentTime(created);
        Parallel.perSecond(4, TASKS, i -> LeadDisposalStarter.start(engine, Agency.MARKET_REGULATION, DemoOrganisation.DONGJIE));
        await().atMost(Duration.ofMinutes(10)).until(() -> unsent(jdbc) == 0);
        Timestamp due = jdbc.sql("SELECT MIN(DUE_AT) FROM EG_TASK_DEADLINE").query(Timestamp.class).single();
        ClockUtil.offset(due.getTime() - System.currentTimeMillis());
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> steps(jdbc) >= TASKS);
        double seconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> unsent(jdbc) == 0);
        double withMail = (System.nanoTime() - start) / 1e9;
        ClockUtil.reset();
        List<Double> lateness = jdbc.sql("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY L), PERCENTILE_CONT(0.95) WITHIN GROUP"
                + " (ORDER BY L) FROM (SELECT EXTRACT(EPOCH FROM (RECORDED_AT - DUE_AT)) AS L FROM EG_ESCALATION WHERE STEP = 1) X")
            .query((rs, row) -> List.of(rs.getDouble(1), rs.getDouble(2))).single();
        return new Side(seconds, withMail, lateness.get(0), lateness.get(1), 2.0 * TASKS / withMail);
    }

    private Side bare(ProcessEngine engine, JdbcClient jdbc) throws Exception {
        BareDeployment.deploy(engine, "BareTimer.bpmn", Bpmn.createExecutableProcess("BareTimer").camundaHistoryTimeToLive(1).startEvent()
            .intermediateCatchEvent("Event_Due").timerWithDuration("PT1H").endEvent().done());
        Date created = new Date();
        ClockUtil.setCurrentTime(created);
        Parallel.perSecond(4, TASKS, i -> engine.getRuntimeService().startProcessInstanceByKey("BareTimer", UUID.randomUUID().toString()));
        Date due = new Date(created.getTime() + Duration.ofHours(1).toMillis());
        ClockUtil.offset(due.getTime() - System.currentTimeMillis());
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() ->
            engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("BareTimer").finished().count() >= TASKS);
        double seconds = (System.nanoTime() - start) / 1e9;
        ClockUtil.reset();
        List<Double> lateness = jdbc.sql("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY L), PERCENTILE_CONT(0.95) WITHIN GROUP"
                + " (ORDER BY L) FROM (SELECT EXTRACT(EPOCH FROM (END_TIME_ - ?)) AS L FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'Event_Due') X")
            .param(new Timestamp(due.getTime()))
            .query((rs, row) -> List.of(rs.getDouble(1), rs.getDouble(2))).single();
        return new Side(seconds, seconds, lateness.get(0), lateness.get(1), TASKS / seconds);
    }

    private static long steps(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_ESCALATION WHERE STEP = 1").query(Long.class).single();
    }

    private static long unsent(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE SENT_AT IS NULL").query(Long.class).single();
    }

    /**
     * Seconds until every step ran and wrote its record; until its mail was sent too; lateness p50/p95 of the
     * records in seconds; jobs per second (ElderGuard: a step job and a mail job per task).
     */
    record Side(double seconds, double secondsWithMail, double lateP50, double lateP95, double jobsPerSecond) {
    }

    record Result(Side elderGuard, Side bare, double nodeStartupSeconds) {
    }
}
