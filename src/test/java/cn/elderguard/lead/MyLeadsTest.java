package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * "我登记的线索" (GET /api/leads/mine, docs/intake.md): a person's own leads, newest first, paged by the server, as
 * receipts; and where the pages' region pickers start (GET /api/organisation/jurisdictions).
 */
@ElderGuardTest
class MyLeadsTest {

    private static final String NANGUAN = "999001001003";

    @Autowired
    TestRestTemplate http;

    @Test
    void aGridWorkerPagesThroughTheLeadsTheyRegisteredNewestFirstAndSeesNoOneElses() {
        // given: 南关村's grid worker registers three leads, 河西村's one
        Api nanguan = Api.as(http, "nanguan_wgy", DemoOrganisation.PASSWORD);
        Api hexicun = Api.as(http, "hexicun_wgy", DemoOrganisation.PASSWORD);
        long before = nanguan.get("/api/leads/mine").ok().json().path("total").asLong();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = List.of("南关第一家-" + tag, "南关第二家-" + tag, "南关第三家-" + tag);
        names.forEach(name -> nanguan.post("/api/leads", patrol(name, NANGUAN)).ok());
        String others = "河西村的一家-" + tag;
        hexicun.post("/api/leads", patrol(others, DemoOrganisation.HEXICUN)).ok();

        // when: two per page
        JsonNode first = nanguan.get("/api/leads/mine?page=0&size=2").ok().json();
        JsonNode second = nanguan.get("/api/leads/mine?page=1&size=2").ok().json();

        // then: newest first, the total counts every one of theirs, and each is a receipt with its status
        assertThat(first.path("total").asLong()).isEqualTo(before + 3);
        assertThat(first.path("items").findValuesAsText("reportedInstitutionName")).containsExactly(names.get(2), names.get(1));
        assertThat(second.path("items").get(0).path("reportedInstitutionName").asText()).isEqualTo(names.get(0));
        JsonNode newest = first.path("items").get(0);
        assertThat(newest.path("statusLabel").asText()).isEqualTo("已受理");
        assertThat(newest.path("sourceLabel").asText()).isEqualTo("网格巡查");
        assertThat(newest.has("caseId") || newest.has("description")).as("a receipt, nothing of the case").isFalse();
        assertThat(hexicun.get("/api/leads/mine?size=100").ok().body()).contains(others).doesNotContain(names.toArray(String[]::new));
    }

    @Test
    void aBadPageOrSizeIsRefusedNamingTheFieldAndServiceAccountsHaveNoList() {
        Api officer = Api.as(http, "nanguan_wgy", DemoOrganisation.PASSWORD);

        assertThat(officer.get("/api/leads/mine?size=0").status()).isEqualTo(400);
        assertThat(officer.get("/api/leads/mine?size=0").errorFields()).containsExactly("size");
        assertThat(officer.get("/api/leads/mine?size=101").errorFields()).containsExactly("size");
        assertThat(officer.get("/api/leads/mine?page=-1").errorFields()).containsExactly("page");
        assertThat(Api.as(http, "bank_alert_api", DemoOrganisation.PASSWORD).get("/api/leads/mine").status()).isEqualTo(403);
        assertThat(Api.anonymous(http).get("/api/leads/mine").status()).isEqualTo(401);
    }

    @Test
    void regionPickersStartAtTheCallersJurisdictionAndForAdministratorsAtTheTopOfTheTree() {
        JsonNode admin = Api.admin(http).get("/api/organisation/jurisdictions").ok().json();
        assertThat(admin.findValuesAsText("code")).containsExactly(DemoOrganisation.PROVINCE);
        assertThat(admin.get(0).path("name").asText()).isEqualTo("示范省");

        JsonNode officer = Api.as(http, "nanguan_wgy", DemoOrganisation.PASSWORD).get("/api/organisation/jurisdictions").ok().json();
        assertThat(officer.findValuesAsText("code")).containsExactly(NANGUAN);
        assertThat(officer.get(0).path("name").asText()).isEqualTo("南关村");

        assertThat(Api.admin(http).get("/api/institutions?jurisdiction=" + DemoOrganisation.COUNTY).status()).isEqualTo(200);
    }

    private static Map<String, Object> patrol(String name, String region) {
        return Map.of("source", "GRID_PATROL", "institution", Map.of("name", name, "jurisdiction", region),
            "description", "网格巡查发现该机构以高额返利为名收取会员费");
    }
}
