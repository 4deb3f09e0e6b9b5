package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.institution.CreditCode;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.VerificationFacts;

/**
 * Who reads which lead and case through the application (docs/security.md): issue items 2 (service accounts read
 * only their own receipts), 4 (a lead about another town's institution is referred there and tells nothing back;
 * the registry is no oracle) and 22 (the 处非办 that co-investigates a cross-region case reads it, read-only and
 * without the tipster).
 */
@ElderGuardTest
class LeadAccessTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aServiceAccountReadsBackItsOwnReceiptsAndNothingElse() {
        Api bank = Api.as(http, "bank_alert_api", DemoOrganisation.PASSWORD);
        JsonNode receipt = bank.post("/api/leads", Map.of("source", "BANK_FUND_ALERT", "reference", "ICBC-" + UUID.randomUUID(),
            "institution", Map.of("name", "银行预警养老院-" + UUID.randomUUID(), "jurisdiction", DemoOrganisation.DONGJIE),
            "description", "近 30 日收取会员费 312 笔")).ok().json();
        assertThat(receipt.has("caseId")).as(receipt.toString()).isFalse();
        JsonNode own = bank.get("/api/leads/" + receipt.path("leadId").asLong()).ok().json();
        assertThat(own.path("statusLabel").asText()).isEqualTo("已受理");
        assertThat(own.has("caseId") || own.has("description")).as(own.toString()).isFalse();

        JsonNode officers = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).post("/api/leads", patrol("网格巡查养老院-" + UUID.randomUUID(),
            null, DemoOrganisation.DONGJIE)).ok().json();
        assertThat(bank.get("/api/leads/" + officers.path("leadId").asLong()).status()).isEqualTo(404);
        assertThat(bank.get("/api/cases/" + officers.path("caseId").asLong()).status()).isEqualTo(403);
        assertThat(bank.get("/api/cases?jurisdiction=" + DemoOrganisation.COUNTY).status()).isEqualTo(403);
        assertThat(bank.get("/api/institutions/" + officers.path("institutionId").asLong()).status()).isEqualTo(403);
        assertThat(bank.get("/api/institutions?jurisdiction=" + DemoOrganisation.COUNTY).status()).isEqualTo(403);
        assertThat(bank.get("/api/organisation/me").status()).isEqualTo(403);
    }

    @Test
    void aLeadAboutAnotherTownsInstitutionIsReferredThereAndTellsNothingBack() {
        String creditCode = creditCode();
        String name = "城关仁爱养老院-" + UUID.randomUUID().toString().substring(0, 6);
        Api chengguan = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD);
        JsonNode first = chengguan.post("/api/leads", patrol(name, creditCode, DemoOrganisation.DONGJIE)).ok().json();
        long chengguanCase = first.path("caseId").asLong();

        Api hexi = Api.as(http, "hx_zzb", DemoOrganisation.PASSWORD);
        Api.Response referred = hexi.post("/api/leads", patrol("仁爱养老院", creditCode, DemoOrganisation.HEXI));

        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        JsonNode receipt = referred.json();
        assertThat(receipt.path("referred").asBoolean()).isTrue();
        assertThat(receipt.has("caseId") || receipt.has("newCase") || receipt.has("institutionId")).as(receipt.toString()).isFalse();
        long leadId = receipt.path("leadId").asLong();
        assertThat(jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE ID = ?").param(leadId).query(Long.class).single())
            .as("worked by 城关 with the case's other leads").isEqualTo(chengguanCase);
        assertThat(hexi.get("/api/leads/" + leadId).json().path("statusLabel").asText()).as("its own receipt").isEqualTo("已受理");
        assertThat(hexi.get("/api/cases/" + chengguanCase).status()).isEqualTo(404);
        assertThat(hexi.get("/api/leads/" + first.path("leadId").asLong()).status()).isEqualTo(404);

        Api.Response oracle = Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).post("/api/institutions", Map.of(
            "name", "仁爱养老院", "creditCode", creditCode, "registered", true, "legalForm", "PRIVATE_NON_ENTERPRISE",
            "jurisdiction", DemoOrganisation.HEXI));
        assertThat(oracle.status()).isEqualTo(400);
        assertThat(oracle.errorFields()).containsExactly("creditCode");
        assertThat(oracle.body()).contains("已由其他辖区或行业登记").doesNotContain(name)
            .doesNotContain("机构 " + first.path("institutionId").asLong());
    }

    @Test
    void theChufeiOfficeCoInvestigatingACrossRegionCaseReadsItWithoutTheTipster() {
        Map<String, Object> tip = new java.util.HashMap<>(patrol("异地登记养老院-" + UUID.randomUUID(), null, DemoOrganisation.DONGJIE));
        tip.put("source", "PUBLIC_TIP");
        tip.put("tipster", Map.of("name", "王五", "phone", "13700000000"));
        JsonNode lead = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).post("/api/leads", tip).ok().json();
        long caseId = lead.path("caseId").asLong();
        Api coInvestigating = Api.as(http, "hx_zzb", DemoOrganisation.PASSWORD);
        assertThat(coInvestigating.get("/api/cases/" + caseId).status()).as("before the hand-over").isEqualTo(404);

        Task verify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).singleResult();
        engine.getTaskService().complete(verify.getId(), VerificationFacts.with("registeredElsewhere", DemoOrganisation.HEXI));

        assertThat(coInvestigating.get("/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(coInvestigating.get("/api/leads/" + lead.path("leadId").asLong()).json().path("description").asText())
            .isEqualTo("养老院收取会员费，承诺每年返利");
        assertThat(coInvestigating.get("/api/leads/" + lead.path("leadId").asLong() + "/tipster").status()).isEqualTo(403);
        assertThat(coInvestigating.get("/api/leads/" + lead.path("leadId").asLong()).body()).doesNotContain("13700000000");
        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId).status())
            .as("河西's other units still do not").isEqualTo(404);
    }

    private static Map<String, Object> patrol(String name, String creditCode, String region) {
        Map<String, Object> institution = new java.util.HashMap<>(Map.of("name", name, "jurisdiction", region));
        if (creditCode != null) {
            institution.put("creditCode", creditCode);
        }
        return Map.of("source", "GRID_PATROL", "institution", institution, "description", "养老院收取会员费，承诺每年返利");
    }

    private static String creditCode() {
        String first17 = "52999001MJ" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + CreditCode.checkCharacter(first17);
    }
}
