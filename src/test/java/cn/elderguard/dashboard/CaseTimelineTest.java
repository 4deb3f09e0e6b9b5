package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.security.EngineCaller;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.LeadDisposalWalker;
import cn.elderguard.system.Now;

/**
 * The case timeline (docs/console.md, "Case timeline"): a 河西村 case with a public tip and an officer's lead, a
 * reminder and an escalation of its verification, an orange rating, a refund tranche and the close-out, each line in
 * time order with its actor; never the tipster; 404 for another town; outside text drawn as text on /app/case.html;
 * and a hand-over to 河西市场监管所 with the receipt its officer signed.
 */
@ElderGuardTest
class CaseTimelineTest {

    static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, Now.zone());
    static final String TIPSTER_NAME = "时间线举报人甲";
    static final String TIPSTER_PHONE = "13987650123";
    static final String DESCRIPTION = "收取会员费<script>alert(1)</script>并承诺返利<img src=x onerror=alert(1)>";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationRepository organisation;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theTimelineHoldsLeadsRatingMeasuresRefundsRemindersAndEscalationsInTimeOrderWithoutTheTipster() throws Exception {
        long caseId = driveACase();
        Api officer = Api.as(http, "hx_mz", DemoOrganisation.PASSWORD);

        JsonNode items = officer.get("/api/cases/" + caseId + "/timeline").ok().json();

        List<String> kinds = new ArrayList<>();
        items.forEach(item -> kinds.add(item.path("kind").asText()));
        for (int i = 1; i < items.size(); i++) {
            assertThat(Instant.parse(items.get(i).path("at").asText())).as("oldest first")
                .isAfterOrEqualTo(Instant.parse(items.get(i - 1).path("at").asText()));
        }
        assertThat(kinds).containsSubsequence("LEAD", "LEAD", "REMINDER", "ESCALATION", "TASK_COMPLETED", "RATING", "MEASURE", "REFUND",
            "CLOSED");
        items.forEach(item -> assertThat(item.path("at").asText()).as(item.toString()).isNotBlank());
        items.forEach(item -> assertThat(item.path("kindLabel").asText()).as(item.toString()).isNotBlank());
        items.forEach(item -> assertThat(item.path("title").asText()).as("no codes on the page").doesNotContainPattern("[A-Z_]{4,}|[0-9]{12}"));

        JsonNode tip = items.get(kinds.indexOf("LEAD"));
        assertThat(tip.path("detail").asText()).as("the description, as typed").contains(DESCRIPTION);
        assertThat(tip.path("actor").isNull()).as("a public tip names no one").isTrue();
        JsonNode officersLead = items.get(kinds.lastIndexOf("LEAD"));
        assertThat(officersLead.path("actor").asText()).isEqualTo("hx_mz");
        assertThat(officersLead.path("actorName").asText()).isEqualTo(personName("hx_mz"));
        assertThat(officersLead.path("unit").asText()).isEqualTo(unitName("CIVIL_AFFAIRS", DemoOrganisation.HEXI));

        JsonNode reminder = items.get(kinds.indexOf("REMINDER"));
        assertThat(Instant.parse(reminder.path("at").asText())).isEqualTo(recordedAt(caseId, "REMINDER"));
        assertThat(ids(reminder.path("notified"))).containsExactlyElementsOf(people("OFFICER"));
        JsonNode escalation = items.get(kinds.indexOf("ESCALATION"));
        assertThat(escalation.path("title").asText()).contains("第 1 级", "核查线索");
        assertThat(escalation.path("unit").asText()).isEqualTo(unitName("CIVIL_AFFAIRS", DemoOrganisation.HEXI));
        assertThat(ids(escalation.path("notified"))).containsExactlyElementsOf(people("UNIT_LEADER"));
        assertThat(escalation.path("detail").asText()).contains(unitName("CIVIL_AFFAIRS", DemoOrganisation.HEXI) + "负责人")
            .contains(personName(people("UNIT_LEADER").get(0)));

        JsonNode rating = items.get(kinds.indexOf("RATING"));
        assertThat(rating.path("title").asText()).isEqualTo("风险等级：橙色");
        assertThat(rating.path("detail").asText()).contains(jdbc.sql("SELECT REASONS FROM EG_RATING WHERE CASE_ID = ? ORDER BY ID")
            .param(caseId).query(String.class).list().get(0));

        JsonNode refund = items.get(kinds.indexOf("REFUND"));
        assertThat(refund.path("kindLabel").asText()).isEqualTo("退赔兑付");
        assertThat(refund.path("detail").asText()).contains("退赔 100000 元", "10 人");
        assertThat(refund.path("actor").asText()).isEqualTo("hx_mz");
        assertThat(refund.path("actorName").asText()).isEqualTo(personName("hx_mz"));
        for (String kind : List.of("TASK_COMPLETED", "MEASURE", "REFUND")) {
            items.forEach(item -> {
                if (item.path("kind").asText().equals(kind)) {
                    assertThat(item.path("actor").asText()).as(item.toString()).isEqualTo("hx_mz");
                }
            });
        }
        assertThat(kinds).doesNotContain("RATED");

        for (String reader : List.of("hx_mz", "hx_zzb", "xian_cfb")) {
            String body = Api.as(http, reader, DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/timeline").ok().body();
            assertThat(body).as(reader + " never reads the tipster here").doesNotContain(TIPSTER_NAME, TIPSTER_PHONE);
        }
        assertThat(Api.as(http, "hx_zzb", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/file").body())
            .as("the handling 处非办 does read the tipster in the file").contains(TIPSTER_NAME);
        for (String foreign : List.of("cg_mz", "cg_zzb")) {
            assertThat(Api.as(http, foreign, DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/timeline").status())
                .as(foreign).isEqualTo(404);
        }
        assertThat(officer.get("/api/cases/999999999/timeline").status()).isEqualTo(404);

        try (Browser browser = Browser.open()) {
            browser.driver().get("http://localhost:" + port + "/app/case.html?id=" + caseId);
            browser.logIn("hx_mz", DemoOrganisation.PASSWORD);
            browser.driver().get("http://localhost:" + port + "/app/case.html?id=" + caseId);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-section=timeline] .eg-tl-item")));
            browser.fullPageScreenshot("case-timeline");
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            @SuppressWarnings("unchecked")
            List<String> drawn = (List<String>) page.executeScript(
                "return Array.from(document.querySelectorAll('[data-section=timeline] .eg-tl-item')).map(li => li.dataset.kind);");
            assertThat(drawn).as("the page draws the timeline in its order").isEqualTo(kinds);
            String details = (String) page.executeScript(
                "return Array.from(document.querySelectorAll('[data-section=timeline] .eg-tl-detail')).map(d => d.textContent).join('\\n');");
            assertThat(details).as("typed characters, letter for letter").contains(DESCRIPTION);
            assertThat(((Number) page.executeScript("return document.querySelectorAll('#case-file script, #case-file img').length;")).intValue())
                .as("no element made from the description").isZero();
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
    }

    @Test
    void aHandOverAndItsReceiptAreOnTheTimelineWithWhoSignedAndNoCode() {
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
        String processInstanceId = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI).getId();
        long caseId = Long.parseLong(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
            .singleResult().getBusinessKey());
        ZonedDateTime[] clock = {START};
        // Each task is done by an officer (or, for a leader's task, a leader) of a unit it is offered to, logged in.
        new LeadDisposalWalker(engine).walkToEnd(processInstanceId, LeadDisposalWalker.Route.UNREGISTERED_ENTERPRISE, (task, answers) -> {
            clock[0] = clock[0].plusHours(1);
            advance(clock[0]);
            String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null && GroupIds.unitOf(g).isPresent()).findFirst().orElseThrow();
            UnitKey unit = GroupIds.unitOf(group).orElseThrow();
            String user = jdbc.sql("SELECT USER_ID FROM EG_PERSON WHERE AGENCY = ? AND REGION_CODE = ? AND ROLE = ? ORDER BY USER_ID")
                .params(unit.agency().name(), unit.region().value(), group.equals(unit.leaderGroup()) ? "UNIT_LEADER" : "OFFICER")
                .query(String.class).list().get(0);
            EngineCaller.of(user, engine).run(engine, () -> {
                engine.getTaskService().complete(task.getId(), answers);
                return null;
            });
        });

        JsonNode items = Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/timeline").ok().json();
        List<String> kinds = new ArrayList<>();
        items.forEach(item -> kinds.add(item.path("kind").asText()));
        assertThat(kinds).containsSubsequence("TASK_COMPLETED", "RATING", "HANDED_OVER", "RECEIVED", "CLOSED");
        String civilAffairs = unitName("CIVIL_AFFAIRS", DemoOrganisation.HEXI);
        String marketRegulation = unitName("MARKET_REGULATION", DemoOrganisation.HEXI);
        JsonNode handOver = items.get(kinds.indexOf("HANDED_OVER"));
        assertThat(handOver.path("title").asText()).as("the purpose's code is left out").isEqualTo(civilAffairs + " 移交 " + marketRegulation);
        assertThat(handOver.path("unit").asText()).isEqualTo(civilAffairs);
        JsonNode receipt = items.get(kinds.indexOf("RECEIVED"));
        assertThat(receipt.path("kindLabel").asText()).isEqualTo("签收回执");
        assertThat(receipt.path("actor").asText()).isEqualTo("hx_scjg");
        assertThat(receipt.path("actorName").asText()).isEqualTo(personName("hx_scjg"));
        assertThat(receipt.path("unit").asText()).isEqualTo(marketRegulation);
        items.forEach(item -> {
            if (item.path("kind").asText().equals("TASK_COMPLETED") || item.path("kind").asText().equals("MEASURE")) {
                assertThat(item.path("actor").asText()).as(item.toString()).isNotBlank();
                assertThat(item.path("actorName").asText()).as(item.toString()).isEqualTo(personName(item.path("actor").asText()));
            }
        });
    }

    /**
     * A public tip at 09:00 on Monday 2 November 2026, an officer's lead an hour later, the reminder and the first
     * escalation of the verification as their jobs fall due, then the orange path with a refund tranche to the end,
     * each task an hour after the one before, done by hx_mz.
     */
    private long driveACase() {
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
        String venue = "时间线测试托老所-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> institution = Map.of("name", venue, "jurisdiction", DemoOrganisation.HEXICUN, "address", "河西村五组 3 号");
        String code = Api.anonymous(http).post("/public/api/tips", Map.of("institution", institution, "description", DESCRIPTION,
            "amountInvolvedYuan", 300000, "peopleInvolved", 25, "tipster", Map.of("name", TIPSTER_NAME, "phone", TIPSTER_PHONE)),
            Map.of("X-Forwarded-For", "198.51.100.77")).ok().json().path("trackingCode").asText();
        long caseId = jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE TRACKING_CODE = ?").param(code).query(Long.class).single();

        advance(START.plusHours(1));
        Map<String, Object> lead = new HashMap<>();
        lead.put("source", "GRID_PATROL");
        lead.put("institution", institution);
        lead.put("description", "网格员巡查发现：门口张贴高息返利广告");
        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).post("/api/leads", lead).json().path("caseId").asLong())
            .as("the second lead joins the case").isEqualTo(caseId);

        String processInstanceId = jdbc.sql("SELECT PROCESS_INSTANCE_ID FROM EG_CASE WHERE ID = ?").param(caseId).query(String.class).single();
        Task verify = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
            .taskDefinitionKey(LeadDisposalProcess.TASK_VERIFY_LEAD).singleResult();
        runNextDeadlineStep(verify.getId());
        runNextDeadlineStep(verify.getId());

        ZonedDateTime[] clock = {Now.local()};
        new LeadDisposalWalker(engine).walkToEnd(processInstanceId, LeadDisposalWalker.Route.ORANGE_REFUNDING, (task, answers) -> {
            clock[0] = clock[0].plusHours(1);
            advance(clock[0]);
            engine.getTaskService().setAssignee(task.getId(), "hx_mz");
            engine.getTaskService().complete(task.getId(), answers);
        });
        return caseId;
    }

    private void runNextDeadlineStep(String taskId) {
        EngineJobRows.Job job = EngineJobRows.pending(engine, EngineJobRows.DEADLINE, taskId).orElseThrow();
        ClockUtil.setCurrentTime(new Date(job.due().getTime()));
        engine.getManagementService().executeJob(job.id());
    }

    private static void advance(ZonedDateTime to) {
        ClockUtil.setCurrentTime(Date.from(to.toInstant()));
    }

    private Instant recordedAt(long caseId, String kind) {
        return jdbc.sql("SELECT RECORDED_AT FROM EG_ESCALATION WHERE CASE_ID = ? AND KIND = ?").params(caseId, kind)
            .query(Timestamp.class).single().toInstant();
    }

    private List<String> people(String role) {
        return jdbc.sql("SELECT USER_ID FROM EG_PERSON WHERE AGENCY = 'CIVIL_AFFAIRS' AND REGION_CODE = ? AND ROLE = ? ORDER BY USER_ID")
            .params(DemoOrganisation.HEXI, role).query(String.class).list();
    }

    private String personName(String userId) {
        return jdbc.sql("SELECT DISPLAY_NAME FROM EG_PERSON WHERE USER_ID = ?").param(userId).query(String.class).single();
    }

    private String unitName(String agency, String region) {
        return jdbc.sql("SELECT NAME FROM EG_UNIT WHERE AGENCY = ? AND REGION_CODE = ?").params(agency, region).query(String.class).single();
    }

    private static List<String> ids(JsonNode people) {
        List<String> ids = new ArrayList<>();
        people.forEach(person -> ids.add(person.path("id").asText()));
        return ids;
    }
}
