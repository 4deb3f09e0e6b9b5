package cn.elderguard.lead;

import static cn.elderguard.lead.LeadDisposalProcess.*;
import static cn.elderguard.support.DemoOrganisation.CHENGGUAN;
import static cn.elderguard.support.DemoOrganisation.COUNTY;
import static cn.elderguard.support.DemoOrganisation.DONGJIE;
import static cn.elderguard.support.DemoOrganisation.HEXI;
import static cn.elderguard.support.DemoOrganisation.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.Agency;
import cn.elderguard.rating.TaskPriority;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.ProcessCoverage;
import cn.elderguard.support.VerificationFacts;

/**
 * Every path of LeadDisposal (and of the CaseHandOver it calls), with the unit each task is routed to.
 * The cases are elder-care venues in 东街社区: their sector unit is 城关镇民政办 (CIVIL_AFFAIRS-999001001000).
 * After all tests, every flow node and sequence flow of both models must have been passed (ProcessCoverageGate).
 */
@ElderGuardTest
@ProcessCoverage({ KEY, CaseHandOverProcess.KEY })
class LeadDisposalProcessTest {

    static final String CIVIL_AFFAIRS = "CIVIL_AFFAIRS-" + CHENGGUAN;
    static final String CIVIL_AFFAIRS_LEADERS = CIVIL_AFFAIRS + "-LEADER";
    static final String TOWN_CHUFEI = "CHUFEI_OFFICE-" + CHENGGUAN;

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aTaskFormResolvesToTheFormDeployedWithTheProcess() throws Exception {
        ProcessInstance instance = start();
        Task verify = task(TASK_VERIFY_LEAD, instance);
        try (InputStream form = engine.getFormService().getDeployedTaskForm(verify.getId())) {
            assertThat(json.readTree(form).path("id").asText()).isEqualTo(FORM_VERIFY_LEAD);
        }
        String deployment = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
        assertThat(engine.getRepositoryService().getDeploymentResourceNames(deployment)).contains(FORM_VERIFY_LEAD + ".form");
    }

    @Test
    void greenRoutineSupervisionClosesAfterTheLeadersSignOff() {
        ProcessInstance instance = start();
        assertThat(task(TASK_VERIFY_LEAD, instance)).hasCandidateGroup(CIVIL_AFFAIRS);
        assertThat(task(TASK_VERIFY_LEAD, instance).getPriority()).isEqualTo(TaskPriority.NOT_YET_RATED);

        verify(instance, VerificationFacts.registeredAndClean());

        assertThat(instance).hasPassed(TASK_RATE_RISK, TASK_SCORE_PRIORITY, TASK_RECORD_RATING).isWaitingAt(TASK_SIGN_OFF_CLOSE_OUT);
        assertThat(task(TASK_SIGN_OFF_CLOSE_OUT, instance).getPriority()).isBetween(TaskPriority.GREEN, TaskPriority.GREEN + 50);
        assertThat(task(TASK_SIGN_OFF_CLOSE_OUT, instance)).hasCandidateGroup(CIVIL_AFFAIRS_LEADERS);
        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("GREEN");
        signOff(instance, "APPROVE");

        assertThat(instance).hasPassed(TASK_CLOSE_CASE, END_EVENT_CASE_CLOSED).isEnded();
        assertThat(caseColumn(instance, "STATUS")).isEqualTo("CLOSED");
        assertThat(caseColumn(instance, "CASE_LIST")).isEqualTo("CLOSE_OUT");
        assertThat(upwardReports(instance)).isZero();
    }

