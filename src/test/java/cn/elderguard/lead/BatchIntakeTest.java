package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * Batch intake (docs/intake.md, "Batch intake"): each item is answered by its position, a bad item never blocks the
 * good ones, resends are answered as resent, and every stored case has its process (and every process its case).
 */
@ElderGuardTest
class BatchIntakeTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void badItemsAreRefusedByPositionAndNeverBlockTheGoodOnes() {
        String run = "批量混合-" + UUID.randomUUID();
        Map<String, Object> unknownField = alert(run, 2);
        unknownField.put("colour", "红");
        Map<String, Object> withoutReference = alert(run, 3);
        withoutReference.remove("reference");
        Map<String, Object> duplicateKey = alert(run, 5);
        duplicateKey.put("reference", run + "-0");
        Map<String, Object> sameInstitution = alert(run, 7);
        sameInstitution.put("institution", Map.of("name", run + "-0", "jurisdiction", DemoOrganisation.DONGJIE));
        List<Object> batch = List.of(
            alert(run, 0),
            withCreditCode(alert(run, 1), "52999001MJ000001XX"),
            unknownField,
            withoutReference,
            alert(run, 4),
            duplicateKey,
            LeadIntakeTest.lead(LeadSource.GRID_PATROL, run + "-6", DemoOrganisation.DONGJIE, run + "-6"),
            sameInstitution);

        Api.Response response = bank().post("/api/leads/batch", Map.of("leads", batch));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(statuses(answer)).containsExactly(201, 400, 400, 400, 201, 400, 403, 201);
        assertThat(answer.path("created").asInt()).isEqualTo(3);
        assertThat(answer.path("resent").asInt()).isZero();
        assertThat(answer.path("refused").asInt()).isEqualTo(5);
        JsonNode results = answer.path("results");
        for (int position = 0; position < batch.size(); position++) {
            assertThat(results.get(position).path("position").asInt()).isEqualTo(position);
        }
        assertThat(fields(results.get(1))).containsExactly("[1].institution.creditCode");
        assertThat(fields(results.get(2))).containsExactly("[2].colour");
        assertThat(results.get(2).path("errors").get(0).path("message").asText()).isEqualTo("未知字段");
        assertThat(fields(results.get(3))).containsExactly("[3].reference");
        assertThat(fields(results.get(5))).containsExactly("[5].reference");
        assertThat(results.get(5).path("errors").get(0).path("message").asText()).as("names the first position").contains("第 0 条");
        assertThat(fields(results.get(6))).containsExactly("[6].source");
        assertThat(results.get(6).path("errors").get(0).path("message").asText()).contains("接口账号不能提交");
        // A service account reads no case: its receipts are the leads only (docs/security.md).
        assertThat(results.get(0).has("caseId")).isFalse();
        assertThat(results.get(0).path("leadId").asLong()).isPositive();
        assertThat(results.get(0).path("resent").asBoolean()).isFalse();

