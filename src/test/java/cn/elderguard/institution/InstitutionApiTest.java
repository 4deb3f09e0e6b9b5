package cn.elderguard.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

@ElderGuardTest
class InstitutionApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void createReadUpdateAndList() {
        Api civilAffairs = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD);
        Map<String, Object> input = institution("增删改查测试养老院-" + UUID.randomUUID(), TestCreditCodes.next());

        Api.Response created = civilAffairs.post("/api/institutions", input);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        JsonNode read = civilAffairs.get("/api/institutions/" + id).json();
        assertThat(read.path("name").asText()).isEqualTo(input.get("name"));
        assertThat(read.path("jurisdiction").asText()).isEqualTo(DemoOrganisation.DONGJIE);
        assertThat(read.path("ownership").asText()).isEqualTo("PRIVATE");

        input.put("residents", 88);
        assertThat(civilAffairs.put("/api/institutions/" + id, input).status()).isEqualTo(200);
        assertThat(civilAffairs.get("/api/institutions/" + id).json().path("residents").asInt()).isEqualTo(88);

        JsonNode page = civilAffairs.get("/api/institutions?size=100&after=" + (id - 1)).json();
        assertThat(page.findValuesAsText("name")).contains((String) input.get("name"));
    }

    @Test
    void markupIsStoredAsTextAndReturnedUnchanged() {
        String name = "<script>alert('x')</script><img src=x onerror=alert(1)>养老院-" + UUID.randomUUID();
        Api.Response created = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD)
            .post("/api/institutions", institution(name, TestCreditCodes.next()));

        assertThat(created.json().path("name").asText()).isEqualTo(name);
    }

    @Test
    void institutionsOutsideTheCallersScopeAreNotFound() {
        long id = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD)
            .post("/api/institutions", institution("辖区测试养老院-" + UUID.randomUUID(), TestCreditCodes.next())).json().path("id").asLong();

        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get("/api/institutions/" + id).status())
            .as("another town's civil affairs").isEqualTo(404);
        assertThat(Api.as(http, "cg_scjg", DemoOrganisation.PASSWORD).get("/api/institutions/" + id).status())
            .as("the same town's market regulation: not its sector").isEqualTo(404);
        assertThat(Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD).get("/api/institutions/" + id).status())
            .as("the county 处非办").isEqualTo(200);
        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get("/api/institutions?jurisdiction=" + DemoOrganisation.CHENGGUAN)
            .status()).isEqualTo(403);
    }

    static Map<String, Object> institution(String name, String creditCode) {
        Map<String, Object> institution = new HashMap<>();
        institution.put("name", name);
        institution.put("creditCode", creditCode);
        institution.put("registered", true);
        institution.put("ownership", "PRIVATE");
        institution.put("legalForm", "PRIVATE_NON_ENTERPRISE");
        institution.put("jurisdiction", DemoOrganisation.DONGJIE);
        institution.put("address", "东街 8 号");
        institution.put("beds", 120);
        institution.put("residents", 96);
        institution.put("prepaidFeesYuan", 350000);
        institution.put("pledgeSignedOn", "2026-05-10");
        return institution;
    }
}
