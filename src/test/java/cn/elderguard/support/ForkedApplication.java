package cn.elderguard.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.elderguard.ElderGuardApplication;

/**
 * The whole application, webapps included, in a JVM of its own (free port): for tests that need the webapps or
 * another profile but cannot start a second application in the test JVM (decision 005: the webapp starter keeps
 * its context in a static field; Camunda's engine registry is one per JVM). Its log goes to
 * {@code target/forked/<name>.log}.
 */
public final class ForkedApplication implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private ForkedApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application (test profile) against {@code databaseUrl} and waits until it has started (at most 5 minutes). */
    public static ForkedApplication start(String name, String databaseUrl, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of(PostgresTestDatabase.datasourceArguments(databaseUrl)));
        all.add("--spring.profiles.active=test");
        all.add("--server.port=0");
        all.addAll(List.of(arguments));
        // The engine writes its timestamps (job due dates, lock expiry) in the JVM's zone; tests that read or move them
        // do so in theirs, so the application's JVM takes the test JVM's zone.
        return start(name, ForkedJvm.command(List.of("-Xmx768m", "-Duser.timezone=" + TimeZone.getDefault().getID()),
            ElderGuardApplication.class, all));
    }

    /**
     * Starts the application as README.md's {@code ./mvnw spring-boot:run} does: default profile, embedded H2 in
     * {@code ./data} of {@code directory}, only the port free; none of the environment's settings (DB_URL, EG_…).
     */
    public static ForkedApplication startAsRun(String name, Path directory) throws Exception {
        // The C1 compiler alone starts the application faster; it changes no setting of the application.
        ProcessBuilder builder = ForkedJvm.command(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"), ElderGuardApplication.class,
                List.of("--server.port=0"))
            .directory(directory.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("DB_") || variable.startsWith("EG_")
            || variable.startsWith("MAIL_") || variable.startsWith("SPRING_") || variable.equals("PORT"));
        return start(name, builder);
    }

    private static ForkedApplication start(String name, ProcessBuilder builder) throws Exception {
        Path log = Path.of("target", "forked", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = builder.redirectErrorStream(true).start();
        CompletableFuture<Integer> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyLog(process, log, started), "forked-log-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            return new ForkedApplication(process, started.get(5, TimeUnit.MINUTES), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the forked application did not start; see " + log + "\n" + tail(log), e);
        }
    }

    /** The last lines of the log, so that a failed start shows why in the test report. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path log() {
        return log;
    }

    /** What the application has written so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /**
     * Ends the JVM as {@code kill -9} would (SIGKILL): no shutdown hook, no graceful stop of Tomcat, the job executor or
     * the pool; transactions in flight are cut and the jobs it had locked stay locked until their lock expires.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the forked application " + process.pid() + " did not end after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Copies the output to the log file; completes {@code started} with the port once the application is ready. */
    private static void copyLog(Process process, Path log, CompletableFuture<Integer> started) {
        Integer port = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                Matcher matcher = PORT.matcher(line);
                if (port == null && matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                }
                if (port != null && line.contains("Started ElderGuardApplication")) {
                    started.complete(port);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("the forked application's output ended"));
    }
}
