package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.elderguard.support.ElderGuardTest;

/** Nothing is reachable without logging in, except health and info. */
@ElderGuardTest
class SecurityTest {

    @Autowired
    TestRestTemplate http;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @ParameterizedTest
    @ValueSource(strings = {
        "/engine-rest/task", "/engine-rest/engine", "/engine-rest/deployment", "/engine-rest/process-definition",
        "/camunda/api/engine/engine/default/task", "/actuator/metrics", "/api/anything"})
    void anonymousCallsAreRejected(String path) {
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void adminCanCallTheEngineRestApi() {
        ResponseEntity<String> tasks = http.withBasicAuth(adminId, adminPassword).getForEntity("/engine-rest/task", String.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).startsWith("[");
    }

    @Test
    void adminCanReadMetrics() {
        assertThat(http.withBasicAuth(adminId, adminPassword).getForEntity("/actuator/metrics", String.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/info"})
    void healthAndInfoArePublic(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).doesNotContain("jdbc:");
    }

    @Test
    void healthIsUp() {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void theRootLeadsToTheWebappsWelcomePage() {
        // The client follows the redirects: / -> /camunda/app/ -> the welcome app, which shows its login.
        ResponseEntity<String> root = http.getForEntity("/", String.class);
        assertThat(root.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(root.getBody()).contains("app-name=\"welcome\"");
    }
}
