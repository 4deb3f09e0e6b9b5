package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/** Leads from every source become cases with their process; resends and concurrency never duplicate. */
@ElderGuardTest
class LeadIntakeTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(LeadSource.class)
    void aLeadFromEverySourceOpensACaseWithItsProcessRoutedToTheSectorUnit(LeadSource source) {
        String name = "来源测试养老院-" + source + "-" + UUID.randomUUID();
        Api.Response response = submitter(source).post("/api/leads", lead(source, name, DemoOrganisation.DONGJIE, "REF-" + UUID.randomUUID()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode receipt = response.json();
        long caseId = caseOf(receipt.path("leadId").asLong());
        if (source.machine()) {
            // A service account reads back its receipt, never the case (docs/security.md).
            assertThat(receipt.has("caseId") || receipt.has("newCase") || receipt.has("institutionId")).as(receipt.toString()).isFalse();
        } else {
            assertThat(receipt.path("caseId").asLong()).isEqualTo(caseId);
            assertThat(receipt.path("newCase").asBoolean()).isTrue();
            assertThat(receipt.path("institutionNeedsConfirmation").asBoolean()).as("unknown venue flagged").isTrue();
        }
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(Long.toString(caseId)).singleResult();
        assertThat(instance).as("the case's LeadDisposal process").isNotNull();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        // An elder-care venue in 东街社区: verified by 城关镇's civil-affairs office.
        assertThat(engine.getTaskService().getIdentityLinksForTask(task)).extracting(IdentityLink::getGroupId)
            .contains("CIVIL_AFFAIRS-" + DemoOrganisation.CHENGGUAN);
        assertThat(jdbc.sql("SELECT PROCESS_INSTANCE_ID FROM EG_CASE WHERE ID = ?").param(caseId).query(String.class).single())
            .isEqualTo(instance.getId());
        assertThat(jdbc.sql("SELECT SOURCE FROM EG_LEAD WHERE ID = ?").param(receipt.path("leadId").asLong())
            .query(String.class).single()).isEqualTo(source.name());
    }

    @Test
    void aPublicTipGetsATrackingCodeWhoseStatusAnyoneWithItCanSee() {
        Map<String, Object> tip = Map.of(
            "institution", Map.of("name", "公众举报测试会所-" + UUID.randomUUID(), "jurisdiction", DemoOrganisation.HEXICUN),
            "description", "免费体检后推销保健品，收取会员费");

        Api.Response response = Api.anonymous(http).post("/public/api/tips", tip);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String code = response.json().path("trackingCode").asText();
        assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        JsonNode status = Api.anonymous(http).get("/public/api/tips/" + code.toLowerCase().replace("-", "")).json();
        assertThat(status.path("statusLabel").asText()).isEqualTo("已受理");
        assertThat(status.fieldNames()).toIterable().containsExactlyInAnyOrder("status", "statusLabel", "feedback", "receivedAt");
        assertThat(Api.anonymous(http).get("/public/api/tips/AAAA-BBBB-CCCC").status()).isEqualTo(404);
    }

    @Test
    void aResentLeadReturnsTheSameLeadAndStoresNothingNew() {
        Map<String, Object> lead = lead(LeadSource.BANK_FUND_ALERT, "重发测试养老院-" + UUID.randomUUID(), DemoOrganisation.DONGJIE,
            "ICBC-" + UUID.randomUUID());
        Api bank = Api.as(http, "bank_alert_api", DemoOrganisation.PASSWORD);
        JsonNode first = bank.post("/api/leads", lead).json();
        long leads = count("EG_LEAD");
        long cases = count("EG_CASE");

        Api.Response again = bank.post("/api/leads", lead);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("leadId").asLong()).isEqualTo(first.path("leadId").asLong());
        assertThat(again.json().path("resent").asBoolean()).isTrue();
        assertThat(count("EG_LEAD")).isEqualTo(leads);
        assertThat(count("EG_CASE")).isEqualTo(cases);

        // The Idempotency-Key header works the same way when the source has no reference of its own.
        Map<String, Object> withoutReference = new HashMap<>(lead);
        withoutReference.remove("reference");
        String key = UUID.randomUUID().toString();
        long viaHeader = bank.post("/api/leads", withoutReference, Map.of("Idempotency-Key", key)).json().path("leadId").asLong();
        assertThat(bank.post("/api/leads", withoutReference, Map.of("Idempotency-Key", key)).json().path("leadId").asLong())
            .isEqualTo(viaHeader);
    }

    @Test
    void aSecondLeadAboutAnInstitutionWithAnOpenCaseJoinsIt() {
        String name = "并案测试养老院-" + UUID.randomUUID();
        JsonNode first = officer().post("/api/leads", lead(LeadSource.GRID_PATROL, name, DemoOrganisation.DONGJIE, null)).json();
        JsonNode second = Api.as(http, "monitor_api", DemoOrganisation.PASSWORD)
            .post("/api/leads", lead(LeadSource.MONITORING_PLATFORM, name, DemoOrganisation.DONGJIE, "MON-" + UUID.randomUUID())).json();

        assertThat(caseOf(second.path("leadId").asLong())).isEqualTo(first.path("caseId").asLong());
        assertThat(jdbc.sql("SELECT INSTITUTION_ID FROM EG_LEAD WHERE ID = ?").param(second.path("leadId").asLong())
            .query(Long.class).single()).isEqualTo(first.path("institutionId").asLong());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(first.path("caseId").asText()).count()).isEqualTo(1);
    }

    @Test
    void twentyConcurrentTipsAboutOneInstitutionMakeOneCaseAndTwentyLeads() throws Exception {
        String name = "并发测试养老院-" + UUID.randomUUID();
        List<JsonNode> receipts = concurrently(20, i -> officer().post("/api/leads",
            lead(LeadSource.PUBLIC_TIP, name, DemoOrganisation.DONGJIE, null)));

        assertThat(receipts).extracting(r -> r.path("leadId").asLong()).doesNotHaveDuplicates().hasSize(20);
        assertThat(receipts).extracting(r -> r.path("caseId").asLong()).containsOnly(receipts.get(0).path("caseId").asLong());
        assertThat(receipts).filteredOn(r -> r.path("newCase").asBoolean()).hasSize(1);
        long institution = receipts.get(0).path("institutionId").asLong();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION WHERE NAME = ?").param(name).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CASE WHERE INSTITUTION_ID = ?").param(institution).query(Long.class).single())
            .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_LEAD WHERE INSTITUTION_ID = ?").param(institution).query(Long.class).single())
            .isEqualTo(20);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(receipts.get(0).path("caseId").asText()).count()).isEqualTo(1);
    }

    @Test
    void machineSourcesNeedAServiceAccountAndAReference() {
        Map<String, Object> alert = lead(LeadSource.BANK_FUND_ALERT, "权限测试养老院", DemoOrganisation.DONGJIE, null);
        assertThat(officer().post("/api/leads", alert).status()).isEqualTo(403);
        Api.Response noReference = Api.as(http, "bank_alert_api", DemoOrganisation.PASSWORD).post("/api/leads", alert);
        assertThat(noReference.status()).isEqualTo(400);
        assertThat(noReference.errorFields()).containsExactly("reference");
    }

    @Test
    void anOfficerCannotSubmitLeadsOutsideTheirJurisdiction() {
        Api.Response response = Api.as(http, "hx_mz", DemoOrganisation.PASSWORD)
            .post("/api/leads", lead(LeadSource.GRID_PATROL, "辖区外测试养老院", DemoOrganisation.DONGJIE, null));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void onlyTheChufeiOfficeHandlingTheCaseSeesTheTipster() {
        Map<String, Object> tip = new HashMap<>(lead(LeadSource.PUBLIC_TIP, "举报人测试养老院-" + UUID.randomUUID(),
            DemoOrganisation.HEXICUN, null));
        tip.put("tipster", Map.of("name", "李四", "phone", "13800000000"));
        long leadId = Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).post("/api/leads", tip).json().path("leadId").asLong();

        Api.Response handling = Api.as(http, "hx_zzb", DemoOrganisation.PASSWORD).get("/api/leads/" + leadId + "/tipster");
        assertThat(handling.status()).isEqualTo(200);
        assertThat(handling.json().path("phone").asText()).isEqualTo("13800000000");
        for (String other : List.of("hx_mz", "xian_cfb", "sheng_cfb")) {
            assertThat(Api.as(http, other, DemoOrganisation.PASSWORD).get("/api/leads/" + leadId + "/tipster").status())
                .as(other).isEqualTo(403);
        }
        assertThat(Api.as(http, "cg_zzb", DemoOrganisation.PASSWORD).get("/api/leads/" + leadId + "/tipster").status())
            .as("another town's 处非办 does not even learn that the lead exists").isEqualTo(404);
        assertThat(Api.as(http, "admin", "test-admin").get("/api/leads/" + leadId + "/tipster").status()).isEqualTo(403);
        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get("/api/leads/" + leadId).body()).doesNotContain("13800000000");
    }

    private Api submitter(LeadSource source) {
        return source.machine() ? Api.as(http, "bank_alert_api", DemoOrganisation.PASSWORD) : officer();
    }

    private Api officer() {
        return Api.as(http, "cg_mz", DemoOrganisation.PASSWORD);
    }

    static Map<String, Object> lead(LeadSource source, String institutionName, String region, String reference) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("source", source.name());
        if (reference != null) {
            lead.put("reference", reference);
        }
        lead.put("institution", Map.of("name", institutionName, "jurisdiction", region, "address", "测试路 1 号"));
        lead.put("description", "收取大额预付费，承诺每年返利 12%");
        lead.put("amountInvolvedYuan", 350000);
        lead.put("peopleInvolved", 40);
        return lead;
    }

    private long caseOf(long leadId) {
        return jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE ID = ?").param(leadId).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static List<JsonNode> concurrently(int requests, java.util.function.IntFunction<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.apply(index);
            }));
        }
        start.countDown();
        List<JsonNode> receipts = new ArrayList<>();
        for (Future<Api.Response> future : futures) {
            Api.Response response = future.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            receipts.add(response.json());
        }
        pool.shutdown();
        return receipts;
    }
}