    @Test
    void yellowIsWarnedAndSpotCheckedUntilACheckFindsNewFactsAndTheLeadIsReRated() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_BRANCHES_OPENED_12M, 4L));
        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("YELLOW");
        assertThat(caseColumn(instance, "CASE_LIST")).isEqualTo("RECTIFICATION");
        assertThat(upwardReports(instance)).as("county government and city civil affairs").isEqualTo(2);

        assertThat(task(TASK_ISSUE_RISK_WARNING, instance)).hasCandidateGroup(CIVIL_AFFAIRS);
        complete(task(TASK_ISSUE_RISK_WARNING, instance), withVariables(VAR_SPOT_CHECK_INTERVAL_DAYS, 30L, CaseProcessNames.VAR_NOTES, "已书面提示经营风险"));
        assertThat(instance).isWaitingAt(EVENT_SPOT_CHECK_DUE);
        execute(job(instance));
        complete(task(TASK_SPOT_CHECK, instance), withVariables(VAR_SPOT_CHECK_RESULT, "CONTINUE", CaseProcessNames.VAR_NOTES, "未见异常"));
        assertThat(instance).isWaitingAt(EVENT_SPOT_CHECK_DUE);
        execute(job(instance));
        complete(task(TASK_SPOT_CHECK, instance), withVariables(VAR_SPOT_CHECK_RESULT, "NEW_FACTS", CaseProcessNames.VAR_NOTES, "新开三家分店，收取会员费"));

        assertThat(instance).isWaitingAt(TASK_VERIFY_LEAD);
        verify(instance, VerificationFacts.with(VAR_PRINCIPAL_PROSECUTED, true, VAR_SUSPECTED_CRIME, false));
        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("ORANGE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_RATING WHERE CASE_ID = ?").param(caseId(instance)).query(Long.class).single())
            .isEqualTo(2);
    }

    @Test
    void yellowMonitoringEndsOnlyWhenTheLeaderSignsOff() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REPRESENTATIVE_OR_ADDRESS_CHANGES_24M, 2L));
        complete(task(TASK_ISSUE_RISK_WARNING, instance), withVariables(VAR_SPOT_CHECK_INTERVAL_DAYS, 10L, CaseProcessNames.VAR_NOTES, "风险提示"));
        execute(job(instance));
        complete(task(TASK_SPOT_CHECK, instance), withVariables(VAR_SPOT_CHECK_RESULT, "END_MONITORING", CaseProcessNames.VAR_NOTES, "已规范"));

        signOff(instance, "REJECT");
        assertThat(instance).isWaitingAt(TASK_VERIFY_LEAD);
        verify(instance, VerificationFacts.registeredAndClean());
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
    }

    @Test
    void orangeIsNotifiedInterviewedOrderedToRectifyAndRefundsInTranchesUntilTheTargetIsReached() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_PREPAID_FEES_YUAN, 900_000L, VAR_PREPAID_FEES_USE, "IRREGULAR"));
        assertThat(caseExplanation(instance)).isEqualTo("橙：大额预付费资金使用不规范，但资可抵债、运营比较平稳");

        assertThat(task(TASK_NOTIFY_GOVERNMENT, instance)).hasCandidateGroup(TOWN_CHUFEI);
        complete(task(TASK_NOTIFY_GOVERNMENT, instance), withVariables(CaseProcessNames.VAR_NOTES, "已向镇政府、县委政法委通报"));
        assertThat(task(TASK_CONDUCT_WARNING_INTERVIEW, instance)).hasCandidateGroup(CIVIL_AFFAIRS);
        complete(task(TASK_CONDUCT_WARNING_INTERVIEW, instance), withVariables(CaseProcessNames.VAR_NOTES, "约谈法定代表人"));
        complete(task(TASK_ORDER_RECTIFICATION, instance), withVariables(CaseProcessNames.VAR_NOTES, "限期整改并清退预付费",
            VAR_RECTIFICATION_DEADLINE, LocalDate.now().plusDays(30).toString(), VAR_REFUND_TARGET_YUAN, 100_000L, VAR_REFUND_TARGET_PEOPLE, 10L));
        refund(instance, 60_000L, 6L);
        assertThat(instance).isWaitingAt(TASK_RECORD_REFUND_TRANCHE);
        refund(instance, 40_000L, 4L);
        assertThat(instance).isWaitingAt(EVENT_RECTIFICATION_DEADLINE);
        assertThat(timeline.refunds(caseId(instance), TASK_RECORD_REFUND_TRANCHE))
            .isEqualTo(new CaseTimeline.Totals(new BigDecimal("100000.00"), 10));

        execute(job(instance));
        complete(task(TASK_VERIFY_RECTIFICATION, instance), withVariables(VAR_RECTIFICATION_RESULT, "PASSED", CaseProcessNames.VAR_NOTES, "整改到位"));
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
        assertThat(timeline.of(caseId(instance))).extracting(CaseEvent::title).anySatisfy(t -> assertThat(t).startsWith("WARNING_INTERVIEW"))
            .anySatisfy(t -> assertThat(t).startsWith("RECTIFICATION_ORDER")).anySatisfy(t -> assertThat(t).startsWith("SUPERVISED_REFUND"));
    }

    @Test
    void aFailedRectificationReRatesOrangeAsRedAndTheCaseGoesToThePoliceAndCivilAffairs() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_COMPLAINTS, 3L, VAR_PEOPLE_INVOLVED, 45L));
        complete(task(TASK_NOTIFY_GOVERNMENT, instance), withVariables(CaseProcessNames.VAR_NOTES, "通报"));
        complete(task(TASK_CONDUCT_WARNING_INTERVIEW, instance), withVariables(CaseProcessNames.VAR_NOTES, "约谈"));
        complete(task(TASK_ORDER_RECTIFICATION, instance), withVariables(CaseProcessNames.VAR_NOTES, "整改",
            VAR_RECTIFICATION_DEADLINE, LocalDate.now().plusDays(15).toString(), VAR_REFUND_TARGET_YUAN, 0L));
        execute(job(instance));
        complete(task(TASK_VERIFY_RECTIFICATION, instance), withVariables(VAR_RECTIFICATION_RESULT, "FAILED", CaseProcessNames.VAR_NOTES, "拒不整改"));

        assertThat(instance).hasPassed(TASK_ESCALATE_TO_RED);
        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("RED");
        assertThat(jdbc.sql("SELECT RISK_LEVEL FROM EG_RATING WHERE CASE_ID = ? ORDER BY ID").param(caseId(instance))
            .query(String.class).list()).containsExactly("ORANGE", "RED");
        // Red work comes first (docs/deadlines.md, "Priorities"), the police's hand-over included.
        assertThat(task(TASK_NOTIFY_COUNTY_GOVERNMENT, instance).getPriority()).isBetween(TaskPriority.RED, TaskPriority.RED + 50);

        completeRedMeasures(instance, "FILED");
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
    }

    @Test
    void aSuspectedCrimeGoesStraightToThePoliceWhoseRefusalReturnsTheCaseToAdministrativeDisposal() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_SUSPECTED_CRIME, true, VAR_RESIDENTS_HOUSED, 0L, VAR_PEOPLE_INVOLVED, 0L,
            VAR_STABILITY_HAZARD, true));
        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("RED");

        complete(task(TASK_NOTIFY_COUNTY_GOVERNMENT, instance), withVariables(CaseProcessNames.VAR_NOTES, "向县政府和政法委通报"));
        assertThat(instance).isWaitingAt(TASK_TRANSFER_TO_POLICE, TASK_CONTROL_STABILITY_RISK, TASK_CONTROL_STABILITY_RISK_PETITIONS);
        assertThat(instance).isNotWaitingAt(TASK_RESETTLE_RESIDENTS, TASK_PROVIDE_HARDSHIP_ASSISTANCE);
        confirmReceipt(instance, "PUBLIC_SECURITY-" + CHENGGUAN);
        assertThat(task(TASK_REPORT_POLICE_DECISION, instance)).hasCandidateGroup("PUBLIC_SECURITY-" + CHENGGUAN);
        complete(task(TASK_REPORT_POLICE_DECISION, instance), withVariables(VAR_POLICE_DECISION, "NOT_FILED", CaseProcessNames.VAR_NOTES, "证据不足，不予立案"));
        // One task per agency (decision 034): each says who did what on the timeline.
        assertThat(candidateGroups(task(TASK_CONTROL_STABILITY_RISK, instance))).containsExactly("POLITICAL_LEGAL-" + COUNTY);
        assertThat(candidateGroups(task(TASK_CONTROL_STABILITY_RISK_PETITIONS, instance))).containsExactly("PETITIONS-" + COUNTY);
        complete(task(TASK_CONTROL_STABILITY_RISK, instance), withVariables(CaseProcessNames.VAR_NOTES, "研判到位"));
        assertThat(instance).isNotWaitingAt(TASK_CONDUCT_WARNING_INTERVIEW);
        complete(task(TASK_CONTROL_STABILITY_RISK_PETITIONS, instance), withVariables(CaseProcessNames.VAR_NOTES, "接访稳控到位"));
        assertThat(timeline.of(caseId(instance))).filteredOn(event -> event.kind() == CaseEvent.Kind.MEASURE)
            .filteredOn(event -> event.taskKey().startsWith(TASK_CONTROL_STABILITY_RISK)).extracting(CaseEvent::agency, CaseEvent::notes)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("POLITICAL_LEGAL", "研判到位"),
                org.assertj.core.groups.Tuple.tuple("PETITIONS", "接访稳控到位"));

        assertThat(instance).isWaitingAt(TASK_CONDUCT_WARNING_INTERVIEW);
        complete(task(TASK_CONDUCT_WARNING_INTERVIEW, instance), withVariables(CaseProcessNames.VAR_NOTES, "约谈"));
        complete(task(TASK_ORDER_RECTIFICATION, instance), withVariables(CaseProcessNames.VAR_NOTES, "整改",
            VAR_RECTIFICATION_DEADLINE, LocalDate.now().plusDays(15).toString(), VAR_REFUND_TARGET_YUAN, 0L));
        execute(job(instance));
        complete(task(TASK_VERIFY_RECTIFICATION, instance), withVariables(VAR_RECTIFICATION_RESULT, "PASSED", CaseProcessNames.VAR_NOTES, "已整改"));
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
        assertThat(timeline.of(caseId(instance))).extracting(CaseEvent::kind)
            .contains(CaseEvent.Kind.HANDED_OVER, CaseEvent.Kind.RECEIVED);
    }

    @Test
    void anUnregisteredVenueWithoutLargeFeesIsUrgedToRegisterAndFollowedUpUntilItHas() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED, false, VAR_PREPAID_FEES_YUAN, 20_000L, VAR_PREPAID_FEES_USE, "OPERATIONS"));
        assertThat(instance).hasPassed(TASK_ASSESS_PREPAID_FEES);
        assertThat(upwardReports(instance)).as("unregistered venues are reported upward too").isEqualTo(2);

        assertThat(task(TASK_URGE_REGISTRATION, instance)).hasCandidateGroup(CIVIL_AFFAIRS);
        complete(task(TASK_URGE_REGISTRATION, instance), withVariables(VAR_FOLLOW_UP_DAYS, 30L, CaseProcessNames.VAR_NOTES, "督促办理民非登记"));
        execute(job(instance));
        complete(task(TASK_FOLLOW_UP_CHECK, instance), withVariables(VAR_FOLLOW_UP_RESULT, "NOT_YET", CaseProcessNames.VAR_NOTES, "材料准备中"));
        complete(task(TASK_URGE_REGISTRATION, instance), withVariables(VAR_FOLLOW_UP_DAYS, 15L, CaseProcessNames.VAR_NOTES, "再次督促"));
        execute(job(instance));
        complete(task(TASK_FOLLOW_UP_CHECK, instance), withVariables(VAR_FOLLOW_UP_RESULT, "NEW_FACTS", CaseProcessNames.VAR_NOTES, "发现收取会员费"));
        verify(instance, VerificationFacts.with(VAR_REGISTERED, false, VAR_PREPAID_FEES_YUAN, 30_000L, VAR_PREPAID_FEES_USE, "OPERATIONS"));
        complete(task(TASK_URGE_REGISTRATION, instance), withVariables(VAR_FOLLOW_UP_DAYS, 30L, CaseProcessNames.VAR_NOTES, "督促"));
        execute(job(instance));
        complete(task(TASK_FOLLOW_UP_CHECK, instance), withVariables(VAR_FOLLOW_UP_RESULT, "REGISTERED", CaseProcessNames.VAR_NOTES, "已取得登记证书"));
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
    }

    @Test
    void anUnregisteredPrivateNonEnterpriseWithLargeFeesRefundsAndGoesToSocialOrganisationRegistration() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED, false, VAR_LEGAL_FORM, "PRIVATE_NON_ENTERPRISE",
            VAR_PREPAID_FEES_YUAN, 600_000L, VAR_PREPAID_FEES_USE, "OPERATIONS"));
        complete(task(TASK_ORDER_REFUND, instance), withVariables(VAR_REFUND_DEADLINE, LocalDate.now().plusDays(30).toString(),
            CaseProcessNames.VAR_NOTES, "责令限期退还"));
        confirmReceipt(instance, "SOCIAL_ORG_REGISTRATION-" + COUNTY);
        assertThat(task(TASK_DISPOSE_UNREGISTERED_SOCIAL_ORG, instance)).hasCandidateGroup("SOCIAL_ORG_REGISTRATION-" + COUNTY);
        complete(task(TASK_DISPOSE_UNREGISTERED_SOCIAL_ORG, instance), withVariables(CaseProcessNames.VAR_NOTES, "依法取缔"));
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
    }

    @Test
    void anUnregisteredEnterpriseWithLargeFeesRefundsAndIsInvestigatedAndBannedByMarketRegulation() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED, false, VAR_LEGAL_FORM, "ENTERPRISE",
            VAR_PREPAID_FEES_YUAN, 750_000L, VAR_PREPAID_FEES_USE, "OPERATIONS"));
        complete(task(TASK_ORDER_REFUND, instance), withVariables(VAR_REFUND_DEADLINE, LocalDate.now().plusDays(30).toString(),
            CaseProcessNames.VAR_NOTES, "责令退还"));
        confirmReceipt(instance, "MARKET_REGULATION-" + CHENGGUAN);
        assertThat(task(TASK_INVESTIGATE_AND_BAN, instance)).hasCandidateGroup("MARKET_REGULATION-" + CHENGGUAN);
        complete(task(TASK_INVESTIGATE_AND_BAN, instance), withVariables(CaseProcessNames.VAR_NOTES, "查处取缔"));
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
    }

    @Test
    void anInstitutionRegisteredElsewhereIsSharedWithThatJurisdictionWhileItsDisposalGoesOn() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED_ELSEWHERE, HEXI));

        assertThat(task(TASK_CO_INVESTIGATE_CROSS_REGION, instance)).hasCandidateGroup("CHUFEI_OFFICE-" + HEXI);
        assertThat(instance).isWaitingAt(TASK_SIGN_OFF_CLOSE_OUT, TASK_CO_INVESTIGATE_CROSS_REGION);
        complete(task(TASK_CO_INVESTIGATE_CROSS_REGION, instance), withVariables(CaseProcessNames.VAR_NOTES, "登记地核查情况已反馈"));
        assertThat(instance).hasPassed(END_EVENT_CROSS_REGION_NOTED);
        // The provincial 处非办's copy is a task in its own inbox (with its mail), not only a line on the timeline.
        assertThat(task(TASK_ACKNOWLEDGE_CROSS_REGION_COPY, instance)).hasCandidateGroup("CHUFEI_OFFICE-" + PROVINCE);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), VAR_CROSS_REGION_NOTICE)).contains("河西镇综治办");
        complete(task(TASK_ACKNOWLEDGE_CROSS_REGION_COPY, instance), withVariables(CaseProcessNames.VAR_NOTES, "已阅知"));
        assertThat(instance).hasPassed(GATEWAY_CROSS_REGION_SHARE, END_EVENT_CROSS_REGION_COPY_READ);
        signOff(instance, "APPROVE");
        assertThat(instance).isEnded();
        assertThat(timeline.of(caseId(instance))).extracting(CaseEvent::title).anySatisfy(t -> assertThat(t).contains("抄送"));
    }

    @Test
    void anInstitutionRegisteredOutsideThisInstallationIsCoInvestigatedThroughTheProvincialChufeiOffice() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED_ELSEWHERE, "420102000000"));
        assertThat(task(TASK_CO_INVESTIGATE_CROSS_REGION, instance)).hasCandidateGroup("CHUFEI_OFFICE-" + PROVINCE);
        assertThat(instance).as("the provincial 处非办 co-investigates; it needs no copy besides")
            .isNotWaitingAt(TASK_ACKNOWLEDGE_CROSS_REGION_COPY);
    }

    @Test
    void promisedReturnsAreSuspectedIllegalFundraisingRatedRedAndHandedStraightToThePoliceThenClosedOut() {
        ProcessInstance instance = start();
        // A venue selling "养老公寓" investments with 12 % promised returns; nothing else found against it.
        verify(instance, VerificationFacts.with(VAR_PROMISED_RETURNS, true, VAR_RESIDENTS_HOUSED, 0L, VAR_PEOPLE_INVOLVED, 60L));

        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("RED");
        assertThat(caseExplanation(instance)).isEqualTo("红：以养老项目、养老公寓等名义承诺高额回报吸收资金，涉嫌非法集资");
        complete(task(TASK_NOTIFY_COUNTY_GOVERNMENT, instance), withVariables(CaseProcessNames.VAR_NOTES, "向县政府和政法委通报"));
        assertThat(instance).isWaitingAt(TASK_TRANSFER_TO_POLICE, TASK_PROVIDE_HARDSHIP_ASSISTANCE, TASK_CONTROL_STABILITY_RISK,
            TASK_CONTROL_STABILITY_RISK_PETITIONS);
        ProcessInstance handOver = calledProcessInstance(CaseHandOverProcess.KEY, instance);
        assertThat(engine.getRuntimeService().getVariable(handOver.getId(), CaseHandOverProcess.VAR_TO_AGENCY)).isEqualTo("PUBLIC_SECURITY");
        assertThat(engine.getRuntimeService().getVariable(handOver.getId(), CaseHandOverProcess.VAR_HAND_OVER_PURPOSE)).isEqualTo("TRANSFER_TO_POLICE");
        confirmReceipt(instance, "PUBLIC_SECURITY-" + CHENGGUAN);
        complete(task(TASK_REPORT_POLICE_DECISION, instance), withVariables(VAR_POLICE_DECISION, "FILED", CaseProcessNames.VAR_NOTES, "以涉嫌非法吸收公众存款立案"));
        complete(task(TASK_PROVIDE_HARDSHIP_ASSISTANCE, instance), withVariables(VAR_PEOPLE_ASSISTED, 8L, CaseProcessNames.VAR_NOTES, "纳入特困救助"));
        complete(task(TASK_CONTROL_STABILITY_RISK, instance), withVariables(CaseProcessNames.VAR_NOTES, "稳控"));
        complete(task(TASK_CONTROL_STABILITY_RISK_PETITIONS, instance), withVariables(CaseProcessNames.VAR_NOTES, "接访"));
        signOff(instance, "APPROVE");

        assertThat(instance).hasPassed(TASK_TRANSFER_TO_POLICE, TASK_CLOSE_CASE).isEnded();
        assertThat(caseColumn(instance, "STATUS")).isEqualTo("CLOSED");
        assertThat(timeline.of(caseId(instance))).extracting(CaseEvent::kind).contains(CaseEvent.Kind.HANDED_OVER, CaseEvent.Kind.RECEIVED);
    }

    @Test
    void largeFeesUsedIrregularlyByAnInstitutionNotOperatingStablyTakeTheOrangePath() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_PREPAID_FEES_YUAN, 900_000L, VAR_PREPAID_FEES_USE, "IRREGULAR", VAR_OPERATION_STABLE, false));

        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("ORANGE");
        assertThat(caseExplanation(instance)).isEqualTo("橙：大额预付费资金使用不规范，且运营不平稳");
        assertThat(instance).isWaitingAt(TASK_NOTIFY_GOVERNMENT);
        assertThat(task(TASK_NOTIFY_GOVERNMENT, instance)).hasCandidateGroup(TOWN_CHUFEI);
    }

    @Test
    void anUnregisteredEnterpriseWithLargeFeesIsShownAsAVenueWithItsMeasureUnderWayUntilCloseOut() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED, false, VAR_LEGAL_FORM, "ENTERPRISE",
            VAR_PREPAID_FEES_YUAN, 800_000L, VAR_PREPAID_FEES_USE, "OPERATIONS"));

        assertThat(caseExplanation(instance))
            .isEqualTo("未登记场所（未经登记从事养老服务）：已收取大额预付费，责令退还资金，属企业性质，移交市场监管部门依法查处、取缔")
            .doesNotContain("未发现风险隐患");
        assertThat(unregisteredVenue(instance)).isTrue();
        assertThat(measureUnderWay(instance)).isEqualTo("REFUND_ORDER 责令退还资金");

        complete(task(TASK_ORDER_REFUND, instance), withVariables(VAR_REFUND_DEADLINE, LocalDate.now().plusDays(30).toString(),
            CaseProcessNames.VAR_NOTES, "责令退还"));
        confirmReceipt(instance, "MARKET_REGULATION-" + CHENGGUAN);
        assertThat(measureUnderWay(instance)).isEqualTo("INVESTIGATE_AND_BAN 查处取缔");
        complete(task(TASK_INVESTIGATE_AND_BAN, instance), withVariables(CaseProcessNames.VAR_NOTES, "查处取缔"));
        signOff(instance, "APPROVE");

        assertThat(instance).isEnded();
        assertThat(unregisteredVenue(instance)).isTrue();
        assertThat(measureUnderWay(instance)).as("nothing under way once closed").isNull();
    }

    @Test
    void anUnregisteredVenueWithoutLargeFeesIsShownAsUrgedToRegister() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED, false, VAR_PREPAID_FEES_YUAN, 20_000L, VAR_PREPAID_FEES_USE, "OPERATIONS",
            VAR_BRANCHES_OPENED_12M, 3L));

        assertThat(caseColumn(instance, "RISK_LEVEL")).isEqualTo("YELLOW");
        assertThat(caseExplanation(instance)).isEqualTo(
            "未登记场所（未经登记从事养老服务）：未收取大额预付费，督促依法办理登记并跟踪检查；黄：近一年分支机构、服务网点扩张过快");
        assertThat(unregisteredVenue(instance)).isTrue();
        assertThat(measureUnderWay(instance)).isEqualTo("URGE_REGISTRATION 督促办理登记");
        complete(task(TASK_URGE_REGISTRATION, instance), withVariables(VAR_FOLLOW_UP_DAYS, 30L, CaseProcessNames.VAR_NOTES, "督促办理民非登记"));
        execute(job(instance));
        assertThat(measureUnderWay(instance)).isEqualTo("FOLLOW_UP_CHECK 跟踪检查");
    }

    @Test
    void anUnregisteredVenueSuspectedOfACrimeGoesDownTheRedPathAndSaysItIsAVenue() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.with(VAR_REGISTERED, false, VAR_SUSPECTED_CRIME, true, VAR_PREPAID_FEES_YUAN, 800_000L,
            VAR_PREPAID_FEES_USE, "OPERATIONS"));

        assertThat(caseExplanation(instance)).isEqualTo("红：涉嫌非法集资、诈骗等犯罪；未登记场所（未经登记从事养老服务）：按红色处置");
        assertThat(instance).isWaitingAt(TASK_NOTIFY_COUNTY_GOVERNMENT);
        assertThat(measureUnderWay(instance)).isEqualTo("LEAD_NOTIFICATION 向区县政府和政法机关通报线索");
    }

    @Test
    void aRegisteredInstitutionIsNotAVenueAndGreenStillMeansNothingWasFound() {
        ProcessInstance instance = start();
        verify(instance, VerificationFacts.registeredAndClean());

        assertThat(caseExplanation(instance)).isEqualTo("绿：未发现风险隐患");
        assertThat(unregisteredVenue(instance)).isFalse();
        assertThat(measureUnderWay(instance)).isNull();
    }

    // --- the walk's steps ----------------------------------------------------------------------------

    private ProcessInstance start() {
        return LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DONGJIE);
    }

    private void verify(ProcessInstance instance, Map<String, Object> facts) {
        assertThat(instance).isWaitingAt(TASK_VERIFY_LEAD);
        complete(task(TASK_VERIFY_LEAD, instance), facts);
    }

    private void signOff(ProcessInstance instance, String decision) {
        assertThat(instance).isWaitingAt(TASK_SIGN_OFF_CLOSE_OUT);
        complete(task(TASK_SIGN_OFF_CLOSE_OUT, instance), withVariables(VAR_SIGN_OFF_DECISION, decision, CaseProcessNames.VAR_NOTES, "审核意见"));
    }

    private void refund(ProcessInstance instance, long amount, long people) {
        assertThat(task(TASK_RECORD_REFUND_TRANCHE, instance)).hasCandidateGroup(CIVIL_AFFAIRS);
        complete(task(TASK_RECORD_REFUND_TRANCHE, instance), withVariables(CaseProcessNames.VAR_TRANCHE_AMOUNT_YUAN, amount, CaseProcessNames.VAR_TRANCHE_PEOPLE, people,
            VAR_TRANCHE_PAID_ON, LocalDate.now().toString()));
    }

    /** The receiving unit signs for the transfer in the called CaseHandOver process. */
    private void confirmReceipt(ProcessInstance instance, String receivingGroup) {
        ProcessInstance handOver = calledProcessInstance(CaseHandOverProcess.KEY, instance);
        assertThat(handOver).isWaitingAt(CaseHandOverProcess.TASK_CONFIRM_RECEIPT);
        // A hand-over's task has its case's priority.
        assertThat(task(CaseHandOverProcess.TASK_CONFIRM_RECEIPT, handOver).getPriority())
            .isEqualTo(TaskPriority.of(RiskLevel.valueOf((String) engine.getRuntimeService().getVariable(instance.getId(), VAR_RISK_LEVEL)),
                (Integer) engine.getRuntimeService().getVariable(instance.getId(), VAR_CASE_PRIORITY)));
        assertThat(task(CaseHandOverProcess.TASK_CONFIRM_RECEIPT, handOver)).hasCandidateGroup(receivingGroup);
        complete(task(CaseHandOverProcess.TASK_CONFIRM_RECEIPT, handOver), withVariables(CaseProcessNames.VAR_NOTES, "已签收，回执号 2026-001"));
        assertThat(handOver).isEnded();
    }

    private java.util.List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType())).map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
    }

    private void completeRedMeasures(ProcessInstance instance, String policeDecision) {
        assertThat(task(TASK_NOTIFY_COUNTY_GOVERNMENT, instance)).hasCandidateGroup(TOWN_CHUFEI);
        complete(task(TASK_NOTIFY_COUNTY_GOVERNMENT, instance), withVariables(CaseProcessNames.VAR_NOTES, "向县政府和政法委通报"));
        assertThat(instance).isWaitingAt(TASK_TRANSFER_TO_POLICE, TASK_RESETTLE_RESIDENTS, TASK_PROVIDE_HARDSHIP_ASSISTANCE,
            TASK_CONTROL_STABILITY_RISK, TASK_CONTROL_STABILITY_RISK_PETITIONS);
        confirmReceipt(instance, "PUBLIC_SECURITY-" + CHENGGUAN);
        complete(task(TASK_REPORT_POLICE_DECISION, instance), withVariables(VAR_POLICE_DECISION, policeDecision, CaseProcessNames.VAR_NOTES, "已立案侦查"));
        assertThat(task(TASK_RESETTLE_RESIDENTS, instance)).hasCandidateGroup(CIVIL_AFFAIRS);
        complete(task(TASK_RESETTLE_RESIDENTS, instance), withVariables(VAR_RESIDENTS_RESETTLED, 20L, CaseProcessNames.VAR_NOTES, "已妥善安置"));
        complete(task(TASK_PROVIDE_HARDSHIP_ASSISTANCE, instance), withVariables(VAR_PEOPLE_ASSISTED, 12L, CaseProcessNames.VAR_NOTES, "纳入低保"));
        complete(task(TASK_CONTROL_STABILITY_RISK, instance), withVariables(CaseProcessNames.VAR_NOTES, "稳控"));
        complete(task(TASK_CONTROL_STABILITY_RISK_PETITIONS, instance), withVariables(CaseProcessNames.VAR_NOTES, "接访"));
    }

    private long caseId(ProcessInstance instance) {
        return Long.parseLong(instance.getBusinessKey());
    }

    private String caseColumn(ProcessInstance instance, String column) {
        return jdbc.sql("SELECT " + column + " FROM EG_CASE WHERE ID = ?").param(caseId(instance)).query(String.class).single();
    }

    private String caseExplanation(ProcessInstance instance) {
        return jdbc.sql("SELECT REASONS FROM EG_RATING WHERE CASE_ID = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")
            .param(caseId(instance)).query(String.class).single();
    }

    private Boolean unregisteredVenue(ProcessInstance instance) {
        return jdbc.sql("SELECT UNREGISTERED_VENUE FROM EG_CASE WHERE ID = ?").param(caseId(instance)).query(Boolean.class).single();
    }

    /** "REFUND_ORDER 责令退还资金", or null when no measure is under way. */
    private String measureUnderWay(ProcessInstance instance) {
        String measure = jdbc.sql("SELECT CURRENT_MEASURE, CURRENT_MEASURE_NAME FROM EG_CASE WHERE ID = ?").param(caseId(instance))
            .query((rs, row) -> rs.getString(1) == null ? "" : rs.getString(1) + " " + rs.getString(2)).single();
        return measure.isEmpty() ? null : measure;
    }

    private long upwardReports(ProcessInstance instance) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_UPWARD_REPORT WHERE CASE_ID = ?").param(caseId(instance)).query(Long.class).single();
    }
}
