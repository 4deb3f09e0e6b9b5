package cn.elderguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.elderguard.support.PostgresTestDatabase;
import cn.elderguard.support.ThrowawayPostgres;

/**
 * A measurement, not a test (docs/benchmarks.md, "Statements per lead"): the statements PostgreSQL receives for one
 * lead posted as the intake benchmark posts it, alone and in batches, and for one bare start, counted in the server's own statement log
 * ({@code log_statement = 'all'}) of a throwaway cluster, so that nothing else writes to it. Job executor off, as
 * in "Rows per lead": the jobs the intake queues are not run.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatementsPerLeadBenchmark {

    /** Leads of each kind; a multiple of the batch size. */
    static final int LEADS = Integer.getInteger("bench.statements.leads", 100);

    /** A statement as the server logs it: simple protocol ("statement:") or extended ("execute <name>:"). */
    private static final Pattern LOGGED = Pattern.compile("LOG:  (?:statement|execute [^:]*): (.*)");

    // Stopped by its own shutdown hook when the JVM ends, after Spring has closed the application that uses it.
    private static ThrowawayPostgres cluster;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        cluster = ThrowawayPostgres.start("statements-per-lead", "log_statement = 'all'");
        String url = cluster.createDatabase("statements");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void statementsPerLead() throws Exception {
        IntakeWorkload.post(client, port); // the first lead also fills what every later one finds cached
        Map<String, Long> lead = count("single lead", () -> {
            for (int i = 0; i < LEADS; i++) {
                IntakeWorkload.post(client, port);
            }
        });
        IntakeWorkload.postBatch(client, port);
        Map<String, Long> batch = count("batch", () -> {
            for (int i = 0; i < LEADS / IntakeWorkload.BATCH; i++) {
                IntakeWorkload.postBatch(client, port);
            }
        });
        IntakeWorkload.deployBare(engine);
        IntakeWorkload.startBare(engine);
        Map<String, Long> bare = count("bare start", () -> {
            for (int i = 0; i < LEADS; i++) {
                IntakeWorkload.startBare(engine);
            }
        });
        StringBuilder table = new StringBuilder("STATEMENTS PER LEAD (" + LEADS + " each, PostgreSQL's statement log)\n"
            + "| statements | single lead | in batches of " + IntakeWorkload.BATCH + " | bare start |\n| --- | --- | --- | --- |\n");
        for (String kind : lead.keySet()) {
            table.append("| ").append(kind).append(" | ").append(perLead(lead.get(kind))).append(" | ").append(perLead(batch.get(kind)))
                .append(" | ").append(perLead(bare.get(kind))).append(" |\n");
        }
        System.out.println(table);
        assertThat(lead.get("INSERT")).as("a lead inserts at least its lead row").isGreaterThanOrEqualTo(LEADS);
        assertThat(batch.get("INSERT")).as("a batched lead inserts at least its lead row").isGreaterThanOrEqualTo(LEADS);
        assertThat(bare.get("INSERT")).as("a bare start inserts at least its task row").isGreaterThanOrEqualTo(LEADS);
    }

    interface Work {
        void run() throws Exception;
    }

    /** Runs the work between two marker statements and counts, by kind, what the server logged between them. */
    private Map<String, Long> count(String name, Work work) throws Exception {
        String start = "eg-mark-start " + name;
        String end = "eg-mark-end " + name;
        jdbc.sql("SELECT '" + start + "'").query(String.class).single();
        work.run();
        jdbc.sql("SELECT '" + end + "'").query(String.class).single();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String kind : List.of("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK", "other", "all")) {
            counts.put(kind, 0L);
        }
        boolean inside = false;
        for (String line : Files.readAllLines(cluster.serverLog(), StandardCharsets.UTF_8)) {
            Matcher logged = LOGGED.matcher(line);
            if (!logged.find()) {
                continue;
            }
            String statement = logged.group(1).strip();
            if (statement.contains(start)) {
                inside = true;
            } else if (statement.contains(end)) {
                return counts;
            } else if (inside) {
                String first = statement.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                counts.merge(counts.containsKey(first) && !first.equals("all") ? first : "other", 1L, Long::sum);
                counts.merge("all", 1L, Long::sum);
            }
        }
        throw new IllegalStateException("the marker '" + end + "' is missing from " + cluster.serverLog());
    }

    private static String perLead(long statements) {
        return statements % LEADS == 0 ? Long.toString(statements / LEADS) : String.format("%.2f", (double) statements / LEADS);
    }
}
