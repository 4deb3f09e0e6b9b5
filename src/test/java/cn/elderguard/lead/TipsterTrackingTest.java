package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;
import cn.elderguard.engine.CaseProcessNames;

/**
 * What a tipster sees with the tracking code at each step (docs/tracking.md): 已受理; 核查中 once an officer
 * takes up the verification; 已核查 with the fixed text once it is recorded — the officer's proposed feedback
 * waits for the unit leader; nothing from a sign-off that sends the case back; at close-out 已办结 with the text
 * the leader approved.
 */
@ElderGuardTest
class TipsterTrackingTest {

    static final String OFFICER = "hx_mz";
    static final String LEADER = "hx_mz_ld";
    /** A client address of its own, so that these look-ups do not use up other tests' rate limit. */
    static final Map<String, String> CLIENT = Map.of("X-Forwarded-For", "198.51.100.21");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLeadShowsAsBeingVerifiedOnceAnOfficerTakesItUpAndAgainWhenItIsVerifiedAnew() {
        String venue = "河西村安康托老所-" + UUID.randomUUID().toString().substring(0, 6);
        String code = publicTip(venue);
        ProcessInstance instance = instanceOf(venue);
        assertStatus(code, "RECEIVED", "已受理");

        claim(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD), OFFICER);
        assertStatus(code, "VERIFYING", "核查中");
        assertThat(status(code).path("feedback").asText()).isEqualTo(LeadFeedback.DEFAULT_VERIFYING);

