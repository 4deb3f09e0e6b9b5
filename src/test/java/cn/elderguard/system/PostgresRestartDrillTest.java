package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.HttpCaller;
import cn.elderguard.support.IntakeDrill;
import cn.elderguard.support.PostgresTestDatabase;
import cn.elderguard.support.ThrowawayPostgres;

/**
 * Fault drill (docs/benchmarks.md, "Fault drills"): PostgreSQL restarted in the middle of intake. The application runs
 * against a cluster of the test's own ({@link ThrowawayPostgres}; the shared server is never touched); 300 bank alerts
 * arrive from 4 client threads, each with its Idempotency-Key; once 100 are acknowledged the server is stopped as a
 * crash would stop it and started again 5 s later, then the clients send every lead that was not acknowledged again
 * with the same key. Every acknowledged lead is stored exactly once under the id its receipt named, every lead once in
 * the end, no case without its process and no process without its case; what the application answered during the
 * outage was 503 in Chinese with Retry-After (docs/decisions/016-database-outage.md).
 */
class PostgresRestartDrillTest {

    static final int LEADS = 300;
    static final int CLIENTS = 4;
    static final int RESTART_AFTER = 100;
    /** Longer than the pool's 3 s connection timeout, so requests also meet a server that is not there. */
    static final Duration DOWN = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLeadIsStoredOnceWithItsProcessAfterTheServerRestartedMidIntake() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start("intake-restart-drill")) {
            String database = postgres.createDatabase("drill");
            ConfigurableApplicationContext app = ApplicationRun.start(database);
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
                IntakeDrill drill = new IntakeDrill("pg-restart-" + System.currentTimeMillis(), LEADS);

                drill.sendOnce(base, CLIENTS, RESTART_AFTER, () -> {
                    postgres.stopImmediately();
                    pause(DOWN);
                    postgres.start();
                });
                drill.resendUnacknowledged(base, Duration.ofMinutes(3));

                IntakeDrill.Counts counts = drill.count(JdbcClient.create(
                    new DriverManagerDataSource(database, PostgresTestDatabase.user(), PostgresTestDatabase.password())));
                System.out.println("PostgreSQL restart drill: " + counts);
                assertThat(counts.refused() + counts.transportFailures()).as("the restart met requests").isPositive();
                assertThat(counts.acknowledgedAtFirstSend()).as("acknowledged before the resends").isLessThan(LEADS);
                assertThat(counts.acknowledged()).as("acknowledged in the end").isEqualTo(LEADS);
                assertThat(counts.acknowledgedButMissing()).as("acknowledged leads missing or stored under another id").isZero();
                assertThat(counts.present()).as("present").isEqualTo(LEADS);
                assertThat(counts.duplicated()).as("duplicated").isZero();
                assertThat(counts.lost()).as("lost").isZero();
                assertThat(counts.casesWithoutProcess()).as("cases without their process").isZero();
                assertThat(counts.processesWithoutCase()).as("processes without their case").isZero();
                for (HttpCaller.Response refused : drill.refusals()) {
                    assertThat(refused.status()).as(refused.toString()).isEqualTo(DatabaseUnavailable.STATUS);
                    assertThat(JSON.readTree(refused.body()).path("title").asText()).as(refused.toString()).isEqualTo(DatabaseUnavailable.TITLE);
                    assertThat(JSON.readTree(refused.body()).path("detail").asText()).as(refused.toString()).isEqualTo(DatabaseUnavailable.DETAIL);
                    assertThat(refused.header("Retry-After")).as(refused.toString()).isPresent();
                }
            } finally {
                app.close();
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
