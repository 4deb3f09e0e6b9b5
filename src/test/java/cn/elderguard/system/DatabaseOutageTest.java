package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ForkedApplication;
import cn.elderguard.support.PostgresTestDatabase;
import cn.elderguard.support.TcpProxy;
import cn.elderguard.support.HttpCaller;

/**
 * A real database outage: the application (webapps included, in its own JVM) reaches PostgreSQL through a
 * TCP proxy that the test cuts and restores. While cut, every door answers 503 with the Chinese problem within
 * a few seconds (never 500, never the pool's old 30 s), health says DOWN; once restored, the same requests
 * succeed again without a restart (docs/decisions/016-database-outage.md).
 */
class DatabaseOutageTest {

    /** Pool timeout 3 s, plus room for a busy machine. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TcpProxy proxy;
    private static ForkedApplication app;
    private static HttpCaller browser;

    @BeforeAll
    static void startBehindAProxy() throws Exception {
        var server = PostgresTestDatabase.server();
        proxy = TcpProxy.to(server.getHostString(), server.getPort());
        app = ForkedApplication.start("database-outage", PostgresTestDatabase.via(PostgresTestDatabase.create(), "127.0.0.1", proxy.port()));
        browser = HttpCaller.webappSession(app.url(""), "cg_mz", DemoOrganisation.PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void everyDoorAnswers503InChineseWhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        List<Door> doors = doors();
        for (Door door : doors) {
            HttpCaller.Response response = door.call().get();
            assertThat(response.status()).as(door.name() + ": " + response.body()).isBetween(200, 299);
        }

        proxy.cut();
        List<String> timings = new ArrayList<>();
        for (Door door : doors) {
            long start = System.nanoTime();
            HttpCaller.Response response = door.call().get();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            timings.add(door.name() + " " + took.toMillis() + " ms");

            assertThat(took).as(door.name() + " answered within").isLessThan(ANSWER_WITHIN);
            assertThat(response.status()).as(door.name() + ": " + response.body()).isEqualTo(503);
            JsonNode body = JSON.readTree(response.body());
            if (door.health()) {
                assertThat(body.path("status").asText()).as(door.name()).isEqualTo("DOWN");
            } else {
                assertThat(body.path("title").asText()).as(door.name() + ": " + response.body()).isEqualTo("数据库暂时不可用");
                assertThat(body.path("detail").asText()).as(door.name()).contains("请稍后重试");
                assertThat(response.header("Retry-After")).as(door.name()).isPresent();
            }
        }
        HttpCaller.Response liveness = HttpCaller.anonymous(app.url("")).get("/actuator/health/liveness");
        assertThat(liveness.status()).as("liveness does not need the database").isEqualTo(200);
        System.out.println("Answers during the outage: " + timings);

        proxy.restore();
        for (Door door : doors) {
            HttpCaller.Response response = untilNot503(door);
            assertThat(response.status()).as(door.name() + " after the database returned: " + response.body()).isBetween(200, 299);
        }
    }

    /** The pool reconnects on demand; its first attempt after the outage may still meet its back-off. */
    private static HttpCaller.Response untilNot503(Door door) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpCaller.Response response = door.call().get();
        for (int tries = 1; response.status() == 503 && tries < 20 && System.nanoTime() < deadline; tries++) {
            response = door.call().get();
        }
        return response;
    }

    private static List<Door> doors() {
        HttpCaller officer = HttpCaller.basic(app.url(""), "cg_mz", DemoOrganisation.PASSWORD);
        HttpCaller admin = HttpCaller.basic(app.url(""), "admin", "test-admin");
        HttpCaller anonymous = HttpCaller.anonymous(app.url(""));
        return List.of(
            new Door("application API, HTTP Basic", () -> officer.get("/api/institutions"), false),
            new Door("application API, webapp session", () -> browser.get("/api/institutions"), false),
            new Door("public tip API", () -> anonymous.post("/public/api/tips", tip()), false),
            new Door("engine REST API", () -> admin.get("/engine-rest/task/count"), false),
            new Door("webapp API", () -> browser.get("/camunda/api/engine/engine/default/task/count"), false),
            new Door("health", () -> anonymous.get("/actuator/health"), true),
            new Door("health with credentials", () -> admin.get("/actuator/health"), true),
            new Door("readiness", () -> anonymous.get("/actuator/health/readiness"), true));
    }

    private static String tip() {
        try {
            return JSON.writeValueAsString(Map.of("institution", Map.of("name", "停库测试养老院", "jurisdiction", DemoOrganisation.HEXICUN),
                "description", "推销理财"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Door(String name, java.util.function.Supplier<HttpCaller.Response> call, boolean health) {
    }
}
