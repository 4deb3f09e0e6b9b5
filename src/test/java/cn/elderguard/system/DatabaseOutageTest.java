package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
import cn.elderguard.support.WebappSession;

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
    private static HttpClient browser;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBehindAProxy() throws Exception {
        var server = PostgresTestDatabase.server();
        proxy = TcpProxy.to(server.getHostString(), server.getPort());
        app = ForkedApplication.start("database-outage", PostgresTestDatabase.via(PostgresTestDatabase.create(), "127.0.0.1", proxy.port()));
        browser = WebappSession.login(app.url(""), "cg_mz", DemoOrganisation.PASSWORD).client();
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
            HttpResponse<String> response = send(door.client(), door.request());
            assertThat(response.statusCode()).as(door.name() + ": " + response.body()).isBetween(200, 299);
        }

        proxy.cut();
        List<String> timings = new ArrayList<>();
        for (Door door : doors) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(door.client(), door.request());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            timings.add(door.name() + " " + took.toMillis() + " ms");

            assertThat(took).as(door.name() + " answered within").isLessThan(ANSWER_WITHIN);
            assertThat(response.statusCode()).as(door.name() + ": " + response.body()).isEqualTo(503);
            JsonNode body = JSON.readTree(response.body());
            if (door.health()) {
                assertThat(body.path("status").asText()).as(door.name()).isEqualTo("DOWN");
            } else {
                assertThat(body.path("title").asText()).as(door.name() + ": " + response.body()).isEqualTo("数据库暂时不可用");
                assertThat(body.path("detail").asText()).as(door.name()).contains("请稍后重试");
                assertThat(response.headers().firstValue("Retry-After")).as(door.name()).isPresent();
            }
        }
        HttpResponse<String> liveness = send(client, get("/actuator/health/liveness"));
        assertThat(liveness.statusCode()).as("liveness does not need the database").isEqualTo(200);
        System.out.println("Answers during the outage: " + timings);

        proxy.restore();
        for (Door door : doors) {
            HttpResponse<String> response = untilNot503(door);
            assertThat(response.statusCode()).as(door.name() + " after the database returned: " + response.body()).isBetween(200, 299);
        }
    }

    /** The pool reconnects on demand; its first attempt after the outage may still meet its back-off. */
    private static HttpResponse<String> untilNot503(Door door) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = send(door.client(), door.request());
        for (int tries = 1; response.statusCode() == 503 && tries < 20 && System.nanoTime() < deadline; tries++) {
            response = send(door.client(), door.request());
        }
        return response;
    }

    private static List<Door> doors() {
        String officer = basic("cg_mz", DemoOrganisation.PASSWORD);
        String admin = basic("admin", "test-admin");
        return List.of(
            new Door("application API, HTTP Basic", client, get("/api/institutions").header("Authorization", officer), false),
            new Door("application API, webapp session", browser, get("/api/institutions").header("X-Requested-With", "XMLHttpRequest"), false),
            new Door("public tip API", client, HttpRequest.newBuilder(URI.create(app.url("/public/api/tips")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tip())), false),
            new Door("engine REST API", client, get("/engine-rest/task/count").header("Authorization", admin), false),
            new Door("webapp API", browser, get("/camunda/api/engine/engine/default/task/count"), false),
            new Door("health", client, get("/actuator/health"), true),
            new Door("health with credentials", client, get("/actuator/health").header("Authorization", admin), true),
            new Door("readiness", client, get("/actuator/health/readiness"), true));
    }

    private static String tip() {
        try {
            return JSON.writeValueAsString(Map.of("institution", Map.of("name", "停库测试养老院", "jurisdiction", DemoOrganisation.HEXICUN),
                "description", "推销理财"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).header("Accept", "application/json").GET();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private record Door(String name, HttpClient client, HttpRequest.Builder request, boolean health) {
    }
}
