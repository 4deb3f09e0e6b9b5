package cn.elderguard.campaign;

import static cn.elderguard.campaign.CampaignProcess.*;
import static cn.elderguard.campaign.CampaignTestSupport.at;
import static cn.elderguard.campaign.CampaignTestSupport.endOf;
import static cn.elderguard.campaign.CampaignTestSupport.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.ProcessCoverage;
import cn.elderguard.system.Now;

/**
 * Whole campaigns through the calendars of the documents (docs/campaigns.md), with the engine clock moved month by month:
 * the April–October plan of docs/domain.md §2.1 (摸底排查 April / 打击整治 May–September / 总结提升 October) and the February–December one (动员部署 2/20–2/25 / 工作实施
 * 2/26–12/31). Every path of bpmn/Campaign.bpmn is walked: plans and reports accepted and returned, phases ending on
 * their dates and closed early, months skipped after an early end, urgent reports with and without a 处非办 above.
 */
@ElderGuardTest
@ProcessCoverage(KEY)
class CampaignProcessTest {

    private static final String COUNTY = DemoOrganisation.COUNTY;
    private static final String HEXI = DemoOrganisation.HEXI;
    private static final String CHENGGUAN = DemoOrganisation.CHENGGUAN;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignLaunch launch;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignRepository repository;

    @Autowired
    CampaignTemplates templates;

    @Autowired
    CampaignEngine campaignEngine;

