package cn.elderguard.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.OrganisationImport;
import cn.elderguard.support.DropCreatedDatabases;
import cn.elderguard.system.Now;

/**
 * A measurement, not a test (docs/benchmarks.md, "Supervisors' console"): issue 16's bound — at 200,000 open and
 * 1,000,000 completed tasks with 50,000 escalation records, the console's dashboard answers within 200 ms (p95) and
 * each list page within 100 ms, for a county's 处非办 and the province's, over HTTP with a logged-in session as the page
 * calls it; an .xlsx export of 100,000 rows keeps the heap flat. Data: {@link ConsoleWorkload}. Prints the table after
 * {@code BENCHMARK CONSOLE TABLE}, the export's figures, and EXPLAIN (ANALYZE, BUFFERS) of every SQL statement the
 * main province requests ran (captured from Spring's JDBC log with their parameters).
 * {@code ./mvnw -Pbench -Dtest=ConsoleBenchmark test}; {@code -Dbench.console.requests=200} per request and user.
 */
@Tag("benchmark")
@ExtendWith(DropCreatedDatabases.class) // before the Spring annotation: drops the database after Spring closed it
@BenchmarkApplication
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ConsoleBenchmark {

    static final int REQUESTS = Integer.getInteger("bench.console.requests", 200);
    static final int WARM_UP = 20;
    /** Seconds of measuring per request at most, once {@link #REQUESTS} would take longer (never fewer than 30 requests). */
    static final int BUDGET_SECONDS = Integer.getInteger("bench.console.budget", 20);
    /** Which parts run: {@code -Dbench.console.parts=export} measures the export alone (latency, export, explain). */
    static final String PARTS = System.getProperty("bench.console.parts", "latency,export,explain");
    /** {@code -Dbench.console.only=deadlines/summary,assessment}: only the requests whose label starts so. */
    static final List<String> ONLY = Arrays.stream(System.getProperty("bench.console.only", "").split(",")).filter(o -> !o.isBlank()).toList();
    private static final String PASSWORD = "bench-Console-1";
    private static final String PROVINCE_USER = "bench_sheng_cfb";
    private static final String COUNTY_USER = "bench_xian_cfb";
    private static final String COUNTY = "970101000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationImport organisationImport;

    @Test
    void console(CapturedOutput output) throws Exception {
        long importStart = System.nanoTime();
        organisationImport.importFile(new ByteArrayInputStream(ConsoleWorkload.organisation(PROVINCE_USER, COUNTY_USER, COUNTY, PASSWORD)
            .getBytes(StandardCharsets.UTF_8)));
        double imported = (System.nanoTime() - importStart) / 1e9;
        ConsoleWorkload workload = new ConsoleWorkload(jdbc);
        Duration seeded = workload.seed();
        System.out.printf("%nBENCHMARK console: organisation imported in %.1f s, data written in %.1f s: %s%n", imported,
            seeded.toMillis() / 1000.0, workload.counts());

        Session province = Session.login(port, PROVINCE_USER, PASSWORD);
        Session county = Session.login(port, COUNTY_USER, PASSWORD);
        String export = "/api/console/deadlines/tasks.xlsx?state=OVERDUE";
        System.out.println("\nBENCHMARK console export " + export + " (heap: JVM heap in use after a full GC, sampled every 0.5 s,"
            + " peak minus before)\n" + "| user | rows | bytes | s (unsampled) | heap before MiB | peak growth MiB |\n| --- | --- | --- | --- | --- | --- |");
        for (Session session : List.of(county, province)) {
            if (!PARTS.contains("export")) {
                break;
            }
            try {
                System.out.println(exportFigures(session, export));
            } catch (IllegalStateException e) {
                System.out.println("| " + session.user() + " | " + e.getMessage() + " | | | | |");
            }
        }

        // The first dashboard and assessment keep the finished weeks they show for the whole installation
        // (docs/console.md, "Weekly trend"): what the first requests after an upgrade, and each Monday's first, cost.
        if (PARTS.contains("latency")) {
            for (Call call : calls()) {
                if (call.label().startsWith("deadlines/summary") || call.label().startsWith("assessment")) {
                    long start = System.nanoTime();
                    county.require(call.path());
                    System.out.printf("BENCHMARK console first %s (keeps the finished weeks it shows): %.0f ms%n", call.label(),
                        (System.nanoTime() - start) / 1e6);
                }
            }
        }
        String loadAtStart = loadAverage();
        List<String> table = new ArrayList<>();
        table.add("| user | request | total | n | p50 ms | p95 ms | p99 ms | bound |");
        table.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String user : PARTS.contains("latency") ? List.of(COUNTY_USER, PROVINCE_USER) : List.<String>of()) {
            Session session = Session.login(port, user, PASSWORD);
            for (Call call : calls()) {
                if (!ONLY.isEmpty() && ONLY.stream().noneMatch(call.label()::startsWith)) {
                    continue;
                }
                measure(session, user, call, table);
            }
        }
        System.out.println("\nBENCHMARK CONSOLE TABLE (n requests each after up to " + WARM_UP + " warm-up, one client thread; load average at the"
            + " start / end: " + loadAtStart + " / " + loadAverage() + ")\n"
            + String.join("\n", table));

        if (PARTS.contains("explain")) {
            explainProvince(province, output);
        }
    }

    /** The machine's 1-minute load average (Linux): the machine is shared, so the figures say how busy it was. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** The console's requests: the two summaries, and each list's first and middle page. */
    private static List<Call> calls() {
        LocalDate today = Now.today();
        String period = "from=" + today.minusDays(90) + "&to=" + today;
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("deadlines/summary", "/api/console/deadlines/summary", false, 200));
        for (String state : List.of("OPEN", "DUE_SOON", "OVERDUE", "ESCALATED")) {
            calls.add(new Call("deadlines/tasks " + state, "/api/console/deadlines/tasks?state=" + state, true, 100));
        }
        calls.add(new Call("deadlines/tasks OVERDUE of one town unit", "/api/console/deadlines/tasks?state=OVERDUE&agency=CIVIL_AFFAIRS&region=970101001000&exact=true",
            true, 100));
        calls.add(new Call("escalations 7 days", "/api/console/escalations?days=7", true, 100));
        calls.add(new Call("escalations 30 days", "/api/console/escalations?days=30", true, 100));
        calls.add(new Call("risk/summary", "/api/console/risk/summary", false, 200));
        for (String list : List.of("SCREENING", "RECTIFICATION", "CLOSE_OUT")) {
            calls.add(new Call("risk/cases " + list, "/api/console/risk/cases?list=" + list, true, 100));
        }
        calls.add(new Call("risk/cases RED", "/api/console/risk/cases?level=RED", true, 100));
        calls.add(new Call("risk/key-leads", "/api/console/risk/key-leads", true, 100));
        calls.add(new Call("assessment, 90 days", "/api/console/assessment?" + period, true, 100));
        return calls;
    }

    private void measure(Session session, String user, Call call, List<String> table) throws Exception {
        HttpResponse<String> first = session.get(call.path());
        if (first.statusCode() != 200) {
            table.add(String.format("| %s | %s | HTTP %d | | | | | |", user, call.label(), first.statusCode()));
            System.out.printf("BENCHMARK console %s %s: HTTP %d %s%n", user, call.path(), first.statusCode(),
                first.body().substring(0, Math.min(300, first.body().length())));
            return;
        }
        JsonNode body = JSON.readTree(first.body());
        long total = body.has("total") ? body.get("total").asLong() : -1;
        List<String> paths = new ArrayList<>(List.of(call.path()));
        if (call.list() && total > 0) {
            int size = body.has("size") ? body.get("size").asInt() : 50;
            long middle = Math.max(0, (total - 1) / size / 2);
            paths.add(call.path() + (call.path().contains("?") ? "&" : "?") + "page=" + middle);
        }
        for (int p = 0; p < paths.size(); p++) {
            String path = paths.get(p);
            long warmStart = System.nanoTime();
            session.require(path);
            // A request far beyond its bound gets a shorter warm-up (at least 3) and fewer repetitions (at least 30), so the
            // run ends in reasonable time; the table says how many were measured.
            int warmUp = (int) Math.min(WARM_UP, Math.max(3, BUDGET_SECONDS * 1e9 / 4 / (System.nanoTime() - warmStart)));
            for (int i = 1; i < warmUp; i++) {
                session.require(path);
            }
            double warmMillis = (System.nanoTime() - warmStart) / 1e6 / warmUp;
            int n = (int) Math.min(REQUESTS, Math.max(30, BUDGET_SECONDS * 1000 / warmMillis));
            double[] millis = new double[n];
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                session.require(path);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            double p95 = millis[(int) (n * 0.95)];
            String label = call.label() + (call.list() ? (p == 0 ? ", first page" : ", middle page (" + path.replaceAll(".*page=", "page ") + ")") : "");
            table.add(String.format("| %s | %s | %s | %d | %.1f | %.1f | %.1f | ≤ %d %s |", user, label, total < 0 ? "" : String.format("%,d", total),
                n, millis[n / 2], p95, millis[(int) (n * 0.99)], call.boundMillis(), p95 <= call.boundMillis() ? "✓" : "✗"));
        }
    }

    /** One export: time without sampling, then again with the heap sampled; rows read back from the file. */
    private String exportFigures(Session session, String path) throws Exception {
        Path file = Files.createTempFile("console-export", ".xlsx");
        try {
            long start = System.nanoTime();
            session.download(path, file);
            double seconds = (System.nanoTime() - start) / 1e9;
            Files.delete(file);
            long before = heapAfterGc();
            Map<String, long[]> baseline = histogram();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean histogramTaken = new AtomicBoolean();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> {
                long used = peak.accumulateAndGet(heapAfterGc(), Math::max);
                // What a growing export keeps: the classes holding the most live heap, once, when it passes 64 MiB.
                if (used - before > 64L << 20 && histogramTaken.compareAndSet(false, true)) {
                    System.out.println("BENCHMARK console export: live heap +" + ((used - before) >> 20) + " MiB during " + path
                        + " as " + session.user() + ", the classes that grew most since before the export (MiB, instances):\n"
                        + growth(baseline, histogram(), 15));
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            try {
                session.download(path, file);
            } finally {
                sampler.shutdown();
                sampler.awaitTermination(1, TimeUnit.MINUTES);
            }
            return String.format("| %s | %,d | %,d | %.1f | %d | %.1f |", session.user(), rows(file), Files.size(file), seconds, before >> 20,
                (peak.get() - before) / 1048576.0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The live-object histogram ({@code jcmd <pid> GC.class_histogram}): class → {instances, bytes}. */
    private static Map<String, long[]> histogram() {
        Map<String, long[]> classes = new LinkedHashMap<>();
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
            Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(text.toString());
            while (line.find()) {
                classes.put(line.group(3), new long[] {Long.parseLong(line.group(1)), Long.parseLong(line.group(2))});
            }
        } catch (Exception e) {
            classes.put("(no histogram: " + e + ")", new long[] {0, 0});
        }
        return classes;
    }

    private static String growth(Map<String, long[]> before, Map<String, long[]> after, int lines) {
        return after.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
            .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(lines)
            .map(e -> String.format("  %8.1f %,10d  %s", e.getValue()[1] / 1048576.0, e.getValue()[0], e.getKey()))
            .reduce((x, y) -> x + "\n" + y).orElse("");
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Rows of the first sheet (header included), counted while streaming its XML. */
    static long rows(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            try (InputStream in = zip.getInputStream(sheet)) {
                return count(in, "<row ".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static long count(InputStream in, byte[] needle) throws IOException {
        long found = 0;
        int matched = 0;
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                matched = buffer[i] == needle[matched] ? matched + 1 : (buffer[i] == needle[0] ? 1 : 0);
                if (matched == needle.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return found;
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of every statement the province user's main requests ran: Spring's JDBC log gives the SQL
     * and its parameters (JdbcTemplate at DEBUG, StatementCreatorUtils at TRACE), bound here and explained.
     */
    private void explainProvince(Session province, CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("deadlines/summary", "/api/console/deadlines/summary");
        requests.put("deadlines/tasks OVERDUE, first page", "/api/console/deadlines/tasks?state=OVERDUE");
        requests.put("deadlines/tasks OPEN, page 2000", "/api/console/deadlines/tasks?state=OPEN&page=2000");
        requests.put("deadlines/tasks ESCALATED", "/api/console/deadlines/tasks?state=ESCALATED");
        requests.put("escalations 30 days", "/api/console/escalations?days=30");
        requests.put("risk/summary", "/api/console/risk/summary");
        requests.put("risk/cases RECTIFICATION", "/api/console/risk/cases?list=RECTIFICATION");
        requests.put("risk/key-leads", "/api/console/risk/key-leads");
        requests.put("assessment, 90 days", "/api/console/assessment?from=" + Now.today().minusDays(90) + "&to=" + Now.today());
        StringBuilder report = new StringBuilder("\nBENCHMARK console EXPLAIN (province user)\n");
        Set<String> explained = new LinkedHashSet<>();
        for (Map.Entry<String, String> request : requests.entrySet()) {
            int from = output.getAll().length();
            logging.setLogLevel("org.springframework.jdbc.core.JdbcTemplate", LogLevel.DEBUG);
            logging.setLogLevel("org.springframework.jdbc.core.StatementCreatorUtils", LogLevel.TRACE);
            HttpResponse<String> response;
            try {
                response = province.get(request.getValue());
            } finally {
                logging.setLogLevel("org.springframework.jdbc.core.JdbcTemplate", null);
                logging.setLogLevel("org.springframework.jdbc.core.StatementCreatorUtils", null);
            }
            report.append("\n### ").append(request.getKey()).append(" — GET ").append(request.getValue()).append(" → HTTP ")
                .append(response.statusCode()).append('\n');
            for (String statement : statements(output.getAll().substring(from))) {
                String head = statement.trim().toUpperCase();
                if (!(head.startsWith("SELECT") || head.startsWith("WITH")) || !explained.add(statement)) {
                    continue;
                }
                try {
                    List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).query(String.class).list();
                    report.append("\n").append(statement).append("\n").append(String.join("\n", plan)).append('\n');
                } catch (RuntimeException e) {
                    report.append("\n").append(statement).append("\n(EXPLAIN failed: ").append(e.getMessage()).append(")\n");
                }
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "console-explain.txt"), report);
    }

    private static final Pattern STATEMENT = Pattern.compile("Executing (?:prepared SQL statement|SQL query) \\[(.*?)\\]\\R(?=\\S*\\d{4}-\\d\\d-\\d\\d|\\z)",
        Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("Setting SQL statement parameter value: column index (\\d+), parameter value \\[(.*?)\\], value class \\[([^\\]]*)\\]");

    /** The statements of a stretch of log with their logged parameters bound in. */
    static List<String> statements(String log) {
        List<String> statements = new ArrayList<>();
        Matcher statement = STATEMENT.matcher(log);
        List<int[]> spans = new ArrayList<>();
        List<String> sqls = new ArrayList<>();
        while (statement.find()) {
            spans.add(new int[] {statement.start(), statement.end()});
            sqls.add(statement.group(1));
        }
        for (int s = 0; s < sqls.size(); s++) {
            String parameters = log.substring(spans.get(s)[1], s + 1 < spans.size() ? spans.get(s + 1)[0] : log.length());
            Matcher parameter = PARAMETER.matcher(parameters);
            List<String> values = new ArrayList<>();
            while (parameter.find()) {
                values.add(literal(parameter.group(2), parameter.group(3)));
            }
            StringBuilder bound = new StringBuilder();
            int next = 0;
            for (char c : sqls.get(s).toCharArray()) {
                bound.append(c == '?' && next < values.size() ? values.get(next++) : String.valueOf(c));
            }
            statements.add(bound.toString());
        }
        return statements;
    }

    private static String literal(String value, String type) {
        if (type.equals("null") || (value.equals("null") && !type.equals("java.lang.String"))) {
            return "NULL";
        }
        return switch (type) {
            case "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.math.BigDecimal", "java.lang.Boolean" -> value;
            case "java.sql.Timestamp", "java.time.LocalDateTime" -> "'" + value + "'::timestamp";
            case "java.sql.Date", "java.time.LocalDate" -> "'" + value + "'::date";
            default -> "'" + value.replace("'", "''") + "'";
        };
    }

    record Call(String label, String path, boolean list, int boundMillis) {
    }

    /** A person logged in to the application as the browser is: the webapps' login form, then the session cookie. */
    record Session(String user, String base, HttpClient client, CookieManager cookies) {

        static Session login(int port, String user, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            Session session = new Session(user, "http://localhost:" + port, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
            session.get("/camunda/api/admin/auth/user/default");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(session.base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
            session.csrf().ifPresent(token -> login.header("X-XSRF-TOKEN", token));
            HttpResponse<String> response = session.client().send(login.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("login of " + user + ": HTTP " + response.statusCode() + " " + response.body());
            }
            session.require("/api/session");
            return session;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Requested-With", "XMLHttpRequest").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        void require(String path) throws Exception {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
            }
        }

        void download(String path, Path file) throws Exception {
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + Files.readString(file));
            }
        }

        java.util.Optional<String> csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst();
        }
    }
}
