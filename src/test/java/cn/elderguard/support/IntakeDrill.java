package cn.elderguard.support;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.lead.LeadSource;

/**
 * Another system sending leads while something fails (docs/benchmarks.md, "Fault drills"): {@code leads} bank alerts,
 * each about an institution of its own and with an {@code Idempotency-Key} of its own, sent once each from a few client
 * threads while a fault strikes part-way; then every lead that was not acknowledged is sent again with the same key
 * until it is, as docs/intake.md tells other systems to do. {@link #count} then says what the database holds.
 */
public final class IntakeDrill {

    public static final String ACCOUNT = "bank_alert_api";
    private static final String INSTITUTION = "演练养老院-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run;
    private final int leads;
    /** Lead number → the lead id its receipt (201, or 200 for a resend) named. */
    private final Map<Integer, Long> acknowledged = new ConcurrentHashMap<>();
    private final List<HttpCaller.Response> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger transportFailures = new AtomicInteger();
    private final AtomicInteger acknowledgedAsResent = new AtomicInteger();
    private final AtomicInteger resends = new AtomicInteger();
    private volatile int acknowledgedAtFirstSend;

    /** {@code run} makes the keys and institution names of this drill unique in the database. */
    public IntakeDrill(String run, int leads) {
        this.run = run;
        this.leads = leads;
    }

    /**
     * Sends every lead once from {@code threads} client threads; {@code fault} runs on a thread of its own once
     * {@code faultAfter} leads are acknowledged, while the clients go on. Returns when every lead was sent once and the
     * fault has ended.
     */
    public void sendOnce(String baseUrl, int threads, int faultAfter, Runnable fault) throws Exception {
        AtomicBoolean faultStarted = new AtomicBoolean();
        CompletableFuture<Void> faultDone = new CompletableFuture<>();
        sendEach(List.of(baseUrl), threads, () -> {
            if (acknowledged.size() >= faultAfter && faultStarted.compareAndSet(false, true)) {
                new Thread(() -> strike(fault, faultDone), "drill-fault").start();
            }
        });
        if (!faultStarted.get()) {
            throw new IllegalStateException("the fault never struck: fewer than " + faultAfter + " of " + leads + " leads acknowledged");
        }
        faultDone.get();
        acknowledgedAtFirstSend = acknowledged.size();
    }

    /**
     * Sends every lead once, no fault, spread over several nodes: client thread {@code t} sends to
     * {@code baseUrls[t % n]}. Returns the seconds it took.
     */
    public double sendOnce(List<String> baseUrls, int threads) throws Exception {
        long start = System.nanoTime();
        sendEach(baseUrls, threads, () -> { });
        acknowledgedAtFirstSend = acknowledged.size();
        return (System.nanoTime() - start) / 1e9;
    }

