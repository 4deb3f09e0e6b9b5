package cn.elderguard.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.elderguard.notification.SendMailJob;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.ForkedApplication;
import cn.elderguard.support.IntakeDrill;
import cn.elderguard.support.JobExecutorNodes;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * Two nodes of the real application (JVMs of their own, each with its job executor) on one PostgreSQL database
 * (docs/decisions/043-two-nodes.md). Leads arrive over both; then every task's next deadline step falls due at once, and
 * when half the steps are recorded the node that ran more jobs is killed with SIGKILL. The survivor finishes the work
 * once the killed node's job locks expire (30 s here, 5 minutes shipped): every lead stored once, every step recorded
 * once, every mail of the outbox delivered. {@code -Dtwo-nodes.deadlines=10000} runs the full size (1,000 by
 * default, to stay within a few minutes).
 */
class TwoNodeKillTest {

    static final int DEADLINES = Integer.getInteger("two-nodes.deadlines", 1000);
    static final int CLIENTS = 4;
    static final String NODES = "two-nodes";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void theSurvivorFinishesEveryStepAndMailOnceAfterTheBusierNodeWasKilledHalfWay() throws Exception {
        String database = PostgresTestDatabase.create();
        IntakeDrill drill = new IntakeDrill("two-nodes-" + System.currentTimeMillis(), DEADLINES);
        try (JobExecutorNodes cluster = JobExecutorNodes.start(NODES, database, 2)) {
            double intakeSeconds = drill.sendOnce(cluster.baseUrls(), CLIENTS);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.unsentMails() == 0 && cluster.deadlineJobs() == DEADLINES);

            assertThat(cluster.makeDeadlinesDue()).isEqualTo(DEADLINES);
            long burst = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> cluster.steps() >= DEADLINES / 2);
            Map<String, Long> ranBeforeKill = cluster.jobsRunByNode();
            int busier = ranBeforeKill.getOrDefault(JobExecutorNodes.name(NODES, 0), 0L)
                >= ranBeforeKill.getOrDefault(JobExecutorNodes.name(NODES, 1), 0L) ? 0 : 1;
            ForkedApplication killed = cluster.nodes().get(busier);
            long stepsAtKill = cluster.steps();
            killed.kill();
            // What the SMTP server had accepted when the node died: a mail it sends twice must be among these.
            Set<String> deliveredWhenKilled = new HashSet<>();
            for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
                deliveredWhenKilled.add(message.getSubject());
            }
            // Taken once the node is gone: every lock it took expires by then + lock time.
            long killedAt = System.currentTimeMillis();
            double killSeconds = (System.nanoTime() - burst) / 1e9;

            // The jobs the killed node held: still locked 10 s after the kill by a lock owner other than the survivor's. A
            // lock owner is one per job executor; the survivor's is the one whose locks expire after killedAt + lock time.
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
            Timestamp lockedBeforeKill = new Timestamp(killedAt + JobExecutorNodes.TEST_LOCK_TIME.toMillis());
            List<String> survivor = cluster.jdbc().sql("SELECT DISTINCT LOCK_OWNER_ FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ > ?")
                .param(lockedBeforeKill).query(String.class).list();
            Map<String, Set<String>> held = cluster.jdbc().sql("SELECT HANDLER_TYPE_, HANDLER_CFG_, LOCK_OWNER_ FROM ACT_RU_JOB"
                    + " WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ <= ?")
                .param(lockedBeforeKill)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list().stream()
                .filter(job -> !survivor.contains(job.get(2)))
                .collect(Collectors.groupingBy(job -> job.get(0), Collectors.mapping(job -> job.get(1), Collectors.toSet())));

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.steps() >= DEADLINES && cluster.unsentMails() == 0);
            double finishSeconds = (System.nanoTime() - burst) / 1e9;
            // Nothing more arrives: no step or mail is repeated later.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);

            Map<String, Long> delivered = new HashMap<>();
            Set<String> messageIds = new HashSet<>();
            for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
                delivered.merge(message.getSubject(), 1L, Long::sum);
                messageIds.add(message.getMessageID());
            }
            Map<String, Long> expected = cluster.expectedDeliveriesBySubject();
            long deliveries = delivered.values().stream().mapToLong(Long::longValue).sum();
            long lost = expected.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - delivered.getOrDefault(e.getKey(), 0L))).sum();
            long unexpected = delivered.entrySet().stream().filter(e -> !expected.containsKey(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            Map<String, Long> doubled = delivered.entrySet().stream()
                .filter(e -> expected.containsKey(e.getKey()) && e.getValue() > expected.get(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - expected.get(e.getKey())));
            IntakeDrill.Counts leads = drill.count(cluster.jdbc());
            long incidents = cluster.jdbc().sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single();

            System.out.printf("Two nodes, one killed: %s%n  intake over both nodes %.1f s (%.1f leads/s); burst of %d deadline steps,"
                    + " killed %s (jobs run per node before the kill: %s) after %.1f s with %d steps recorded; it held %d step and %d mail"
                    + " jobs; the survivor finished every step and mail %.1f s after the burst began; steps %d (recorded twice %d),"
                    + " mails in the outbox %d, deliveries %d (lost %d, doubled %d, unexpected %d), distinct messages (Message-ID) %d,"
                    + " incidents %d%n",
                leads, intakeSeconds, DEADLINES / intakeSeconds, DEADLINES, killed.log().getFileName(), ranBeforeKill, killSeconds,
                stepsAtKill, held.getOrDefault(EngineJobRows.DEADLINE, Set.of()).size(), held.getOrDefault(EngineJobRows.MAIL, Set.of()).size(),
                finishSeconds, cluster.steps(), cluster.stepsRecordedTwice(), cluster.mails(), deliveries, lost,
                doubled.values().stream().mapToLong(Long::longValue).sum(), unexpected, messageIds.size(), incidents);

            assertThat(ranBeforeKill.keySet()).as("both nodes ran jobs")
                .containsExactlyInAnyOrder(JobExecutorNodes.name(NODES, 0), JobExecutorNodes.name(NODES, 1));
            assertThat(leads.acknowledged()).as("acknowledged").isEqualTo(DEADLINES);
            assertThat(leads.present()).as("present").isEqualTo(DEADLINES);
            assertThat(leads.duplicated()).as("duplicated").isZero();
            assertThat(leads.casesWithoutProcess() + leads.processesWithoutCase()).as("orphans").isZero();
            assertThat(stepsAtKill).as("killed half-way").isLessThan(DEADLINES);
            assertThat(cluster.steps()).as("every step recorded").isEqualTo(DEADLINES);
            assertThat(cluster.stepsRecordedTwice()).as("steps recorded twice").isZero();
            assertThat(cluster.jdbc().sql("SELECT COUNT(DISTINCT TASK_ID) FROM EG_ESCALATION").query(Long.class).single())
                .as("one step per task").isEqualTo(DEADLINES);
            assertThat(cluster.unsentMails()).as("outbox rows not sent").isZero();
            assertThat(lost).as("mails lost").isZero();
            assertThat(unexpected).as("mails the outbox never held").isZero();
            // SMTP has no idempotency: a mail the killed node had handed to the server but not yet stamped sent (its
            // transaction died with it) is sent again by the survivor. Only such mails may arrive twice (decision 043):
            // mails the server had accepted when the node died, at most what the mail jobs it held were sending (each
            // its own mail and up to DRAIN others in one transaction).
            long heldMailJobs = held.getOrDefault(EngineJobRows.MAIL, Set.of()).size();
            assertThat(deliveredWhenKilled).as("mails delivered twice had been sent before the node died")
                .containsAll(doubled.keySet());
            assertThat(doubled.values().stream().mapToLong(Long::longValue).sum())
                .as("mails delivered twice, at most what the %d mail jobs the killed node held were sending", heldMailJobs)
                .isLessThanOrEqualTo(heldMailJobs * (SendMailJob.DRAIN + 1));
            // ...and is the same message (its outbox row's Message-ID), which receiving servers and clients show once.
            assertThat(messageIds).as("one Message-ID per outbox mail").hasSize((int) cluster.mails());
            assertThat(held).as("jobs the killed node held, which only the survivor can have finished").isNotEmpty();
            assertThat(incidents).as("incidents").isZero();
        }
    }
}
