package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.ElderGuardTest;

/**
 * Requests the firewall refuses, the error page asked for directly and paths that do not exist get a 4xx
 * with a Chinese body, never a 500. Sent with a raw HTTP client: it passes paths on exactly as written.
 */
@ElderGuardTest
class ErrorResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest;x=y/task", "//engine-rest/task", "/api/leads;jsessionid=1/1", "/api//institutions",
        "/camunda/api/engine/..;/engine/default/task", "/public/api/tips/a;b"})
    void pathsTheFirewallRefusesAre400WithAChineseProblem(String path) throws Exception {
        HttpResponse<String> response = get(path, true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("title").asText()).isEqualTo("请求地址无效");
        assertThat(body.path("detail").asText()).contains("请检查地址");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/institutions?jurisdiction=%00", "/api/cases?list=%00", "/public/api/jurisdictions?parent=%00"})
    void aNulCharacterInAParameterIs400(String path) throws Exception {
        HttpResponse<String> response = get(path, true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("title").asText()).isNotBlank();
    }

    @Test
    void aBrowserGetsAChinesePage() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/no-such-page.html"))
            .header("Accept", "text/html").header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "admin:test-admin".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("无法打开该页面").doesNotContain("Whitelabel");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        for (boolean withCredentials : new boolean[] {false, true}) {
            HttpResponse<String> response = get("/error", withCredentials);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("title").asText()).isEqualTo("未找到");
        }
    }

    @Test
    void errorsSpringBootWritesAreInChinese() throws Exception {
        HttpResponse<String> notFound = get("/api/no-such-thing", true);
        assertThat(notFound.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(notFound.body());
        assertThat(body.path("status").asInt()).isEqualTo(404);
        assertThat(body.path("title").asText()).isEqualTo("未找到");
        assertThat(body.path("error").asText()).isEqualTo("未找到");
        assertThat(body.path("detail").asText()).contains("请检查");

        HttpResponse<String> anonymous = get("/api/institutions", false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("title").asText()).isEqualTo("请先登录");
    }

    private HttpResponse<String> get(String path, boolean withCredentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "application/json");
        if (withCredentials) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