        assertThat(leadCount(run)).as("only the good items are stored").isEqualTo(3);
        assertThat(caseOf(results.get(7).path("leadId").asLong())).as("the second lead about one institution joins its case")
            .isEqualTo(caseOf(results.get(0).path("leadId").asLong()));
        assertEveryCaseHasItsProcess(run, 2);
    }

    @Test
    void aResentBatchIsAnsweredAsResentAcrossChunksAndStoresNothingNew() {
        String run = "批量重发-" + UUID.randomUUID();
        // More than two chunks of elderguard.intake.batch-chunk (100).
        List<Object> batch = IntStream.range(0, 230).mapToObj(i -> (Object) alert(run, i)).toList();

        JsonNode first = bank().post("/api/leads/batch", Map.of("leads", batch)).ok().json();
        assertThat(first.path("created").asInt()).isEqualTo(230);
        long leads = count("EG_LEAD");
        long cases = count("EG_CASE");

        JsonNode again = bank().post("/api/leads/batch", Map.of("leads", batch)).ok().json();

        assertThat(again.path("resent").asInt()).isEqualTo(230);
        assertThat(statuses(again)).containsOnly(200);
        for (int position = 0; position < batch.size(); position++) {
            assertThat(again.path("results").get(position).path("leadId").asLong()).as("position " + position)
                .isEqualTo(first.path("results").get(position).path("leadId").asLong());
            assertThat(again.path("results").get(position).path("resent").asBoolean()).isTrue();
        }
        assertThat(count("EG_LEAD")).isEqualTo(leads);
        assertThat(count("EG_CASE")).isEqualTo(cases);
        assertThat(leadCount(run)).isEqualTo(230);
        assertEveryCaseHasItsProcess(run, 230);
    }

    @Test
    void aBatchHasOneToAThousandLeads() {
        Api.Response tooMany = bank().post("/api/leads/batch", Map.of("leads",
            IntStream.range(0, BatchIntake.MAX_LEADS + 1).mapToObj(i -> (Object) alert("过多", i)).toList()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorFields()).containsExactly("leads");
        assertThat(tooMany.body()).contains("1000");

        Api.Response empty = bank().post("/api/leads/batch", Map.of("leads", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("leads");

        Api.Response unknownTopLevel = bank().post("/api/leads/batch", Map.of("leads", List.of(alert("顶层", 0)), "more", 1));
        assertThat(unknownTopLevel.status()).isEqualTo(400);
        assertThat(unknownTopLevel.errorFields()).containsExactly("more");
    }

    @Test
    void itemsThatAreNoLeadsOrHoldANulCharacterAreRefusedAlone() {
        String run = "批量格式-" + UUID.randomUUID();
        Map<String, Object> withNul = alert(run, 2);
        withNul.put("description", "推销\u0000理财");
        List<Object> batch = new ArrayList<>(List.of("一条线索", 42));
        batch.add(withNul);
        batch.add(alert(run, 3));

        JsonNode answer = bank().post("/api/leads/batch", Map.of("leads", batch)).ok().json();

        assertThat(statuses(answer)).containsExactly(400, 400, 400, 201);
        assertThat(fields(answer.path("results").get(0))).containsExactly("[0]");
        assertThat(fields(answer.path("results").get(2))).containsExactly("[2].description");
        assertThat(leadCount(run)).isEqualTo(1);
    }

    @Test
    void anOfficerIsRefusedItemByItemWhereASingleLeadWouldBe() {
        String run = "批量权限-" + UUID.randomUUID();
        List<Object> batch = List.of(
            LeadIntakeTest.lead(LeadSource.GRID_PATROL, run + "-0", DemoOrganisation.DONGJIE, run + "-0"),
            LeadIntakeTest.lead(LeadSource.GRID_PATROL, run + "-1", DemoOrganisation.HEXICUN, run + "-1"),
            alert(run, 2));

        JsonNode answer = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).post("/api/leads/batch", Map.of("leads", batch)).ok().json();

        assertThat(statuses(answer)).containsExactly(201, 403, 403);
        JsonNode results = answer.path("results");
        assertThat(results.get(0).path("caseId").asLong()).as("an officer whose unit works the case gets it")
            .isEqualTo(caseOf(results.get(0).path("leadId").asLong()));
        assertThat(fields(results.get(1))).containsExactly("[1].institution.jurisdiction");
        assertThat(fields(results.get(2))).containsExactly("[2].source");
        assertThat(leadCount(run)).isEqualTo(1);

        assertThat(Api.anonymous(http).post("/api/leads/batch", Map.of("leads", batch)).status()).as("no login").isIn(401, 403);
        assertThat(leadCount(run)).isEqualTo(1);
    }

    @Test
    void aLeadThatFailsWhenStoredFailsAloneAndLeavesNothingBehind() {
        String run = "批量失败-" + UUID.randomUUID();
        // An institution with an open case: a lead about it joins the case and starts no process.
        bank().post("/api/leads", alert(run, 0)).ok();
        // A LeadDisposal version whose start fails, as in IntakeAtomicityTest: every new case fails once its process starts.
        Deployment failing = engine.getRepositoryService().createDeployment().name("failing LeadDisposal (test)")
            .addModelInstance("LeadDisposal.bpmn", Bpmn.createExecutableProcess(LeadDisposalProcess.KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Fail").sequenceFlowId("SequenceFlow_ToFail")
                .intermediateCatchEvent("Event_Fail").timerWithDate("${'no date'}").sequenceFlowId("SequenceFlow_ToFailed")
                .endEvent("EndEvent_Failed")
                .done())
            .deploy();
        try {
            Map<String, Object> joins = alert(run, 1);
            joins.put("institution", Map.of("name", run + "-0", "jurisdiction", DemoOrganisation.DONGJIE));
            List<Object> batch = List.of(joins, alert(run, 2), alert(run, 3));

            JsonNode answer = bank().post("/api/leads/batch", Map.of("leads", batch)).ok().json();

            assertThat(statuses(answer)).containsExactly(201, 500, 500);
            assertThat(answer.path("results").get(1).path("errors").get(0).path("message").asText()).contains("未登记");
            assertThat(leadCount(run)).as("the first lead and the one that joined its case").isEqualTo(2);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION WHERE NAME IN (?, ?)").params(run + "-2", run + "-3")
                .query(Long.class).single()).as("no institution of a failed lead").isZero();
            assertEveryCaseHasItsProcess(run, 1);
        } finally {
            engine.getRepositoryService().deleteDeployment(failing.getId(), true);
        }
    }

    /** A bank's alert about a new institution of its own in 东街社区, keyed {@code run-i}. */
    static Map<String, Object> alert(String run, int i) {
        return LeadIntakeTest.lead(LeadSource.BANK_FUND_ALERT, run + "-" + i, DemoOrganisation.DONGJIE, run + "-" + i);
    }

    private static Map<String, Object> withCreditCode(Map<String, Object> lead, String creditCode) {
        Map<String, Object> institution = new HashMap<>(castMap(lead.get("institution")));
        institution.put("creditCode", creditCode);
        lead.put("institution", institution);
        return lead;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private Api bank() {
        return Api.as(http, "bank_alert_api", DemoOrganisation.PASSWORD);
    }

    private static List<Integer> statuses(JsonNode answer) {
        List<Integer> statuses = new ArrayList<>();
        answer.path("results").forEach(result -> statuses.add(result.path("status").asInt()));
        return statuses;
    }

    private static List<String> fields(JsonNode result) {
        return result.path("errors").findValuesAsText("field");
    }

    /** Every case of the run's institutions has exactly its one process, and no LeadDisposal process lacks its case. */
    private void assertEveryCaseHasItsProcess(String run, int cases) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT C.ID, C.PROCESS_INSTANCE_ID FROM EG_CASE C JOIN EG_INSTITUTION I"
            + " ON I.ID = C.INSTITUTION_ID WHERE I.NAME LIKE ?").param(run + "-%").query().listOfRows();
        assertThat(rows).hasSize(cases);
        for (Map<String, Object> row : rows) {
            String caseId = row.get("ID").toString();
            var instances = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(LeadDisposalProcess.KEY).list();
            assertThat(instances).as("the process of case " + caseId).hasSize(1);
            assertThat(instances.get(0).getId()).isEqualTo(row.get("PROCESS_INSTANCE_ID"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION E JOIN ACT_RE_PROCDEF D ON D.ID_ = E.PROC_DEF_ID_"
                + " WHERE E.ID_ = E.PROC_INST_ID_ AND D.KEY_ = ? AND NOT EXISTS (SELECT 1 FROM EG_CASE C"
                + " WHERE CAST(C.ID AS VARCHAR) = E.BUSINESS_KEY_ AND C.PROCESS_INSTANCE_ID = E.ID_)")
            .param(LeadDisposalProcess.KEY).query(Long.class).single()).as("LeadDisposal processes without their case").isZero();
    }

    private long leadCount(String run) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_LEAD WHERE REPORTED_INSTITUTION_NAME LIKE ?").param(run + "-%").query(Long.class).single();
    }

    private long caseOf(long leadId) {
        return jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE ID = ?").param(leadId).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
