package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;

/**
 * Issue item 8: any request with an Authorization header used to skip the CSRF check, so a forged request from a
 * logged-in browser with {@code Authorization: Bearer x} registered a lead. Only a genuine HTTP Basic call without
 * a session is exempt now.
 */
@ElderGuardTest
class CsrfTest {

    @LocalServerPort
    int port;

    @Test
    void aRequestWithTheBrowsersSessionNeedsTheTokenWhateverElseItCarries() throws Exception {
        HttpCaller browser = HttpCaller.webappSession(port, "cg_mz", DemoOrganisation.PASSWORD);
        assertThat(browser.with("Authorization", "Bearer x").post("/api/leads", lead()).status()).isEqualTo(403);
        HttpCaller withBasicToo = HttpCaller.webappSession(port, "cg_mz", DemoOrganisation.PASSWORD)
            .with("Authorization", "Basic Y2dfbXo6ZGVtbw==");
        assertThat(withBasicToo.post("/api/leads", lead()).status()).isEqualTo(403);

        HttpCaller page = HttpCaller.webappSession(port, "cg_mz", DemoOrganisation.PASSWORD);
        var csrf = new ObjectMapper().readTree(page.get("/api/session").body()).path("csrf");
        page.with(csrf.path("header").asText(), csrf.path("token").asText());
        assertThat(page.post("/api/leads", lead()).status()).as("our page, with its token").isEqualTo(201);
    }

    @Test
    void anotherSystemWithHttpBasicAndNoSessionNeedsNoToken() {
        assertThat(HttpCaller.basic(port, "cg_mz", DemoOrganisation.PASSWORD).post("/api/leads", lead()).status()).isEqualTo(201);
    }

    private static String lead() {
        return "{\"source\":\"GRID_PATROL\",\"institution\":{\"name\":\"CSRF测试养老院-" + UUID.randomUUID() + "\",\"jurisdiction\":\""
            + DemoOrganisation.DONGJIE + "\"},\"description\":\"测试\"}";
    }
}
