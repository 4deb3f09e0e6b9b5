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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.elderguard.ElderGuardApplication;

/**
 * The whole application, webapps included, in a JVM of its own (test profile, free port): for tests that need
 * the webapps but cannot start a second application in the test JVM (decision 005: the webapp starter keeps its
 * context in a static field). Its log goes to {@code target/forked/<name>.log}.
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

    /** Starts the application against {@code databaseUrl} and waits until it has started (at most 5 minutes). */
    public static ForkedApplication start(String name, String databaseUrl, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of(PostgresTestDatabase.datasourceArguments(databaseUrl)));
        all.add("--spring.profiles.active=test");
        all.add("--server.port=0");
        all.addAll(List.of(arguments));
        Path log = Path.of("target", "forked", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = ForkedJvm.command(List.of("-Xmx768m"), ElderGuardApplication.class, all)
            .redirectErrorStream(true).start();
        CompletableFuture<Integer> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyLog(process, log, started), "forked-log-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            return new ForkedApplication(process, started.get(5, TimeUnit.MINUTES), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the forked application did not start; see " + log.toAbsolutePath(), e);
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
