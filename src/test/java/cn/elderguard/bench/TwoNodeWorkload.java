package cn.elderguard.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.elderguard.support.IntakeDrill;
import cn.elderguard.support.JobExecutorNodes;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * One node against two (docs/benchmarks.md, "Two nodes"; docs/decisions/043-two-nodes.md): for each, nodes of the real
 * application (JVMs of their own with their job executors) on a new database, {@code bench.two-nodes.leads} (default
 * 3,000) bank alerts posted by 4 client threads spread over the nodes; then every task's next deadline step made due at
 * once: the seconds until every step was recorded, and until every mail of the outbox was sent too (GreenMail on 3025).
 * {@link #run()} returns the figures and {@link Result#rows()} formats them as rows of the suite's table
 * ({@code ElderGuardBenchmark#twoNodes}).
 */
final class TwoNodeWorkload {

    static final int LEADS = Integer.getInteger("bench.two-nodes.leads", 3000);
    static final int CLIENTS = 4;

    private TwoNodeWorkload() {
    }

    static Result run() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Side one = side(1);
            Side two = side(2);
            return new Result(one, two);
        } finally {
            smtp.stop();
        }
    }

    private static Side side(int nodes) throws Exception {
        String database = PostgresTestDatabase.create();
        try (JobExecutorNodes cluster = JobExecutorNodes.start("bench-" + nodes + "-nodes", database, nodes)) {
            IntakeDrill drill = new IntakeDrill("bench-" + nodes + "-nodes-" + System.currentTimeMillis(), LEADS);
            double intakeSeconds = drill.sendOnce(cluster.baseUrls(), CLIENTS);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.unsentMails() == 0 && cluster.deadlineJobs() == LEADS);
            long mailsBefore = cluster.mails();
            cluster.makeDeadlinesDue();
            long burst = System.nanoTime();
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> cluster.steps() >= LEADS);
            double stepsSeconds = (System.nanoTime() - burst) / 1e9;
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> cluster.unsentMails() == 0);
            double mailSeconds = (System.nanoTime() - burst) / 1e9;
            return new Side(LEADS / intakeSeconds, stepsSeconds, mailSeconds, cluster.mails() - mailsBefore);
        }
    }

    /** Leads per second over all nodes; seconds until every step was recorded; until every mail was sent too; mails of the burst. */
    record Side(double leadsPerSecond, double stepsSeconds, double mailSeconds, long burstMails) {
    }

    record Result(Side one, Side two) {

        /** Rows of the suite's table: the two-node figure in the first column, the one-node figure in the second. */
        List<String> rows() {
            return List.of(
                row(String.format("two nodes against one: intake of %,d leads, %d client threads over the nodes, leads/s", LEADS, CLIENTS),
                    two.leadsPerSecond(), one.leadsPerSecond()),
                row(String.format("two nodes against one: burst of %,d deadline steps, s until every step was recorded", LEADS),
                    two.stepsSeconds(), one.stepsSeconds()),
                row(String.format("two nodes against one: same burst, s until its %,d mails were sent too", two.burstMails()),
                    two.mailSeconds(), one.mailSeconds()));
        }

        private static String row(String name, double two, double one) {
            return String.format("| %s | %.1f | %.1f | %.2f | |", name, two, one, two / one);
        }
    }
}
