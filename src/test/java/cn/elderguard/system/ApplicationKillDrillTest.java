package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.elderguard.support.ForkedApplication;
import cn.elderguard.support.IntakeDrill;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * Fault drill (docs/benchmarks.md, "Application killed mid-intake"): the application, a JVM of its own on a database of
 * its own, receives 300 bank alerts from 4 client threads, each with its Idempotency-Key; once 100 are acknowledged it
 * is killed with SIGKILL (no shutdown of anything). A fresh node starts on the same database and the clients send every
 * lead that was not acknowledged again with the same key, plus 20 that were, which must answer "resent". Every
 * acknowledged lead is stored exactly once under the id its receipt named, every lead once in the end, no case without
 * its process and no process without its case (docs/decisions/007: case and process start in one transaction).
 */
class ApplicationKillDrillTest {

    static final int LEADS = 300;
    static final int CLIENTS = 4;
    static final int KILL_AFTER = 100;
    static final int ACKNOWLEDGED_RESENT = 20;

    @Test
    void everyLeadIsStoredOnceWithItsProcessAfterTheApplicationWasKilledMidIntake() throws Exception {
        String database = PostgresTestDatabase.create();
        IntakeDrill drill = new IntakeDrill("kill-" + System.currentTimeMillis(), LEADS);
        try (ForkedApplication first = ForkedApplication.start("kill-drill-first", database, "--camunda.bpm.webapp.enabled=false")) {
            drill.sendOnce(first.url(""), CLIENTS, KILL_AFTER, () -> {
                try {
                    first.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
        int answeredResent;
        try (ForkedApplication fresh = ForkedApplication.start("kill-drill-fresh", database, "--camunda.bpm.webapp.enabled=false")) {
            drill.resendUnacknowledged(fresh.url(""), Duration.ofMinutes(3));
            answeredResent = drill.resendAcknowledged(fresh.url(""), ACKNOWLEDGED_RESENT);
        }

        IntakeDrill.Counts counts = drill.count(JdbcClient.create(
            new DriverManagerDataSource(database, PostgresTestDatabase.user(), PostgresTestDatabase.password())));
        System.out.println("Application kill drill: " + counts + "; acknowledged leads sent again " + ACKNOWLEDGED_RESENT
            + ", answered resent " + answeredResent);
        assertThat(counts.acknowledgedAtFirstSend()).as("acknowledged before the kill").isBetween(KILL_AFTER, LEADS - 1);
        assertThat(counts.transportFailures()).as("the kill met requests").isPositive();
        assertThat(counts.acknowledged()).as("acknowledged in the end").isEqualTo(LEADS);
        assertThat(answeredResent).as("acknowledged leads sent again answered resent, same lead id").isEqualTo(ACKNOWLEDGED_RESENT);
        assertThat(counts.acknowledgedButMissing()).as("acknowledged leads missing or stored under another id").isZero();
        assertThat(counts.present()).as("present").isEqualTo(LEADS);
        assertThat(counts.duplicated()).as("duplicated").isZero();
        assertThat(counts.lost()).as("lost").isZero();
        assertThat(counts.casesWithoutProcess()).as("cases without their process").isZero();
        assertThat(counts.processesWithoutCase()).as("processes without their case").isZero();
    }
}
