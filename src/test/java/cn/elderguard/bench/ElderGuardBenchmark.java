package cn.elderguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import cn.elderguard.support.DropCreatedDatabases;

/**
 * The benchmark suite (docs/benchmarks.md): intake, inbox, completion, escalation burst and footprint, each beside its
 * bare-Camunda reference in the same run, printed as one table at the end. A measuring instrument: it fails
 * on nothing but broken workloads. {@code ./mvnw -Pbench test}; sizes by {@code -Dbench.*} properties.
 */
@Tag("benchmark")
@ExtendWith(DropCreatedDatabases.class) // before the Spring annotation: drops the database after Spring closed it
@BenchmarkApplication
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElderGuardBenchmark {

    private static final List<String> ROWS = new ArrayList<>();
    private static long heapAtStart;
    private static long rssAtStart;
    private static volatile Duration startupToReady;

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(0)
    void footprintAfterStart() throws IOException {
        heapAtStart = usedHeap();
        rssAtStart = rss();
    }

    @Test
    @Order(1)
    void intake() throws Exception {
        IntakeWorkload.Figures f = new IntakeWorkload(port, engine).run();
        row("intake, 1 thread (leads/s | starts/s)", f.one(), f.bareOne(), f.one() / f.bareOne(), "≥ 0.5");
        row("intake, 4 threads (leads/s | starts/s)", f.four(), f.bareFour(), f.four() / f.bareFour(), "≥ 0.5");
        row("batch intake, batches of " + IntakeWorkload.BATCH + ", 1 thread (leads/s | starts/s)", f.batchOne(), f.bareOne(),
            f.batchOne() / f.bareOne(), "≥ 1.0");
        row("batch intake, batches of " + IntakeWorkload.BATCH + ", 4 threads (leads/s | starts/s)", f.batchFour(), f.bareFour(),
            f.batchFour() / f.bareFour(), "≥ 1.0");
        ROWS.add(String.format("| of which: HTTP round trip with login alone, 1 thread, ms per request | %.1f | | | |", 1000 / f.sessionsOne()));
        ROWS.add(String.format("| intake, 1 thread, ms per lead / per bare start | %.1f | %.1f | | |", 1000 / f.one(), 1000 / f.bareOne()));
    }

    @Test
    @Order(2)
    void inbox(CapturedOutput output) {
        InboxWorkload.Result r = new InboxWorkload(engine, jdbc).run(output);
        String name = String.format("inbox at %,d open tasks, ms", InboxWorkload.TASKS);
        row(name + " p50", r.elderGuard().p50(), r.bare().p50(), r.elderGuard().p50() / r.bare().p50(), "");
        row(name + " p95", r.elderGuard().p95(), r.bare().p95(), r.elderGuard().p95() / r.bare().p95(), "≤ 2 and ≤ 50 ms");
        row(name + " p99", r.elderGuard().p99(), r.bare().p99(), r.elderGuard().p99() / r.bare().p99(), "≤ 3");
        System.err.println("BENCHMARK EXPLAIN ANALYZE of the ElderGuard inbox page query:\n" + r.plan());
    }

    @Test
    @Order(3)
    void completion() throws Exception {
        CompletionWorkload.Figures f = new CompletionWorkload(port, engine, jdbc).run();
        String name = String.format("completion at %,d open tasks", f.openTasks());
        row(name + ", 1 thread (tasks/s)", f.one(), f.bareOne(), f.one() / f.bareOne(), "≥ 0.7");
        row(name + ", 4 threads (tasks/s)", f.four(), f.bareFour(), f.four() / f.bareFour(), "≥ 0.7");
    }

    @Test
    @Order(4)
    void escalationBurst() throws Exception {
        BurstWorkload.Result r = new BurstWorkload().run();
        String name = String.format("burst of %,d due at once", BurstWorkload.TASKS);
        row(name + ": s until every step ran and was recorded", r.elderGuard().seconds(), r.bare().seconds(),
            r.elderGuard().seconds() / r.bare().seconds(), "≤ 2");
        row(name + ": s until every escalation mail was sent too", r.elderGuard().secondsWithMail(), r.bare().seconds(),
            r.elderGuard().secondsWithMail() / r.bare().seconds(), "");
        ROWS.add(String.format("| %s: mail finished / steps finished (ElderGuard's own steps as the reference) | %.1f s | %.1f s | %.2f | ≤ 1.2 |",
            name, r.elderGuard().secondsWithMail(), r.elderGuard().seconds(), r.elderGuard().secondsWithMail() / r.elderGuard().seconds()));
        row(name + ": lateness p50 s", r.elderGuard().lateP50(), r.bare().lateP50(), r.elderGuard().lateP50() / r.bare().lateP50(), "");
        row(name + ": lateness p95 s", r.elderGuard().lateP95(), r.bare().lateP95(), r.elderGuard().lateP95() / r.bare().lateP95(), "");
        row(name + ": jobs/s", r.elderGuard().jobsPerSecond(), r.bare().jobsPerSecond(),
            r.elderGuard().jobsPerSecond() / r.bare().jobsPerSecond(), "");
        ROWS.add(String.format("| a second node, start-up to ready, s | %.1f | | | |", r.nodeStartupSeconds()));
    }

    @Test
    @Order(5)
    void twoNodes() throws Exception {
        // Its reference is one node of the same run (first column two nodes, second one node): two nodes of bare
        // Camunda would measure the engine's own job acquisition, not what a second ElderGuard node adds.
        ROWS.addAll(TwoNodeWorkload.run().rows());
    }

    @AfterAll
    static void printTable() throws IOException {
        System.gc();
        ROWS.add(String.format("| heap used after start / at the end, MiB | %d / %d | | | |", heapAtStart >> 20, usedHeap() >> 20));
        ROWS.add(String.format("| process RSS after start / at the end, MiB | %d / %d | | | |", rssAtStart >> 20, rss() >> 20));
        ROWS.add(String.format("| start-up to ready (SpringApplication.run of the test application), s | %.1f | | | |",
            startupToReady.toMillis() / 1000.0));
        StringBuilder table = new StringBuilder("\nBENCHMARK TABLE (ElderGuard | bare Camunda | ratio | bound)\n")
            .append("| workload | ElderGuard | bare | ratio | bound |\n| --- | --- | --- | --- | --- |\n");
        ROWS.forEach(row -> table.append(row).append('\n'));
        System.err.println(table);
    }

    /** Spring Boot's own measure of this application's start, from {@code run} to ready. */
    @TestConfiguration
    static class StartupTime {

        @Bean
        ApplicationListener<ApplicationReadyEvent> recordStartupTime() {
            return event -> startupToReady = event.getTimeTaken();
        }
    }

    private static void row(String name, double elderGuard, double bare, double ratio, String bound) {
        ROWS.add(String.format("| %s | %.1f | %.1f | %.2f | %s |", name, elderGuard, bare, ratio, bound));
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Resident set size of this JVM (Linux), bytes. */
    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