        complete(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD), OFFICER, VerificationFacts.registeredAndClean());
        assertStatus(code, "VERIFIED", "已核查");
        complete(task(instance, LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT), LEADER,
            Map.of("signOffDecision", "REJECT", "notes", "需重新核实"));
        assertStatus(code, "VERIFIED", "已核查");

        claim(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD), OFFICER);
        assertStatus(code, "VERIFYING", "核查中");
    }

    @Test
    void theOfficersProposedFeedbackReachesTheTipsterOnlyAsTheLeaderApprovedIt() {
        String venue = "河西村福寿托老所-" + UUID.randomUUID().toString().substring(0, 6);
        String code = publicTip(venue);
        ProcessInstance instance = instanceOf(venue);

        String proposed = "经核查，该托老所已依法登记，未发现违规收费。";
        complete(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD), OFFICER, VerificationFacts.with("tipsterFeedback", proposed));
        assertStatus(code, "VERIFIED", "已核查");
        assertThat(status(code).path("feedback").asText()).as("the officer's text waits for the leader")
            .isEqualTo(LeadFeedback.DEFAULT_VERIFIED);

        Task signOff = task(instance, LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT);
        var form = engine.getFormService().getTaskFormVariables(signOff.getId());
        assertThat(form.getValue(LeadDisposalProcess.VAR_PROPOSED_TIPSTER_FEEDBACK, String.class))
            .as("the leader's form shows the proposal, read-only").isEqualTo(proposed);
        assertThat(form.getValue(LeadDisposalProcess.VAR_TIPSTER_FEEDBACK, String.class)).as("the leader's own field opens empty")
            .isNullOrEmpty();
        complete(signOff, LEADER, Map.of("signOffDecision", "REJECT", "notes", "收费情况需重新核实", "tipsterFeedback", proposed));
        assertStatus(code, "VERIFIED", "已核查");
        assertThat(status(code).path("feedback").asText()).as("a sign-off that sends the case back publishes nothing")
            .isEqualTo(LeadFeedback.DEFAULT_VERIFIED);

        complete(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD), OFFICER,
            VerificationFacts.with("tipsterFeedback", proposed + "已责令其公示收费标准。"));
        assertThat(status(code).path("feedback").asText()).isEqualTo(LeadFeedback.DEFAULT_VERIFIED);

        String approved = "经核查，该托老所已依法登记，未发现违规收费，已纳入日常监管。感谢您的监督。";
        complete(task(instance, LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT), LEADER,
            Map.of("signOffDecision", "APPROVE", "notes", "同意销号", "tipsterFeedback", approved));
        assertStatus(code, "CLOSED", "已办结");
        assertThat(status(code).path("feedback").asText()).as("what the leader approved").isEqualTo(approved);
    }

    @Test
    void withoutAProposalOrALeadersTextTheCaseClosesWithTheFixedText() {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN);
        long caseId = Long.parseLong(instance.getBusinessKey());
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("INSERT INTO EG_LEAD (CASE_ID, INSTITUTION_ID, SOURCE, SUBMITTED_BY, REPORTED_INSTITUTION_NAME, REGION_CODE,"
                + " DESCRIPTION, RECEIVED_AT, TRACKING_CODE, STATUS) SELECT ID, INSTITUTION_ID, 'PUBLIC_TIP', 'public', '某托老所',"
                + " REGION_CODE, '举报', OPENED_AT, ?, 'RECEIVED' FROM EG_CASE WHERE ID = ?")
            .params(code, caseId).update();

        complete(task(instance, LeadDisposalProcess.TASK_VERIFY_LEAD), OFFICER, VerificationFacts.registeredAndClean());
        complete(task(instance, LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT), LEADER,
            Map.of("signOffDecision", "APPROVE", "notes", "同意销号", "tipsterFeedback", ""));

        assertStatus(code, "CLOSED", "已办结");
        assertThat(status(code).path("feedback").asText()).isEqualTo(LeadFeedback.DEFAULT_CLOSED);
    }

    /** The upgrade withdraws officers' free text that earlier versions published at verification. */
    @Test
    void theMigrationWithdrawsUnapprovedFeedbackAlreadyPublished() throws Exception {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN);
        String code = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("INSERT INTO EG_LEAD (CASE_ID, INSTITUTION_ID, SOURCE, SUBMITTED_BY, REPORTED_INSTITUTION_NAME, REGION_CODE,"
                + " DESCRIPTION, RECEIVED_AT, TRACKING_CODE, STATUS, FEEDBACK) SELECT ID, INSTITUTION_ID, 'PUBLIC_TIP', 'public',"
                + " '某托老所', REGION_CODE, '举报', OPENED_AT, ?, 'VERIFIED', '经办人未经审核的反馈' FROM EG_CASE WHERE ID = ?")
            .params(code, Long.parseLong(instance.getBusinessKey())).update();

        jdbc.sql(new ClassPathResource("db/migration/V11__withdraw_unapproved_tipster_feedback.sql")
            .getContentAsString(StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("--"))
            .reduce("", (sql, line) -> sql + line + "\n").replace(";", "")).update();

        assertThat(status(code).path("feedback").asText()).isEqualTo(LeadFeedback.DEFAULT_VERIFIED);
    }

    private String publicTip(String venue) {
        return Api.anonymous(http).post("/public/api/tips", Map.of(
            "institution", Map.of("name", venue, "jurisdiction", DemoOrganisation.HEXICUN),
            "description", "托老所收取会员费，承诺返利"), CLIENT).ok().json().path("trackingCode").asText();
    }

    private ProcessInstance instanceOf(String venue) {
        return engine.getRuntimeService().createProcessInstanceQuery()
            .variableValueEquals(CaseProcessNames.VAR_INSTITUTION_NAME, venue).singleResult();
    }

    private void assertStatus(String code, String status, String label) {
        JsonNode json = status(code);
        assertThat(json.path("status").asText()).isEqualTo(status);
        assertThat(json.path("statusLabel").asText()).isEqualTo(label);
    }

    private JsonNode status(String code) {
        HttpHeaders headers = new HttpHeaders();
        CLIENT.forEach(headers::add);
        ResponseEntity<String> response = http.exchange("/public/api/tips/" + code, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        return new Api.Response(response.getStatusCode().value(), response.getBody()).ok().json();
    }

    private Task task(ProcessInstance instance, String key) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key).isNotNull();
        return task;
    }

    private void claim(Task task, String user) {
        Api.as(http, user, DemoOrganisation.PASSWORD).post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).ok();
    }

    private void complete(Task task, String user, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Api.as(http, user, DemoOrganisation.PASSWORD).post("/engine-rest/task/" + task.getId() + "/complete",
            Map.of("variables", variables)).ok();
    }
}
