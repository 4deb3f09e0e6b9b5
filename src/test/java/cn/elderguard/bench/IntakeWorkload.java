package cn.elderguard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;

import cn.elderguard.support.DemoOrganisation;

/**
 * Leads per second through the REST intake into started, routed LeadDisposal processes (each lead a new
 * institution, so each opens a case), with 1 and 4 client threads, one lead per request and in batches of
 * {@value #BATCH} ({@code POST /api/leads/batch}); beside it, bare engine starts of a one-user-task process with the
 * same number of variables.
 */
final class IntakeWorkload {

    static final int LEADS = Integer.getInteger("bench.leads", 1_000);
    static final String BARE_KEY = "BareReference";
    static final int BATCH = 100;

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(("bank_alert_api:" + DemoOrganisation.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));

    private final int port;
    private final ProcessEngine engine;
    private final HttpClient client = HttpClient.newHttpClient();

    IntakeWorkload(int port, ProcessEngine engine) {
        this.port = port;
        this.engine = engine;
    }

    Figures run() throws Exception {
        leads(1, 200); // warm-up
        double one = leads(1, LEADS);
        double four = leads(4, LEADS);
        batches(1, 2); // warm-up
        double batchOne = batches(1, LEADS / BATCH);
        double batchFour = batches(4, LEADS / BATCH);
        sessions(1, 200);
        double sessionsOne = sessions(1, LEADS);
        deployBare(engine);
        bare(1, 200);
        Figures figures = new Figures(one, four, batchOne, batchFour, bare(1, LEADS), bare(4, LEADS), sessionsOne);
        BareDeployment.requireBare(engine, BARE_KEY);
        return figures;
    }

    private double leads(int threads, int leads) throws Exception {
        return Parallel.perSecond(threads, leads, i -> post(client, port));
    }

    /** Leads per second in batches of {@value #BATCH}: {@code batches} requests on {@code threads} threads. */
    private double batches(int threads, int batches) throws Exception {
        return Parallel.perSecond(threads, batches, i -> postBatch(client, port)) * BATCH;
    }

    /** A batch of {@value #BATCH} such leads; every item must be stored (201). */
    static void postBatch(HttpClient client, int port) throws Exception {
        StringBuilder body = new StringBuilder("{\"leads\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append(lead());
        }
        body.append("]}");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/batch"))
            .header("Authorization", AUTH).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().startsWith("{\"created\":" + BATCH + ",")) {
            throw new IllegalStateException(response.statusCode() + " " + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    /** One lead as the benchmarks send it: a bank's alert about a new institution in 东街社区, so a new case. */
    private static String lead() {
        return """
            {"source":"BANK_FUND_ALERT","reference":"%s","institution":{"name":"基准养老院-%s","jurisdiction":"%s"},
             "description":"大额资金异动","amountInvolvedYuan":500000}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
            DemoOrganisation.DONGJIE);
    }

    /** One lead as the benchmarks post it (see {@link #lead()}). */
    static void post(HttpClient client, int port) throws Exception {
        String body = lead();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
            .header("Authorization", AUTH).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /**
     * The HTTP round trip and login alone, on the same client: {@code GET /api/leads/0} as the same account, a lead that
     * does not exist (404). {@code /api/session} is for people only (403 for a service account).
     */
    private double sessions(int threads, int requests) throws Exception {
        return Parallel.perSecond(threads, requests, i -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/0"))
                .header("Authorization", AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 404) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        });
    }

    private double bare(int threads, int starts) throws Exception {
        return Parallel.perSecond(threads, starts, i -> startBare(engine));
    }

    /** The bare reference: a one-user-task process, deployed without ElderGuard's task listeners. */
    static void deployBare(ProcessEngine engine) {
        BareDeployment.deploy(engine, BARE_KEY + ".bpmn", Bpmn.createExecutableProcess(BARE_KEY).camundaHistoryTimeToLive(1)
            .startEvent().userTask().camundaCandidateGroups("MARKET_REGULATION-" + DemoOrganisation.CHENGGUAN).endEvent().done());
    }

    /** One bare start, with as many variables as LeadDisposal's routing needs. */
    static void startBare(ProcessEngine engine) {
        engine.getRuntimeService().startProcessInstanceByKey(BARE_KEY, UUID.randomUUID().toString(), Map.of("jurisdiction",
            DemoOrganisation.DONGJIE, "responsibleAgency", "CIVIL_AFFAIRS", "institutionName", "基准养老院"));
    }

    /** Leads (single, batched) or bare starts per second with 1 and 4 threads; logged-in no-op requests per second on 1. */
    record Figures(double one, double four, double batchOne, double batchFour, double bareOne, double bareFour, double sessionsOne) {
    }
}
