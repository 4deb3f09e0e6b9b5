package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.VerificationFacts;

/** The case file (docs/case-file.md): what each reader gets, the tipster only for the handling 处非办, the task's deadline. */
@ElderGuardTest
class CaseFileApiTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCaseFileShowsTheTipTheInstitutionTheRatingAndThePriorityToItsReadersOnly() {
        String venue = "河西村案卷测试托老所-" + UUID.randomUUID().toString().substring(0, 6);
        String code = Api.anonymous(http).post("/public/api/tips", Map.of(
            "institution", Map.of("name", venue, "jurisdiction", DemoOrganisation.HEXICUN, "address", "河西村三组 8 号"),
            "description", "收取会员费 30 万元，承诺每月返利", "amountInvolvedYuan", 300000, "peopleInvolved", 25,
            "tipster", Map.of("name", "案卷举报人", "phone", "13912345678"))).ok().json().path("trackingCode").asText();
        long caseId = jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE TRACKING_CODE = ?").param(code).query(Long.class).single();
        Task verify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).singleResult();

        Api officer = Api.as(http, "hx_mz", DemoOrganisation.PASSWORD);
        JsonNode deadline = officer.get("/api/tasks/" + verify.getId() + "/deadline").ok().json();
        assertThat(deadline.path("caseId").asLong()).isEqualTo(caseId);
        assertThat(deadline.path("taskName").asText()).isEqualTo("核查线索");
        assertThat(deadline.path("due").isTextual()).isTrue();
        assertThat(deadline.path("overdue").asBoolean()).isFalse();
        assertThat(deadline.path("unitName").asText()).contains("河西");
        assertThat(officer.get("/api/cases/" + caseId + "/deadlines").ok().json().findValuesAsText("taskId")).containsExactly(verify.getId());

        engine.getTaskService().complete(verify.getId(), VerificationFacts.with("blacklisted", true, "peopleInvolved", 40,
            "exposureYuan", java.math.BigDecimal.valueOf(2_000_000), "publicOpinionHeat", "HIGH"));

        JsonNode file = officer.get("/api/cases/" + caseId + "/file").ok().json();
        JsonNode lead = file.path("leads").get(0);
        assertThat(lead.path("description").asText()).isEqualTo("收取会员费 30 万元，承诺每月返利");
        assertThat(lead.path("amountInvolvedYuan").decimalValue()).isEqualByComparingTo("300000");
        assertThat(lead.path("peopleInvolved").asInt()).isEqualTo(25);
        assertThat(lead.path("sourceLabel").asText()).isEqualTo("群众举报");
        assertThat(lead.path("reportedAddress").asText()).isEqualTo("河西村三组 8 号");
        assertThat(lead.has("tipster")).as("the tipster is absent for a sector officer").isFalse();
        assertThat(file.toString()).doesNotContain("案卷举报人", "13912345678");
        assertThat(file.path("institution").path("name").asText()).isEqualTo(venue);
        assertThat(file.path("summary").path("id").asLong()).isEqualTo(caseId);
        assertThat(file.path("summary").path("jurisdictionName").asText()).isNotBlank();
        assertThat(file.path("ratings").get(0).path("reasons").asText()).contains("被纳入黑名单");
        JsonNode priority = file.path("priority");
        assertThat(priority.path("score").asInt()).isEqualTo(60);
        assertThat(priority.path("contributions").findValuesAsText("description"))
            .containsExactlyInAnyOrder("涉众 30–99 人", "风险敞口 100–1000 万元", "舆论热度高");
        assertThat(priority.path("factors").findValuesAsText("display")).contains("40", "2000000", "高", "否");
        assertThat(file.path("timeline").findValuesAsText("kindLabel")).contains("办结任务", "风险评级");

        JsonNode handling = Api.as(http, "hx_zzb", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/file").ok().json();
        assertThat(handling.path("leads").get(0).path("tipster").path("name").asText()).isEqualTo("案卷举报人");
        JsonNode county = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/file").ok().json();
        assertThat(county.path("leads").get(0).has("tipster")).as("a 处非办 above does not handle the case").isFalse();

        Api foreign = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD);
        assertThat(foreign.get("/api/cases/" + caseId + "/file").status()).isEqualTo(404);
        assertThat(foreign.get("/api/cases/" + caseId + "/deadlines").status()).isEqualTo(404);
        assertThat(foreign.get("/api/tasks/" + verify.getId() + "/deadline").status()).isEqualTo(404);
        assertThat(officer.get("/api/tasks/no-such-task/deadline").status()).isEqualTo(404);
    }
}
