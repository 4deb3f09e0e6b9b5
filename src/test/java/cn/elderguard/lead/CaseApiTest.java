package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/** The rectification list and a case's rating explanation and timeline, for whoever's scope covers it. */
@ElderGuardTest
class CaseApiTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Test
    void aRatedCaseIsOnTheRectificationListWithItsExplanationAndTimeline() {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE);
        engine.getTaskService().complete(LeadDisposalStarter.verificationTask(engine, instance).getId(),
            VerificationFacts.with("blacklisted", true));
        long caseId = Long.parseLong(instance.getBusinessKey());
        Api civilAffairs = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD);

        JsonNode list = civilAffairs.get("/api/cases?list=RECTIFICATION&size=100&after=" + (caseId - 1)).json();
        assertThat(list.findValuesAsText("id")).contains(Long.toString(caseId));

        JsonNode detail = civilAffairs.get("/api/cases/" + caseId).json();
        assertThat(detail.path("ratings").get(0).path("reasons").asText()).isEqualTo("橙：被纳入黑名单");
        assertThat(detail.path("timeline").findValuesAsText("kind")).contains("TASK_COMPLETED", "RATED", "REPORTED_UPWARD");

        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(civilAffairs.get("/api/cases?list=NONSENSE").errorFields()).containsExactly("list");
    }

    @Test
    void anUnregisteredVenueIsListedAsOneWithTheMeasureUnderWay() {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE);
        engine.getTaskService().complete(LeadDisposalStarter.verificationTask(engine, instance).getId(),
            VerificationFacts.with("registered", false, "prepaidFeesYuan", 700_000L, "prepaidFeesUse", "OPERATIONS"));
        long caseId = Long.parseLong(instance.getBusinessKey());
        Api civilAffairs = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD);

        JsonNode listed = null;
        for (JsonNode row : civilAffairs.get("/api/cases?list=RECTIFICATION&size=100&after=" + (caseId - 1)).json()) {
            if (row.path("id").asLong() == caseId) {
                listed = row;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("riskLevel").asText()).isEqualTo("GREEN");
        assertThat(listed.path("unregisteredVenue").asBoolean()).isTrue();
        assertThat(listed.path("currentMeasure").asText()).isEqualTo("REFUND_ORDER");
        assertThat(listed.path("currentMeasureName").asText()).isEqualTo("责令退还资金");

        JsonNode detail = civilAffairs.get("/api/cases/" + caseId).json();
        assertThat(detail.path("case").path("unregisteredVenue").asBoolean()).isTrue();
        assertThat(detail.path("case").path("currentMeasure").asText()).isEqualTo("REFUND_ORDER");
        assertThat(detail.path("ratings").get(0).path("reasons").asText()).startsWith("未登记场所").contains("责令退还资金")
            .doesNotContain("未发现风险隐患");
    }
}
