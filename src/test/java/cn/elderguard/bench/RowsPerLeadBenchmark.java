package cn.elderguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import cn.elderguard.support.DropCreatedDatabases;

/**
 * A measurement, not a test (docs/benchmarks.md, "Rows per lead"): the rows one lead adds to every table, counted
 * over {@code bench.rows.leads} leads posted one after another as the intake benchmark posts them
 * ({@link IntakeWorkload#post}: each opens a case and starts LeadDisposal up to its first task). The job
 * executor is off, so the queued mail and deadline jobs are counted as the intake leaves them.
 */
@Tag("benchmark")
@ExtendWith(DropCreatedDatabases.class) // before the Spring annotation: drops the database after Spring closed it
@BenchmarkApplication
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RowsPerLeadBenchmark {

    static final int LEADS = Integer.getInteger("bench.rows.leads", 100);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void rowsPerLead() throws Exception {
        post(); // the first lead also writes what every later one finds (a cached service level, a session…)
        Map<String, Long> before = rowCounts();
        for (int i = 0; i < LEADS; i++) {
            post();
        }
        Map<String, Long> after = rowCounts();
        StringBuilder table = new StringBuilder("ROWS PER LEAD (" + LEADS + " leads)\n| table | rows per lead |\n| --- | --- |\n");
        long total = 0;
        for (Map.Entry<String, Long> count : after.entrySet()) {
            long added = count.getValue() - before.getOrDefault(count.getKey(), 0L);
            if (added != 0) {
                table.append("| ").append(count.getKey()).append(" | ").append(perLead(added)).append(" |\n");
                total += added;
            }
        }
        table.append("| all tables | ").append(perLead(total)).append(" |\n");
        System.out.println(table);
        assertThat(after.get("EG_LEAD") - before.get("EG_LEAD")).isEqualTo(LEADS);
    }

    private static String perLead(long rows) {
        return rows % LEADS == 0 ? Long.toString(rows / LEADS) : String.format("%.2f", (double) rows / LEADS);
    }

    private void post() throws Exception {
        IntakeWorkload.post(client, port);
    }

    /** Every table of the schema (the engine's and ours) with its row count. */
    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            + " AND table_type = 'BASE TABLE'").query(String.class).list();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table.toUpperCase(), jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }
}
