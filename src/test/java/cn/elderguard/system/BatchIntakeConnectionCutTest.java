package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadSource;
import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.HttpCaller;
import cn.elderguard.support.IntakeDrill;
import cn.elderguard.support.PostgresTestDatabase;
import cn.elderguard.support.TcpProxy;
import cn.elderguard.support.ThrowawayPostgres;

/**
 * Fault drill (docs/intake.md, "Batch intake"): the database connection cut in the middle of a batch of
 * {@value #LEADS} bank alerts. The application reaches a cluster of the test's own ({@link ThrowawayPostgres}) through
 * a {@link TcpProxy}; once {@value #CUT_AFTER} leads of the batch are stored the proxy drops every connection and
 * refuses new ones for {@code DOWN}, then accepts them again, and the client sends the same batch again, with the same
 * references, until it is answered 200. Every lead is then stored exactly once, the ones stored before the cut answered
 * as resent; no case without its process, no process without its case.
 */
class BatchIntakeConnectionCutTest {

    static final int LEADS = 1_000;
    static final int CUT_AFTER = 250;
    static final Duration DOWN = Duration.ofSeconds(2);
    private static final String ACCOUNT = "bank_alert_api";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLeadOfABatchIsStoredOnceAfterTheConnectionWasCutMidBatchAndTheBatchResent() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start("batch-intake-cut");
             TcpProxy proxy = TcpProxy.to("127.0.0.1", postgres.port())) {
            String database = postgres.createDatabase("batchcut");
            JdbcClient direct = JdbcClient.create(new DriverManagerDataSource(database, PostgresTestDatabase.user(),
                PostgresTestDatabase.password()));
            ConfigurableApplicationContext app = ApplicationRun.start(PostgresTestDatabase.via(database, "127.0.0.1", proxy.port()));
            try {
                String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
                HttpCaller client = HttpCaller.basic(base, ACCOUNT, DemoOrganisation.PASSWORD);
                String run = "cut-" + System.currentTimeMillis();
                String batch = batch(run);

                CompletableFuture<HttpCaller.Response> first = CompletableFuture.supplyAsync(() -> client.post("/api/leads/batch", batch));
                // Cut as soon as a quarter is stored (or when the batch ended without it: the assertion below says so).
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> first.isDone() || stored(direct, run) >= CUT_AFTER);
                long storedAtCut = -1;
                if (!first.isDone()) {
                    proxy.cut();
                    storedAtCut = stored(direct, run);
                }
                HttpCaller.Response cut = first.get();
                assertThat(storedAtCut).as("the cut struck mid-batch (first answer: " + cut.status() + ")").isBetween((long) CUT_AFTER, LEADS - 1L);
                // The database stays unreachable for a while, as after a network failure.
                await().pollDelay(DOWN).atMost(DOWN.plusSeconds(1)).until(() -> true);
                proxy.restore();

                assertThat(cut.status()).as(cut.body()).isEqualTo(DatabaseUnavailable.STATUS);
                JsonNode refusal = JSON.readTree(cut.body());
                assertThat(refusal.path("title").asText()).isEqualTo(DatabaseUnavailable.TITLE);
                assertThat(refusal.path("detail").asText()).contains("相同的来源编号");
                assertThat(cut.header("Retry-After")).isPresent();

                // A client resends the same batch until it is answered, once a second, as Retry-After asks.
                AtomicInteger resends = new AtomicInteger();
                AtomicReference<HttpCaller.Response> answered = new AtomicReference<>();
                await().alias("the resent batch answered within 3 minutes").atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        resends.incrementAndGet();
                        answered.set(client.post("/api/leads/batch", batch));
                        return answered.get().status() == 200;
                    });
                HttpCaller.Response answer = answered.get();
                JsonNode receipt = JSON.readTree(answer.body());
                int created = receipt.path("created").asInt();
                int resent = receipt.path("resent").asInt();
                long storedBeforeResend = storedAtCut;

                Map<String, Long> leadsByName = counted(direct.sql("SELECT REPORTED_INSTITUTION_NAME, COUNT(*) FROM EG_LEAD"
                    + " WHERE SUBMITTED_BY = ? AND IDEMPOTENCY_KEY LIKE ? GROUP BY REPORTED_INSTITUTION_NAME").params(ACCOUNT, run + "-%"));
                Map<String, Long> casesByName = counted(direct.sql("SELECT I.NAME, COUNT(*) FROM EG_CASE C JOIN EG_INSTITUTION I"
                    + " ON I.ID = C.INSTITUTION_ID WHERE I.NAME LIKE ? GROUP BY I.NAME").param(institution(run, "%")));
                Map<String, Long> institutionsByName = counted(direct.sql("SELECT NAME, COUNT(*) FROM EG_INSTITUTION WHERE NAME LIKE ?"
                    + " GROUP BY NAME").param(institution(run, "%")));
                int present = 0;
                int duplicated = 0;
                for (int lead = 0; lead < LEADS; lead++) {
                    String name = institution(run, Integer.toString(lead));
                    present += leadsByName.getOrDefault(name, 0L) > 0 ? 1 : 0;
                    duplicated += leadsByName.getOrDefault(name, 0L) > 1 || casesByName.getOrDefault(name, 0L) > 1
                        || institutionsByName.getOrDefault(name, 0L) > 1 ? 1 : 0;
                }
                long casesWithoutProcess = direct.sql("SELECT COUNT(*) FROM EG_CASE C WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION E"
                    + " WHERE E.ID_ = C.PROCESS_INSTANCE_ID AND E.PROC_INST_ID_ = E.ID_ AND E.BUSINESS_KEY_ = CAST(C.ID AS VARCHAR))")
                    .query(Long.class).single();
                long processesWithoutCase = IntakeDrill.processesWithoutCase(direct);

                System.out.println("Batch intake connection cut: leads " + LEADS + ", stored when the connection was cut " + storedBeforeResend
                    + ", first answer " + cut.status() + ", resends of the batch " + resends + "; acknowledged " + (created + resent)
                    + " (created " + created + ", resent " + resent + "); present " + present + ", duplicated " + duplicated + ", lost "
                    + (LEADS - present) + ", cases without process " + casesWithoutProcess + ", processes without case " + processesWithoutCase);
                assertThat(created + resent).as("acknowledged").isEqualTo(LEADS);
                assertThat(resent).as("stored before the cut, answered as resent").isGreaterThanOrEqualTo((int) storedBeforeResend);
                assertThat(present).as("present").isEqualTo(LEADS);
                assertThat(duplicated).as("duplicated").isZero();
                assertThat(casesWithoutProcess).as("cases without their process").isZero();
                assertThat(processesWithoutCase).as("processes without their case").isZero();
                List<Long> ids = new ArrayList<>();
                receipt.path("results").forEach(result -> ids.add(result.path("leadId").asLong()));
                assertThat(ids).as("every position names its own stored lead").doesNotHaveDuplicates().hasSize(LEADS);
            } finally {
                app.close();
            }
        }
    }

    private static long stored(JdbcClient direct, String run) {
        return direct.sql("SELECT COUNT(*) FROM EG_LEAD WHERE SUBMITTED_BY = ? AND IDEMPOTENCY_KEY LIKE ?").params(ACCOUNT, run + "-%")
            .query(Long.class).single();
    }

    private static String batch(String run) throws Exception {
        List<Object> leads = new ArrayList<>();
        for (int lead = 0; lead < LEADS; lead++) {
            leads.add(Map.of("source", LeadSource.BANK_FUND_ALERT.name(), "reference", run + "-" + lead,
                "institution", Map.of("name", institution(run, Integer.toString(lead)), "jurisdiction", DemoOrganisation.DONGJIE),
                "description", "演练：近 30 日大额资金转入个人账户", "amountInvolvedYuan", 500000));
        }
        return JSON.writeValueAsString(Map.of("leads", leads));
    }

    private static String institution(String run, String lead) {
        return "批量演练养老院-" + run + "-" + lead;
    }

    private static Map<String, Long> counted(JdbcClient.StatementSpec query) {
        return query.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
