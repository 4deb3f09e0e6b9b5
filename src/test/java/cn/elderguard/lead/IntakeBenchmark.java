package cn.elderguard.lead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * A measurement, not a test: leads per second through the REST intake into started, routed LeadDisposal
 * processes (each lead a new institution, so each opens a case), with 1 and 4 client threads; beside it,
 * bare engine starts of a one-user-task process with the same number of variables. {@code ./mvnw -Pbench test}.
 */
@Tag("benchmark")
@ElderGuardTest
class IntakeBenchmark {

    static final int LEADS = Integer.getInteger("bench.leads", 1_000);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void intakeThroughput() throws Exception {
        run(1, 200); // warm-up
        double one = run(1, LEADS);
        double four = run(4, LEADS);
        engine.getRepositoryService().createDeployment().addModelInstance("BareReference.bpmn",
            Bpmn.createExecutableProcess("BareReference").camundaHistoryTimeToLive(1).startEvent()
                .userTask().camundaCandidateGroups("MARKET_REGULATION-" + DemoOrganisation.CHENGGUAN).endEvent().done()).deploy();
        bare(1, 200);
        double bareOne = bare(1, LEADS);
        double bareFour = bare(4, LEADS);
        System.err.printf("%nBENCHMARK intake (REST -> case -> LeadDisposal started, first task routed), %d leads:%n", LEADS);
        System.err.printf("BENCHMARK   1 thread : %6.0f leads/s | bare starts %6.0f/s | ratio %.2f%n", one, bareOne, one / bareOne);
        System.err.printf("BENCHMARK   4 threads: %6.0f leads/s | bare starts %6.0f/s | ratio %.2f%n%n", four, bareFour, four / bareFour);
    }

    private double run(int threads, int leads) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("bank_alert_api:" + DemoOrganisation.PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
        return timed(threads, leads, i -> {
            String body = """
                {"source":"BANK_FUND_ALERT","reference":"%s","institution":{"name":"基准养老院-%s","jurisdiction":"%s"},
                 "description":"大额资金异动","amountInvolvedYuan":500000}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                DemoOrganisation.DONGJIE);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        });
    }

    private double bare(int threads, int starts) throws Exception {
        return timed(threads, starts, i -> engine.getRuntimeService().startProcessInstanceByKey("BareReference",
            UUID.randomUUID().toString(), Map.of("jurisdiction", DemoOrganisation.DONGJIE, "responsibleAgency", "CIVIL_AFFAIRS",
                "institutionName", "基准养老院")));
    }

    private static double timed(int threads, int total, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    work.run(i);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    interface Work {
        void run(int index) throws Exception;
    }
}