    private void sendEach(List<String> baseUrls, int threads, Runnable afterEach) throws Exception {
        List<HttpCaller> nodes = baseUrls.stream().map(base -> HttpCaller.basic(base, ACCOUNT, DemoOrganisation.PASSWORD)).toList();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                HttpCaller client = nodes.get(t % nodes.size());
                running.add(clients.submit(() -> {
                    for (int lead = next.getAndIncrement(); lead < leads; lead = next.getAndIncrement()) {
                        send(client, lead);
                        afterEach.run();
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    /**
     * Sends {@code count} leads that were already acknowledged again with their keys, as a client does that never
     * saw the receipt: returns how many answered 200 "resent" with the lead id of the first receipt. These sends are
     * not counted among {@link Counts#resends()}.
     */
    public int resendAcknowledged(String baseUrl, int count) {
        HttpCaller client = HttpCaller.basic(baseUrl, ACCOUNT, DemoOrganisation.PASSWORD);
        int resent = 0;
        for (int lead : acknowledged.keySet().stream().sorted().limit(count).toList()) {
            HttpCaller.Response response = client.post("/api/leads", body(lead), Map.of("Idempotency-Key", key(lead)));
            try {
                var receipt = JSON.readTree(response.body());
                if (response.status() == 200 && receipt.path("resent").asBoolean() && receipt.path("leadId").asLong() == acknowledged.get(lead)) {
                    resent++;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable receipt " + response, e);
            }
        }
        return resent;
    }

    /**
     * Sends each lead not yet acknowledged again with the same key, one after the other, until every one is; waits as
     * {@code Retry-After} says after a 503 and a second after any other failure. Fails after {@code within}.
     */
    public void resendUnacknowledged(String baseUrl, Duration within) throws InterruptedException {
        HttpCaller client = HttpCaller.basic(baseUrl, ACCOUNT, DemoOrganisation.PASSWORD);
        long deadline = System.nanoTime() + within.toNanos();
        for (int lead = 0; lead < leads; lead++) {
            while (!acknowledged.containsKey(lead)) {
                if (System.nanoTime() > deadline) {
                    List<HttpCaller.Response> answers = refusals();
                    throw new AssertionError("lead " + key(lead) + " still not acknowledged after resending for " + within + "; last answers: "
                        + answers.subList(Math.max(0, answers.size() - 3), answers.size()));
                }
                resends.incrementAndGet();
                HttpCaller.Response refused = send(client, lead);
                if (refused != null) {
                    long seconds = refused.header("Retry-After").map(Long::parseLong).orElse(1L);
                    Thread.sleep(Duration.ofSeconds(seconds).toMillis());
                }
            }
        }
    }

    /** Answers other than 201/200 (the fault's): status, body and headers. */
    public List<HttpCaller.Response> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** What the database holds of this drill's leads, beside what the clients were told. */
    public Counts count(JdbcClient database) {
        String names = INSTITUTION + run + "-%";
        Map<String, Long> leadsByName = counted(database.sql("SELECT REPORTED_INSTITUTION_NAME, COUNT(*) FROM EG_LEAD"
            + " WHERE REPORTED_INSTITUTION_NAME LIKE ? GROUP BY REPORTED_INSTITUTION_NAME").param(names));
        Map<String, Long> institutionsByName = counted(database.sql("SELECT NAME, COUNT(*) FROM EG_INSTITUTION WHERE NAME LIKE ? GROUP BY NAME")
            .param(names));
        Map<String, Long> casesByName = counted(database.sql("SELECT I.NAME, COUNT(*) FROM EG_CASE C JOIN EG_INSTITUTION I"
            + " ON I.ID = C.INSTITUTION_ID WHERE I.NAME LIKE ? GROUP BY I.NAME").param(names));
        Map<String, Long> leadIdByKey = database.sql("SELECT IDEMPOTENCY_KEY, ID FROM EG_LEAD WHERE SUBMITTED_BY = ? AND IDEMPOTENCY_KEY LIKE ?")
            .params(ACCOUNT, run + "-%").query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        int present = 0;
        int duplicated = 0;
        for (int lead = 0; lead < leads; lead++) {
            String name = institution(lead);
            long stored = leadsByName.getOrDefault(name, 0L);
            present += stored > 0 ? 1 : 0;
            duplicated += stored > 1 || institutionsByName.getOrDefault(name, 0L) > 1 || casesByName.getOrDefault(name, 0L) > 1 ? 1 : 0;
        }
        int acknowledgedButMissing = (int) acknowledged.entrySet().stream()
            .filter(receipt -> !receipt.getValue().equals(leadIdByKey.get(key(receipt.getKey())))).count();
        long casesWithoutProcess = database.sql("SELECT COUNT(*) FROM EG_CASE C JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID"
                + " WHERE I.NAME LIKE ? AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION E WHERE E.ID_ = C.PROCESS_INSTANCE_ID"
                + " AND E.PROC_INST_ID_ = E.ID_ AND E.BUSINESS_KEY_ = CAST(C.ID AS VARCHAR))")
            .param(names).query(Long.class).single();
        long processesWithoutCase = processesWithoutCase(database);
        return new Counts(leads, acknowledgedAtFirstSend, acknowledged.size(), (int) refusals().stream().filter(r -> r.status() == 503).count(),
            refusals().size(), transportFailures.get(), resends.get(), acknowledgedAsResent.get(), present, duplicated, leads - present,
            acknowledgedButMissing, casesWithoutProcess, processesWithoutCase);
    }

    /** Sends one lead; null when it was acknowledged, else the refusal (a transport failure is a 0 without body). */
    private HttpCaller.Response send(HttpCaller client, int lead) {
        HttpCaller.Response response;
        try {
            response = client.post("/api/leads", body(lead), Map.of("Idempotency-Key", key(lead)));
        } catch (UncheckedIOException e) {
            transportFailures.incrementAndGet();
            return new HttpCaller.Response(0, e.getMessage(), Map.of());
        }
        if (response.status() == 201 || response.status() == 200) {
            try {
                var receipt = JSON.readTree(response.body());
                acknowledged.put(lead, receipt.path("leadId").asLong());
                if (receipt.path("resent").asBoolean()) {
                    acknowledgedAsResent.incrementAndGet();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable receipt " + response, e);
            }
            return null;
        }
        refusals.add(response);
        return response;
    }

    private static void strike(Runnable fault, CompletableFuture<Void> done) {
        try {
            fault.run();
            done.complete(null);
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
        }
    }

    private String key(int lead) {
        return run + "-" + lead;
    }

    private String institution(int lead) {
        return INSTITUTION + run + "-" + lead;
    }

    private String body(int lead) {
        try {
            return JSON.writeValueAsString(Map.of("source", LeadSource.BANK_FUND_ALERT.name(), "reference", key(lead),
                "institution", Map.of("name", institution(lead), "jurisdiction", DemoOrganisation.DONGJIE),
                "description", "演练：近 30 日大额资金转入个人账户", "amountInvolvedYuan", 500000));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> counted(JdbcClient.StatementSpec query) {
        return query.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The clients' side (sent, acknowledged at the first send and in the end, 503 answers, all refusals, transport
     * failures, resends, receipts that said "resent") beside the database's (leads present once or more, duplicated,
     * lost, acknowledged leads missing or under another id, cases without their process, processes without their case).
     */
    /** Every LeadDisposal instance of the database, running or in history, that lacks the case its business key names. */
    public static long processesWithoutCase(JdbcClient database) {
        return database.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION E JOIN ACT_RE_PROCDEF D ON D.ID_ = E.PROC_DEF_ID_"
                + " WHERE E.ID_ = E.PROC_INST_ID_ AND D.KEY_ = ? AND NOT EXISTS (SELECT 1 FROM EG_CASE C"
                + " WHERE CAST(C.ID AS VARCHAR) = E.BUSINESS_KEY_ AND C.PROCESS_INSTANCE_ID = E.ID_)")
            .param(LeadDisposalProcess.KEY).query(Long.class).single()
            + database.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST H WHERE H.PROC_DEF_KEY_ = ? AND NOT EXISTS (SELECT 1 FROM EG_CASE C"
                + " WHERE CAST(C.ID AS VARCHAR) = H.BUSINESS_KEY_ AND C.PROCESS_INSTANCE_ID = H.PROC_INST_ID_)")
            .param(LeadDisposalProcess.KEY).query(Long.class).single();
    }

    public record Counts(int leads, int acknowledgedAtFirstSend, int acknowledged, int answered503, int refused, int transportFailures,
                         int resends, int acknowledgedAsResent, int present, int duplicated, int lost, int acknowledgedButMissing,
                         long casesWithoutProcess, long processesWithoutCase) {

        @Override
        public String toString() {
            return "leads " + leads + ", acknowledged at first send " + acknowledgedAtFirstSend + " (refused " + refused + ", of them 503 "
                + answered503 + "; transport failures " + transportFailures + "), resends " + resends + " (receipts saying resent "
                + acknowledgedAsResent + "), acknowledged in the end " + acknowledged + "; present " + present + ", duplicated " + duplicated
                + ", lost " + lost + ", acknowledged but missing " + acknowledgedButMissing + ", cases without process "
                + casesWithoutProcess + ", processes without case " + processesWithoutCase;
        }
    }
}
