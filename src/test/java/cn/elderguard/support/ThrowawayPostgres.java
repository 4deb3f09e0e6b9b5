package cn.elderguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, for drills that stop or restart the server: {@code initdb} and {@code pg_ctl}
 * of the newest {@code /usr/lib/postgresql/<version>/bin} (what {@code .ci/run} installs), a free loopback port, its
 * data directory under {@code target/throwaway-postgres/<name>}, trust authentication for the tests' user
 * ({@link PostgresTestDatabase#user()}). The shared test server is never touched. PostgreSQL refuses to run as root,
 * so as root the commands run as the OS user {@code postgres} ({@code runuser}), which owns the directory.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Path bin;
    private final Path directory;
    private final int port;
    private final Thread stopOnExit;

    private ThrowawayPostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        // A test JVM that dies without close() must not leave a server running.
        this.stopOnExit = new Thread(this::stopQuietly, "throwaway-postgres-" + port);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Creates and starts a new cluster; a directory of the same name from an earlier run is stopped and removed first. */
    public static ThrowawayPostgres start(String name) throws IOException {
        return start(name, "");
    }

    /**
     * As {@link #start(String)}, with extra lines for {@code postgresql.conf} (for instance {@code log_statement = 'all'}
     * for a measurement that counts statements in {@link #serverLog()}).
     */
    public static ThrowawayPostgres start(String name, String settings) throws IOException {
        Path bin = newestBinaries();
        Path directory = prepare(bin, Path.of("target", "throwaway-postgres", name).toAbsolutePath());
        if (asRoot() && run(List.of("test", "-w", directory.toString()), false) != 0) {
            // A checkout the server's user cannot reach (under /root, mode 700): the system's temporary directory instead.
            delete(directory);
            directory = prepare(bin, Path.of(System.getProperty("java.io.tmpdir"), "eg-throwaway-postgres", name).toAbsolutePath());
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U", PostgresTestDatabase.user(), "-A", "trust",
            "-E", "UTF8", "--no-locale", "--no-sync"), true);
        int port = freePort();
        // Loopback only and no Unix socket: nothing here may meet the shared server's socket directory.
        Files.writeString(directory.resolve("data").resolve("postgresql.conf"), "\n# ThrowawayPostgres\nport = " + port
            + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 50\n" + settings + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        ThrowawayPostgres cluster = new ThrowawayPostgres(bin, directory, port);
        cluster.start();
        return cluster;
    }

    /** An empty directory owned by the server's user; one of an earlier run is stopped and removed first. */
    private static Path prepare(Path bin, Path directory) throws IOException {
        if (Files.exists(directory.resolve("data").resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", directory.resolve("data").toString(), "-m", "immediate", "-w"), false);
        }
        delete(directory);
        Files.createDirectories(directory);
        if (asRoot()) {
            Files.setOwner(directory, directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
        return directory;
    }

    public int port() {
        return port;
    }

    /** The server's log file (what {@code pg_ctl start -l} writes). */
    public Path serverLog() {
        return directory.resolve("server.log");
    }

    /** Creates a database in this cluster and returns its JDBC URL. */
    public String createDatabase(String database) {
        try (Connection admin = DriverManager.getConnection(url("postgres"), PostgresTestDatabase.user(), PostgresTestDatabase.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on the throwaway cluster at port " + port, e);
        }
        return url(database);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server and waits until it accepts connections (after crash recovery, if it was stopped immediately). */
    public void start() {
        pgCtl("start", "-l", directory.resolve("server.log").toString());
    }

    /**
     * Stops the server as a crash would: no checkpoint, every connection cut at once; what was committed is in the WAL
     * and the next start recovers it.
     */
    public void stopImmediately() {
        pgCtl("stop", "-m", "immediate");
    }

    @Override
    public void close() throws IOException {
        pgCtl("stop", "-m", "fast");
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        delete(directory);
    }

    private void stopQuietly() {
        run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", directory.resolve("data").toString(), "-m", "immediate", "-w"), false);
    }

    private void pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), action, "-D", directory.resolve("data").toString(),
            "-w", "-t", "60"));
        command.addAll(List.of(options));
        run(command, true);
    }

    /** Runs a program as the server's user ({@code postgres} when this JVM is root); its exit code, or a failure when it must succeed. */
    private static int run(List<String> programAndArguments, boolean mustSucceed) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(programAndArguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (var out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + COMMAND_TIMEOUT + ":\n" + output);
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path newestBinaries() throws IOException {
        if (!Files.isDirectory(INSTALLATIONS)) {
            throw new IllegalStateException("PostgreSQL's programs are missing (" + INSTALLATIONS + "): install Debian's postgresql"
                + " package (`bash .ci/run` does)");
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+")
                    && Files.isExecutable(version.resolve("bin").resolve("initdb")))
                .max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())))
                .map(version -> version.resolve("bin"))
                .orElseThrow(() -> new IllegalStateException("no initdb under " + INSTALLATIONS + "/<version>/bin"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