    CampaignTestSupport support;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        support = new CampaignTestSupport(engine, jdbc);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void seed002CalendarMonthByMonthWithAReturnedPlanALateUnitAndTheSummaryDueWhenConfigured() {
        ZonedDateTime launchedAt = at(2026, 4, 10, 9);
        ClockUtil.setCurrentTime(Date.from(launchedAt.toInstant()));
        loggedIn("cg_zzb");
        List<Agency> agencies = List.of(Agency.values());
        List<JurisdictionLevel> levels = List.of(JurisdictionLevel.TOWN, JurisdictionLevel.VILLAGE);
        Campaign campaign = launch.launch(new CampaignInput("2026 年城关镇养老领域打击整治专项行动", CHENGGUAN, "APRIL_TO_OCTOBER",
            phases("APRIL_TO_OCTOBER", launchedAt.toLocalDate(), 2026), new CampaignInput.Units(agencies, levels), null, null, LocalDate.of(2026, 11, 15)));
        String pid = campaign.processInstanceId();
        List<String> units = unitsComputedInTheTest(CHENGGUAN, agencies, levels);
        assertThat(campaign.unitCount()).isEqualTo(units.size()).isEqualTo(6);

        support.advanceTo(launchedAt, pid);
        assertThat(support.tasks(pid, TASK_FILE_PLAN)).hasSize(units.size());
        assertThat(support.tasks(pid, TASK_FILE_PLAN)).allSatisfy(task ->
            assertThat(task.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30))));
        assertThat(reportTasks(pid, "2026-04")).as("April has a report: its 21st falls after the launch").hasSize(units.size());

        // Plans: the first unit's is returned with comments and a new date, the rest are accepted.
        String returnedUnit = units.get(0);
        fileAndReviewPlans(campaign, units, returnedUnit);

        // Phases change on their dates; every month the campaign runs asks each unit for one report before the 22nd.
        String lateUnit = units.get(units.size() - 1);
        List<String> months = new ArrayList<>();
        for (YearMonth month = YearMonth.of(2026, 4); !month.isAfter(YearMonth.of(2026, 10)); month = month.plusMonths(1)) {
            ZonedDateTime opens = month.equals(YearMonth.of(2026, 4)) ? launchedAt : month.atDay(1).atStartOfDay(Now.zone());
            support.advanceTo(opens, pid);
            List<Task> reports = reportTasks(pid, month.toString());
            Date due = endOf(month.atDay(21));
            assertThat(reports).as("reports of " + month).hasSize(units.size());
            assertThat(reports).allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(due));
            months.add(month.toString());
            if (month.equals(YearMonth.of(2026, 4))) {
                support.advanceTo(at(2026, 4, 15, 0), pid);
                assertThat(phase(campaign, 0).startedAt()).as("摸底排查 began on 15 April").isEqualTo(at(2026, 4, 15, 0).toInstant());
            }
            support.advanceTo(month.atDay(month.equals(YearMonth.of(2026, 4)) ? 16 : 10).atStartOfDay(Now.zone()).plusHours(10), pid);
            for (Task report : reports) {
                if (!unitOf(report).equals(lateUnit)) {
                    fileReport(report);
                }
            }
            support.advanceTo(month.atEndOfMonth().atStartOfDay(Now.zone()).plusHours(12), pid);
            fileReport(reportTasks(pid, month.toString()).stream().filter(task -> unitOf(task).equals(lateUnit)).findFirst().orElseThrow());
            support.tasks(pid, TASK_REVIEW_MONTHLY_REPORT).forEach(review -> support.complete("cg_zzb", review, Map.of(VAR_REVIEW_DECISION, "ACCEPT")));
        }
        assertThat(months).hasSize(7);
        assertThat(phase(campaign, 1).startedAt()).as("打击整治 began on 1 May").isEqualTo(at(2026, 5, 1, 0).toInstant());
        assertThat(phase(campaign, 0).endedAt()).isEqualTo(at(2026, 5, 1, 0).toInstant());
        assertThat(phase(campaign, 2).startedAt()).as("总结提升 began on 1 October").isEqualTo(at(2026, 10, 1, 0).toInstant());

        // Late reports escalated: two steps a month (at due, three working days later) against the late unit, none against the others.
        String[] late = lateUnit.split("@");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_ESCALATION E JOIN EG_TASK_DEADLINE D ON D.TASK_ID = E.TASK_ID"
                + " WHERE D.PROCESS_INSTANCE_ID = ? AND E.STEP >= 1 AND E.AGENCY = ? AND E.REGION_CODE = ? AND E.TASK_KEY = ?")
            .params(pid, late[0], late[1], TASK_SUBMIT_MONTHLY_REPORT).query(Integer.class).single()).isGreaterThanOrEqualTo(2 * 7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_ESCALATION E JOIN EG_TASK_DEADLINE D ON D.TASK_ID = E.TASK_ID"
                + " WHERE D.PROCESS_INSTANCE_ID = ? AND E.STEP >= 1 AND NOT (E.AGENCY = ? AND E.REGION_CODE = ?) AND E.TASK_KEY = ?")
            .params(pid, late[0], late[1], TASK_SUBMIT_MONTHLY_REPORT).query(Integer.class).single()).isZero();
        assertThat(support.duty(campaign.id(), late[0], late[1], DutyKind.MONTHLY_REPORT, "2026-06").get("FILED_AT"))
            .as("filed after its due date: on record for the assessment").isNotNull();

        // The last phase opened the summaries: each unit's, and the office's, due when configured.
        List<Task> unitSummaries = support.tasks(pid, TASK_FILE_UNIT_SUMMARY);
        assertThat(unitSummaries).hasSize(units.size()).allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 10, 31))));
        Task compile = support.tasks(pid, TASK_COMPILE_SUMMARY).get(0);
        assertThat(compile.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 11, 15)));
        assertThat(support.candidateGroups(compile)).contains(GroupIds.officers(Agency.CHUFEI_OFFICE, RegionCode.of(CHENGGUAN)));

        // An urgent report reaches the office and the county's 处非办 above it.
        campaignEngine.reportUrgent(campaign, 1L, "东街社区网格员：某养老院大额预收费，已无法兑付");
        Task handle = support.tasks(pid, TASK_HANDLE_URGENT_REPORT).get(0);
        Task read = support.tasks(pid, TASK_READ_URGENT_REPORT).get(0);
        assertThat(support.candidateGroups(read)).contains(GroupIds.officers(Agency.CHUFEI_OFFICE, RegionCode.of(COUNTY)));
        support.complete("cg_zzb", handle, Map.of(VAR_HANDLING_NOTES, "已会同公安、民政连夜核查，稳控老人情绪"));
        support.complete("xian_cfb", read, Map.of());

        unitSummaries.forEach(task -> support.complete(officerOf(task), task, Map.of(VAR_UNIT_SUMMARY_TEXT, "本单位总结：排查机构 3 家，发现风险 1 起")));
        support.complete("cg_zzb", compile, summarySections());
        support.advanceTo(at(2026, 11, 1, 0), pid);

        assertThat(repository.find(campaign.id()).orElseThrow().status()).isEqualTo(Campaign.Status.ENDED);
        assertThat(phase(campaign, 2).endedAt()).isEqualTo(at(2026, 11, 1, 0).toInstant());
        assertThat(jdbc.sql("SELECT CONTENT FROM EG_CAMPAIGN_DUTY WHERE CAMPAIGN_ID = ? AND KIND = 'SUMMARY'").param(campaign.id())
            .query(String.class).single()).contains("\"overall\"").contains("总体风险可控");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).as("the campaign's process has ended").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_DUTY WHERE CAMPAIGN_ID = ? AND KIND = 'MONTHLY_REPORT'").param(campaign.id())
            .query(Integer.class).single()).isEqualTo(7 * units.size());
    }

    @Test
    void seed004CalendarElevenMonthsAndTheSummaryOpensWithTheLastPhase() {
        ZonedDateTime launchedAt = at(2026, 2, 20, 8);
        ClockUtil.setCurrentTime(Date.from(launchedAt.toInstant()));
        loggedIn("hx_zzb");
        Campaign campaign = launch.launch(new CampaignInput("双桥模式 2026 年防范和处置非法集资工作", HEXI, "FEBRUARY_TO_DECEMBER",
            phases("FEBRUARY_TO_DECEMBER", launchedAt.toLocalDate(), 2026), null, null, null, LocalDate.of(2027, 1, 15)));
        String pid = campaign.processInstanceId();
        List<String> units = unitsComputedInTheTest(HEXI, List.of(Agency.values()), List.of(JurisdictionLevel.TOWN, JurisdictionLevel.VILLAGE));
        assertThat(campaign.unitCount()).isEqualTo(units.size());
        support.advanceTo(launchedAt, pid);
        assertThat(support.tasks(pid, TASK_FILE_PLAN)).as("plans due at the end of 动员部署").hasSize(units.size())
            .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 2, 25))));
        fileAndReviewPlans(campaign, units, null);

        support.advanceTo(at(2026, 2, 26, 0), pid);
        assertThat(phase(campaign, 1).startedAt()).isEqualTo(at(2026, 2, 26, 0).toInstant());
        assertThat(support.tasks(pid, TASK_FILE_UNIT_SUMMARY)).as("工作实施 is the last phase: the summaries open with it").hasSize(units.size());

        int months = 0;
        for (YearMonth month = YearMonth.of(2026, 2); !month.isAfter(YearMonth.of(2026, 12)); month = month.plusMonths(1)) {
            support.advanceTo(month.equals(YearMonth.of(2026, 2)) ? at(2026, 2, 26, 2) : month.atDay(1).atStartOfDay(Now.zone()), pid);
            List<Task> reports = reportTasks(pid, month.toString());
            assertThat(reports).as("reports of " + month).hasSize(units.size());
            if (month.equals(YearMonth.of(2026, 3))) {
                // Two leads registered in 河西村 this month: 河西村's grid workers see them counted in their report as they file.
                support.advanceTo(at(2026, 3, 9, 10), pid);
                registerLead(DemoOrganisation.HEXICUN, "GRID_PATROL");
                registerLead(DemoOrganisation.HEXICUN, "PUBLIC_TIP");
                Task hexicun = support.taskOf(pid, TASK_SUBMIT_MONTHLY_REPORT, Agency.GRID_WORKER.name(), DemoOrganisation.HEXICUN);
                fileReport(hexicun);
                assertThat(engine.getRuntimeService().getVariable(hexicun.getExecutionId(), VAR_FIG_LEADS)).isEqualTo(2L);
                assertThat((String) engine.getRuntimeService().getVariable(hexicun.getExecutionId(), VAR_FIG_LEADS_BY_SOURCE)).contains("网格巡查 1", "群众举报 1");
                assertThat((String) support.duty(campaign.id(), Agency.GRID_WORKER.name(), DemoOrganisation.HEXICUN, DutyKind.MONTHLY_REPORT, "2026-03")
                    .get("FIGURES")).contains("\"leads\":2");
                reports = reportTasks(pid, month.toString());
            }
            reports.forEach(this::fileReport);
            if (month.equals(YearMonth.of(2026, 3))) {
                // The office returns one report for more detail: it comes back to its unit with the comments, due when the office says.
                Task review = support.tasks(pid, TASK_REVIEW_MONTHLY_REPORT).get(0);
                String unit = unitOf(review);
                support.complete("hx_zzb", review, Map.of(VAR_REVIEW_DECISION, "RETURN", VAR_REVIEW_COMMENTS, "请补充入户排查户数",
                    VAR_RESUBMIT_BY, "2026-03-27"));
                support.advanceTo(Now.local(), pid);
                Task again = support.taskOf(pid, TASK_SUBMIT_MONTHLY_REPORT, unit.split("@")[0], unit.split("@")[1]);
                assertThat(again.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 27)));
                assertThat(engine.getTaskService().getVariable(again.getId(), VAR_REVIEW_COMMENTS)).isEqualTo("请补充入户排查户数");
                fileReport(again);
            }
            support.tasks(pid, TASK_REVIEW_MONTHLY_REPORT).forEach(review -> support.complete("hx_zzb", review, Map.of(VAR_REVIEW_DECISION, "ACCEPT")));
            months++;
        }
        assertThat(months).isEqualTo(11);
        support.advanceTo(at(2026, 12, 20, 9), pid);
        assertThat(support.tasks(pid, TASK_FILE_UNIT_SUMMARY)).hasSize(units.size());
        support.tasks(pid, TASK_FILE_UNIT_SUMMARY).forEach(task -> support.complete(officerOf(task), task, Map.of(VAR_UNIT_SUMMARY_TEXT, "全年工作总结")));
        Task compile = support.tasks(pid, TASK_COMPILE_SUMMARY).get(0);
        assertThat(compile.getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 1, 15)));
        support.complete("hx_zzb", compile, summarySections());
        support.advanceTo(at(2027, 1, 1, 0), pid);
        assertThat(repository.find(campaign.id()).orElseThrow().status()).isEqualTo(Campaign.Status.ENDED);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    }

    @Test
    void theOfficeClosesPhasesEarlyLaterMonthsAreSkippedAndAProvinceHasNoOfficeAbove() {
        ZonedDateTime launchedAt = at(2026, 6, 1, 9);
        ClockUtil.setCurrentTime(Date.from(launchedAt.toInstant()));
        loggedIn("sheng_cfb");
        List<JurisdictionLevel> levels = List.of(JurisdictionLevel.CITY, JurisdictionLevel.COUNTY);
        Campaign campaign = launch.launch(new CampaignInput("示范省养老诈骗专项整治", DemoOrganisation.PROVINCE, "STANDARD",
            phases("STANDARD", launchedAt.toLocalDate(), 2026), new CampaignInput.Units(List.of(Agency.CHUFEI_OFFICE), levels), null, null,
            LocalDate.of(2026, 12, 10)));
        String pid = campaign.processInstanceId();
        List<String> units = unitsComputedInTheTest(DemoOrganisation.PROVINCE, List.of(Agency.CHUFEI_OFFICE), levels);
        assertThat(units).hasSize(2);
        support.advanceTo(launchedAt, pid);
        fileAndReviewPlans(campaign, units, null);
        reportTasks(pid, "2026-06").forEach(this::fileReport);
        support.tasks(pid, TASK_REVIEW_MONTHLY_REPORT).forEach(review -> support.complete("sheng_cfb", review, Map.of(VAR_REVIEW_DECISION, "ACCEPT")));

        // An urgent report at province level has no 处非办 above to read it.
        campaignEngine.reportUrgent(campaign, 2L, "示范市处非办：发现跨省养老投资平台");
        assertThat(support.tasks(pid, TASK_READ_URGENT_REPORT)).isEmpty();
        support.complete("sheng_cfb", support.tasks(pid, TASK_HANDLE_URGENT_REPORT).get(0), Map.of(VAR_HANDLING_NOTES, "已通报公安机关"));

        // 宣传发动 closed early on 10 June: recorded with who did it, and 排查化解 starts at once.
        support.advanceTo(at(2026, 6, 10, 9), pid);
        campaigns.closePhase(campaign.id());
        support.advanceTo(at(2026, 6, 10, 9), pid);
        assertThat(phase(campaign, 0).closedEarlyBy()).isEqualTo("sheng_cfb");
        assertThat(phase(campaign, 0).endedAt()).isEqualTo(at(2026, 6, 10, 9).toInstant());
        assertThat(phase(campaign, 1).startedAt()).as("the next phase starts when the office ends one early").isEqualTo(at(2026, 6, 10, 9).toInstant());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_MAIL WHERE KIND = 'UNIT_NOTICE' AND SUBJECT LIKE ?").param("%示范省养老诈骗专项整治」进入排查化解阶段%")
            .query(Integer.class).single()).as("the change is announced to the participating units").isPositive();

        support.advanceTo(at(2026, 6, 20, 9), pid);
        campaigns.closePhase(campaign.id());
        support.advanceTo(at(2026, 6, 20, 9), pid);
        assertThat(support.tasks(pid, TASK_FILE_UNIT_SUMMARY)).hasSize(2);
        support.advanceTo(at(2026, 6, 25, 9), pid);
        campaigns.closePhase(campaign.id());
        support.advanceTo(at(2026, 6, 25, 9), pid);
        assertThat(repository.find(campaign.id()).orElseThrow().status()).isEqualTo(Campaign.Status.ENDED);

        // July's round finds the campaign ended: no more reports.
        support.advanceTo(at(2026, 7, 1, 1), pid);
        assertThat(reportTasks(pid, "2026-07")).isEmpty();
        support.tasks(pid, TASK_FILE_UNIT_SUMMARY).forEach(task -> support.complete(officerOf(task), task, Map.of(VAR_UNIT_SUMMARY_TEXT, "总结")));
        support.complete("sheng_cfb", support.tasks(pid, TASK_COMPILE_SUMMARY).get(0), summarySections());
        support.advanceTo(at(2026, 12, 1, 1), pid);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    }

    // ---- helpers

    private List<CampaignInput.Phase> phases(String template, LocalDate launchDay, int year) {
        return templates.find(template).orElseThrow().dated(launchDay, year).stream()
            .map(phase -> new CampaignInput.Phase(phase.code(), phase.label(), phase.startsOn(), phase.endsOn())).toList();
    }

    /** The units that should take part, read from the organisation tables by the test itself. */
    private List<String> unitsComputedInTheTest(String owner, List<Agency> agencies, List<JurisdictionLevel> levels) {
        RegionCode region = RegionCode.of(owner);
        return jdbc.sql("SELECT U.AGENCY, U.REGION_CODE, J.LEVEL FROM EG_UNIT U JOIN EG_JURISDICTION J ON J.REGION_CODE = U.REGION_CODE"
                + " WHERE U.REGION_CODE LIKE ? ORDER BY U.REGION_CODE, U.AGENCY")
            .param(region.prefix() + "%").query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list().stream()
            .filter(row -> agencies.contains(Agency.valueOf(row[0])) && levels.contains(JurisdictionLevel.valueOf(row[2])))
            .filter(row -> !(row[0].equals(Agency.CHUFEI_OFFICE.name()) && row[1].equals(owner)))
            .map(row -> row[0] + "@" + row[1]).toList();
    }

    private void fileAndReviewPlans(Campaign campaign, List<String> units, String returnedUnit) {
        String pid = campaign.processInstanceId();
        String office = officeUser(campaign);
        for (Task plan : support.tasks(pid, TASK_FILE_PLAN)) {
            support.complete(officerOf(plan), plan, Map.of(VAR_PLAN_TEXT, "本单位实施方案：摸清底数、压实责任"));
        }
        for (Task review : support.tasks(pid, TASK_REVIEW_PLAN)) {
            boolean returned = unitOf(review).equals(returnedUnit);
            support.complete(office, review, returned
                ? Map.of(VAR_REVIEW_DECISION, "RETURN", VAR_REVIEW_COMMENTS, "风险点不准，请补充辖区养老机构清单", VAR_RESUBMIT_BY, Now.today().plusDays(5).toString())
                : Map.of(VAR_REVIEW_DECISION, "ACCEPT"));
        }
        if (returnedUnit != null) {
            String[] unit = returnedUnit.split("@");
            support.advanceTo(Now.local(), pid);
            Task again = support.taskOf(pid, TASK_FILE_PLAN, unit[0], unit[1]);
            assertThat(engine.getTaskService().getVariable(again.getId(), VAR_REVIEW_COMMENTS)).isEqualTo("风险点不准，请补充辖区养老机构清单");
            assertThat(again.getDueDate()).isEqualTo(endOf(Now.today().plusDays(5)));
            assertThat(support.candidateGroups(again)).contains(GroupIds.officers(Agency.valueOf(unit[0]), RegionCode.of(unit[1])));
            support.complete(officerOf(again), again, Map.of(VAR_PLAN_TEXT, "修改后的实施方案：附机构清单"));
            support.complete(office, support.tasks(pid, TASK_REVIEW_PLAN).get(0), Map.of(VAR_REVIEW_DECISION, "ACCEPT"));
            Map<String, Object> duty = support.duty(campaign.id(), unit[0], unit[1], DutyKind.PLAN, DutyKind.ONCE);
            assertThat(duty.get("RETURNED_COUNT")).isEqualTo(1);
            assertThat(duty.get("ACCEPTED_AT")).isNotNull();
            assertThat(duty.get("CONTENT")).isEqualTo("修改后的实施方案：附机构清单");
        }
        assertThat(support.tasks(pid, TASK_FILE_PLAN)).isEmpty();
        assertThat(support.tasks(pid, TASK_REVIEW_PLAN)).isEmpty();
    }

    /** A lead as intake stores it, received now (engine clock), about a new institution of {@code region}. */
    private void registerLead(String region, String source) {
        long caseId = cn.elderguard.support.LeadDisposalStarter.openCase(engine, Agency.CIVIL_AFFAIRS, region, "月报测试机构-" + System.nanoTime());
        long institution = jdbc.sql("SELECT INSTITUTION_ID FROM EG_CASE WHERE ID = ?").param(caseId).query(Long.class).single();
        jdbc.sql("INSERT INTO EG_LEAD (CASE_ID, INSTITUTION_ID, SOURCE, SUBMITTED_BY, REPORTED_INSTITUTION_NAME, REGION_CODE, DESCRIPTION,"
                + " RECEIVED_AT, STATUS) VALUES (?, ?, ?, 'hexicun_wgy', '月报测试机构', ?, '收取大额预付费', ?, 'RECEIVED')")
            .params(caseId, institution, source, region, Now.timestamp()).update();
    }

    private void fileReport(Task report) {
        support.complete(officerOf(report), report, Map.of(VAR_REPORT_TEXT, "本月开展入户排查，未发现新增风险"));
    }

    private List<Task> reportTasks(String pid, String period) {
        return support.tasks(pid, TASK_SUBMIT_MONTHLY_REPORT).stream()
            .filter(task -> period.equals(engine.getTaskService().getVariable(task.getId(), VAR_REPORT_PERIOD))).toList();
    }

    private String unitOf(Task task) {
        return engine.getTaskService().getVariable(task.getId(), VAR_UNIT_AGENCY) + "@"
            + engine.getTaskService().getVariable(task.getId(), VAR_UNIT_JURISDICTION);
    }

    /** Someone of the unit's own officers (the engine checks no candidacy on complete; the record names them). */
    private String officerOf(Task task) {
        String[] unit = unitOf(task).split("@");
        return jdbc.sql("SELECT USER_ID FROM EG_PERSON WHERE AGENCY = ? AND REGION_CODE = ? AND ROLE = 'OFFICER' ORDER BY USER_ID FETCH FIRST 1 ROWS ONLY")
            .params(unit[0], unit[1]).query(String.class).optional().orElse("unit-officer");
    }

    private String officeUser(Campaign campaign) {
        return jdbc.sql("SELECT USER_ID FROM EG_PERSON WHERE AGENCY = 'CHUFEI_OFFICE' AND REGION_CODE = ? AND ROLE = 'OFFICER' ORDER BY USER_ID FETCH FIRST 1 ROWS ONLY")
            .param(campaign.ownerRegion().value()).query(String.class).single();
    }

    private CampaignPhase phase(Campaign campaign, int no) {
        return repository.phases(campaign.id()).get(no);
    }

    private static Map<String, Object> summarySections() {
        return Map.of(VAR_SUMMARY_OVERALL, "总体风险可控", VAR_SUMMARY_DISTRIBUTION, "集中在民办养老机构", VAR_SUMMARY_CAUSES, "预收费监管不足",
            VAR_SUMMARY_TYPICAL_CASES, "某养老院会员卡案", VAR_SUMMARY_NEXT_MEASURES, "健全预收费资金监管");
    }
}
