package cn.elderguard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh, empty PostgreSQL database for each test application context, created on the server named by
 * {@code EG_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code EG_TEST_DB_USER}
 * (default {@code postgres}) with {@code EG_TEST_DB_PASSWORD}. Without a reachable server the tests fail
 * with instructions; they are never skipped.
 *
 * <p>Databases are not dropped when the JVM ends: shutdown hooks run in parallel with the contexts'
 * own shutdown, which still writes to the database. Instead each test run drops the {@code eg_test_*}
 * databases of earlier runs that are over an hour old and no longer connected.
 */
public final class PostgresTestDatabase {

    static final String ADMIN_URL = env("EG_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("EG_TEST_DB_USER", "postgres");
    static final String PASSWORD = env("EG_TEST_DB_PASSWORD", "");
    private static final String PREFIX = "eg_test_";

    private PostgresTestDatabase() {
    }

    private static final AtomicBoolean STALE_DATABASES_DROPPED = new AtomicBoolean();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    /** Creates a new database and returns its JDBC URL. */
    public static String create() {
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            if (STALE_DATABASES_DROPPED.compareAndSet(false, true)) {
                dropStaleDatabases(admin);
            }
            statement.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need PostgreSQL, and none is usable at " + ADMIN_URL
                + " as user '" + USER + "' (" + e.getMessage() + "). Start one on 127.0.0.1:5432 (`bash .ci/run` does it)"
                + " or point EG_TEST_DB_URL, EG_TEST_DB_USER and EG_TEST_DB_PASSWORD at a server where that user"
                + " may CREATE DATABASE. See README.md, 'Tests'.", e);
        }
        return urlOf(name);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /** Spring Boot arguments that point an application at {@code url}. */
    public static String[] datasourceArguments(String url) {
        return new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password=" + PASSWORD };
    }

    /**
     * Drops the databases this JVM created, for runs whose contexts are all closed by now (the benchmarks,
     * see {@link DropCreatedDatabases}). One still in use stays, and a later run drops it.
     */
    static void dropCreated() {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            for (String name : List.copyOf(CREATED)) {
                try (Statement drop = admin.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + name);
                    CREATED.remove(name);
                } catch (SQLException e) {
                    System.err.println("Database " + name + " is still in use and stays; the next run drops it (" + e.getMessage() + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the databases this run created: " + e.getMessage(), e);
        }
    }

    /** {@code url} with its host and port replaced by {@code host:port} (e.g. a {@link TcpProxy}). */
    public static String via(String url, String host, int port) {
        return url.replaceFirst("^jdbc:postgresql://[^/]+/", "jdbc:postgresql://" + host + ":" + port + "/");
    }

    /** Host and port of the test server, as {@code EG_TEST_DB_URL} names them (default 127.0.0.1:5432). */
    public static java.net.InetSocketAddress server() {
        java.net.URI uri = java.net.URI.create(ADMIN_URL.substring("jdbc:".length()));
        return java.net.InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    static String urlOf(String database) {
        int query = ADMIN_URL.indexOf('?');
        String base = query < 0 ? ADMIN_URL : ADMIN_URL.substring(0, query);
        String parameters = query < 0 ? "" : ADMIN_URL.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    private static void dropStaleDatabases(Connection admin) throws SQLException {
        long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Statement query = admin.createStatement();
             ResultSet databases = query.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'eg\\_test\\_%'"
                 + " AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)")) {
            while (databases.next()) {
                String name = databases.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts[0].chars().allMatch(Character::isDigit) && Long.parseLong(parts[0]) < anHourAgo) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Gives each Spring test context its own new database. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                "spring.datasource.url=" + create(),
                "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD).applyTo(context.getEnvironment());
        }
    }
}
