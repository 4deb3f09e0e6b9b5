package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.support.KeptWeekRows;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.system.GeneratedIds;
import cn.elderguard.system.Now;

/**
 * The console's unit assessment (docs/assessment.md, "Console assessment") over deadlines, escalation steps and
 * campaign duties this test writes as the deadline and campaign modules write them, for four units of a town of its
 * own, with rows just outside the period that must not count. Each unit's figures and score are the test's own sums.
 */
@ElderGuardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentConsoleTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    String tag;
    RegionCode town;
    RegionCode village1;
    RegionCode village2;
    LocalDate from;
    LocalDate to;
    Instant now;
    long campaign;
    int taskNo;
    final List<Expected> expected = new ArrayList<>();

    /** What the test seeded for one unit, and its score by the documented rule, computed here. */
    record Expected(Agency agency, RegionCode region, String name, int due, int onTime, int late, int overdue, int notYetDue,
                    int escalations, int dutiesOnTime, int dutiesLate, int dutiesMissing) {

        BigDecimal score() {
            int counted = onTime + late + overdue + dutiesOnTime + dutiesLate + dutiesMissing;
            double punctual = counted == 0 ? 80 : 80.0 * (onTime + dutiesOnTime + 0.5 * (late + dutiesLate)) / counted;
            return BigDecimal.valueOf(punctual + Math.max(0, 20 - 2 * escalations)).setScale(1, RoundingMode.HALF_UP);
        }
    }

    @BeforeAll
    void seed() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        town = freshTown();
        village1 = RegionCode.of(town.prefix() + "001");
        village2 = RegionCode.of(town.prefix() + "002");
        jurisdiction(town, "考核测试镇" + tag, "TOWN", DemoOrganisation.COUNTY);
        jurisdiction(village1, "考核一村" + tag, "VILLAGE", town.value());
        jurisdiction(village2, "考核二村" + tag, "VILLAGE", town.value());
        now = Instant.now();
        from = LocalDate.now(Now.zone()).minusDays(30);
        to = LocalDate.now(Now.zone()).plusDays(10);
        campaign = campaign();

        // A: 3 on time, 1 late, 1 overdue, 1 not yet due; 2 escalation steps; duties: 1 on time, 1 missing, 1 not yet due.
        Expected a = unit(Agency.CIVIL_AFFAIRS, town, "考核民政办" + tag, 6, 3, 1, 1, 1, 2, 1, 0, 1);
        for (int i = 0; i < 3; i++) {
            task(a, day(-20), day(-21));
        }
        task(a, day(-15), day(-10));
        task(a, day(-5), null);
        task(a, day(5), null);
        task(a, day(-40), day(-35));
        task(a, day(15), null);
        escalation(a, day(-4), "ESCALATION");
        escalation(a, day(-3), "ESCALATION");
        escalation(a, day(-6), "REMINDER");
        escalation(a, day(-45), "ESCALATION");
        duty(a, "PLAN", "", day(-25), day(-26));
        duty(a, "MONTHLY_REPORT", "m1", day(-10), null);
        duty(a, "UNIT_SUMMARY", "", day(3), null);
        duty(a, "SUMMARY", "", day(-10), null);
        // B: 2 on time, nothing else: full marks.
        Expected b = unit(Agency.MARKET_REGULATION, village1, "考核市场监管所" + tag, 2, 2, 0, 0, 0, 0, 0, 0, 0);
        task(b, day(-8), day(-9));
        task(b, day(-7), day(-7));
        // C: 1 overdue, 12 escalation steps: nothing left.
        Expected c = unit(Agency.GRID_WORKER, village2, "考核网格员" + tag, 1, 0, 0, 1, 0, 12, 0, 0, 0);
        task(c, day(-12), null);
        for (int i = 0; i < 12; i++) {
            escalation(c, day(-11).plus(Duration.ofMinutes(i)), "ESCALATION");
        }
        // E: only an escalation step in the period (its task was due before it).
        Expected e = unit(Agency.PUBLIC_SECURITY, village2, "考核派出所" + tag, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        escalation(e, day(-2), "ESCALATION");
        expected.sort(Comparator.comparing(Expected::score).reversed().thenComparing(Expected::name));
        assertThat(expected.stream().map(Expected::name).toList()).as("the test's own ranking")
            .containsExactly(b.name(), e.name(), a.name(), c.name());
    }

    @Test
    void everyUnitsFiguresAndScoreAreTheTestsOwn() {
        List<JsonNode> rows = pages("xian_cfb", "/api/console/assessment?region=" + town.value() + "&from=" + from + "&to=" + to + "&", 3);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            Expected unit = expected.get(i);
            assertThat(row.path("rank").asInt()).isEqualTo(i + 1);
            assertThat(row.path("unitName").asText()).isEqualTo(unit.name());
            assertThat(row.path("agency").asText()).isEqualTo(unit.agency().name());
            assertThat(row.path("region").asText()).isEqualTo(unit.region().value());
            assertThat(List.of(row.path("tasksDue").asInt(), row.path("tasksOnTime").asInt(), row.path("tasksLate").asInt(),
                    row.path("tasksOverdue").asInt(), row.path("tasksNotYetDue").asInt(), row.path("escalations").asInt(),
                    row.path("dutiesOnTime").asInt(), row.path("dutiesLate").asInt(), row.path("dutiesMissing").asInt()))
                .as(unit.name())
                .containsExactly(unit.due(), unit.onTime(), unit.late(), unit.overdue(), unit.notYetDue(), unit.escalations(),
                    unit.dutiesOnTime(), unit.dutiesLate(), unit.dutiesMissing());
            assertThat(row.path("score").decimalValue()).as(unit.name()).isEqualByComparingTo(unit.score());
        }
        assertThat(expected.get(2).score()).as("the documented example's arithmetic").isEqualByComparingTo("67.4");

        // One village's own units; one agency over the subtree.
        List<JsonNode> village = pages("xian_cfb", "/api/console/assessment?region=" + village1.value() + "&exact=true&from=" + from
            + "&to=" + to + "&", 50);
        assertThat(village.stream().map(row -> row.path("unitName").asText()).toList()).containsExactly(expected.get(0).name());
        List<JsonNode> civil = pages("xian_cfb", "/api/console/assessment?region=" + town.value() + "&agency=CIVIL_AFFAIRS&from=" + from
            + "&to=" + to + "&", 50);
        assertThat(civil.stream().map(row -> row.path("unitName").asText()).toList()).containsExactly(expected.get(2).name());
    }

    /**
     * A period's whole finished weeks come from kept figures (docs/console.md, "Weekly trend"): an overdue task of such a
     * week completed now counts as late at once, without the week being kept again.
     */
    @Test
    void aKeptWeeksOverdueTaskCompletedNowCountsAsLate() {
        RegionCode own = freshTown();
        jurisdiction(own, "考核补办镇" + tag, "TOWN", DemoOrganisation.COUNTY);
        jdbc.sql("INSERT INTO EG_UNIT (AGENCY, REGION_CODE, NAME) VALUES ('CIVIL_AFFAIRS', ?, ?)").params(own.value(), "考核补办民政办" + tag).update();
        Expected unit = new Expected(Agency.CIVIL_AFFAIRS, own, "考核补办民政办" + tag, 1, 0, 0, 1, 0, 0, 0, 0, 0);
        task(unit, day(-17), null);
        String path = "/api/console/assessment?region=" + own.value() + "&from=" + from + "&to=" + to + "&";
        JsonNode before = pages("xian_cfb", path, 50).get(0);
        assertThat(List.of(before.path("tasksDue").asInt(), before.path("tasksLate").asInt(), before.path("tasksOverdue").asInt()))
            .containsExactly(1, 0, 1);
        java.sql.Date week = java.sql.Date.valueOf(day(-17).atZone(Now.zone()).toLocalDate()
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
        Timestamp keptAt = jdbc.sql("SELECT KEPT_AT FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START = ?").param(week).query(Timestamp.class).single();

        jdbc.sql("UPDATE EG_TASK_DEADLINE SET COMPLETED_AT = ? WHERE REGION_CODE = ?").params(Timestamp.from(Instant.now()), own.value()).update();
        JsonNode after = pages("xian_cfb", path, 50).get(0);
        assertThat(List.of(after.path("tasksDue").asInt(), after.path("tasksLate").asInt(), after.path("tasksOverdue").asInt()))
            .containsExactly(1, 1, 0);
        assertThat(jdbc.sql("SELECT KEPT_AT FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START = ?").param(week).query(Timestamp.class).single())
            .as("the week stays kept").isEqualTo(keptAt);
    }

    @Test
    void theSpreadsheetEqualsTheTable() throws Exception {
        String query = "region=" + town.value() + "&from=" + from + "&to=" + to;
        List<JsonNode> rows = pages("xian_cfb", "/api/console/assessment?" + query + "&", 50);
        List<List<String>> sheet = sheet(download("xian_cfb", "/api/console/assessment.xlsx?" + query));
        assertThat(sheet.get(0)).isEqualTo(ConsoleAssessmentController.HEADERS);
        assertThat(sheet).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            List<String> cells = sheet.get(i + 1);
            assertThat(cells.get(0)).isEqualTo(row.path("rank").asText());
            assertThat(cells.get(1)).isEqualTo(row.path("unitName").asText());
            assertThat(cells.get(5)).isEqualTo(row.path("tasksDue").asText());
            assertThat(cells.get(8)).isEqualTo(row.path("tasksOverdue").asText());
            assertThat(cells.get(10)).isEqualTo(row.path("escalations").asText());
            assertThat(cells.get(14)).isEqualTo(row.path("dutiesMissing").asText());
            assertThat(new BigDecimal(cells.get(17))).isEqualByComparingTo(row.path("score").decimalValue());
        }
    }

    @Test
    void theSummaryPdfHoldsTheAssessment() throws Exception {
        byte[] pdf = download("xian_cfb", "/api/console/summary.pdf?region=" + town.value() + "&from=" + from + "&to=" + to);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        int due = expected.stream().mapToInt(Expected::due).sum();
        int overdue = expected.stream().mapToInt(Expected::overdue).sum();
        int escalations = expected.stream().mapToInt(Expected::escalations).sum();
        assertThat(text).contains("考核测试镇" + tag).contains(from + " 至 " + to)
            .contains("期内到期任务 " + due).contains("逾期未办 " + overdue).contains("升级督办（次） " + escalations)
            .contains("考核单位（个） " + expected.size());
        for (Expected unit : expected) {
            assertThat(text).contains(unit.name()).contains(unit.score().toPlainString());
        }
    }

    @Test
    void scopesAndBadParameters() {
        String period = "&from=" + from + "&to=" + to;
        JsonNode leader = Api.as(http, "xian_mz_ld", DemoOrganisation.PASSWORD).get("/api/console/assessment?size=200" + period).ok().json();
        leader.path("items").forEach(row -> assertThat(row.path("agency").asText()).isEqualTo("CIVIL_AFFAIRS"));
        leader.path("items").forEach(row -> assertThat(row.path("region").asText()).isEqualTo(DemoOrganisation.COUNTY));
        for (String path : List.of("/api/console/assessment", "/api/console/assessment.xlsx")) {
            assertThat(Api.as(http, "xian_mz", DemoOrganisation.PASSWORD).get(path).status()).as(path).isEqualTo(403);
        }
        Api office = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD);
        assertThat(office.get("/api/console/assessment?from=2026-02-30").errorFields()).containsExactly("from");
        assertThat(office.get("/api/console/assessment?from=2026-03-02&to=2026-03-01").errorFields()).containsExactly("to");
        assertThat(office.get("/api/console/assessment?from=2024-01-01&to=2026-01-01").errorFields()).containsExactly("to");
        assertThat(office.get("/api/console/assessment.xlsx?to=soon").errorFields()).containsExactly("to");
        assertThat(office.get("/api/console/assessment?size=0").errorFields()).containsExactly("size");
    }

    // ------------------------------------------------------------------------------------------------ seeding

    private Expected unit(Agency agency, RegionCode region, String name, int due, int onTime, int late, int overdue, int notYetDue,
                          int escalations, int dutiesOnTime, int dutiesLate, int dutiesMissing) {
        jdbc.sql("INSERT INTO EG_UNIT (AGENCY, REGION_CODE, NAME) VALUES (?, ?, ?)").params(agency.name(), region.value(), name).update();
        Expected unit = new Expected(agency, region, name, due, onTime, late, overdue, notYetDue, escalations, dutiesOnTime, dutiesLate,
            dutiesMissing);
        expected.add(unit);
        return unit;
    }

    private Instant day(int days) {
        return now.plus(Duration.ofDays(days));
    }

    /** A deadline row as deadline/TaskDeadlines writes it (no engine task behind it: the assessment reads rows only). */
    private void task(Expected unit, Instant due, Instant completed) {
        jdbc.sql("INSERT INTO EG_TASK_DEADLINE (TASK_ID, PROCESS_INSTANCE_ID, PROCESS_DEFINITION_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY,"
                + " REGION_CODE, CREATED_AT, DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP, COMPLETED_AT)"
                + " VALUES (?, ?, 'assessment-test', 'AssessmentTest', 'Task_Assessed', '考核测试任务', ?, ?, ?, ?, TRUE, 1, '1', 9, ?)")
            .params(taskId(), "assessment-" + tag, unit.agency().name(), unit.region().value(), Timestamp.from(due.minus(Duration.ofDays(5))),
                Timestamp.from(due), completed == null ? null : Timestamp.from(completed))
            .update();
        KeptWeekRows.writtenBackTo(jdbc, due.minus(Duration.ofDays(5)));
    }

    private String taskId() {
        return "assessment-" + tag + "-" + taskNo++;
    }

    private void escalation(Expected unit, Instant recorded, String kind) {
        jdbc.sql("INSERT INTO EG_ESCALATION (TASK_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY, REGION_CODE, DUE_AT, STEP, KIND, RECORDED_AT)"
                + " VALUES (?, 'AssessmentTest', 'Task_Assessed', '考核测试任务', ?, ?, ?, 1, ?, ?)")
            .params(taskId(), unit.agency().name(), unit.region().value(), Timestamp.from(recorded.minus(Duration.ofDays(1))), kind,
                Timestamp.from(recorded))
            .update();
    }

    private void duty(Expected unit, String kind, String period, Instant due, Instant filed) {
        jdbc.sql("INSERT INTO EG_CAMPAIGN_DUTY (CAMPAIGN_ID, AGENCY, REGION_CODE, KIND, PERIOD, DUE_AT, FILED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(campaign, unit.agency().name(), unit.region().value(), kind, period, Timestamp.from(due),
                filed == null ? null : Timestamp.from(filed))
            .update();
    }

    private long campaign() {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CAMPAIGN (NAME, OWNER_REGION, TEMPLATE, PLAN_DUE_ON, UNIT_SUMMARY_DUE_ON, SUMMARY_DUE_ON, STATUS, UNIT_COUNT,"
                + " LAUNCHED_BY, LAUNCHED_AT) VALUES (?, ?, 'STANDARD', ?, ?, ?, 'RUNNING', 0, 'xian_cfb', ?)")
            .params("考核测试专项行动-" + tag, town.value(), java.sql.Date.valueOf(from), java.sql.Date.valueOf(to),
                java.sql.Date.valueOf(to), Timestamp.from(now.minus(Duration.ofDays(30))))
            .update(key);
        return GeneratedIds.id(key);
    }

    private RegionCode freshTown() {
        return TestTowns.fresh(jdbc);
    }

    private void jurisdiction(RegionCode code, String name, String level, String parent) {
        TestTowns.jurisdiction(jdbc, code, name, level, parent);
    }

    // ------------------------------------------------------------------------------------------------ calls

    private List<JsonNode> pages(String user, String pathAndQuery, int size) {
        return ConsoleLists.pages(http, user, pathAndQuery, size);
    }

    private byte[] download(String user, String path) {
        return ConsoleLists.download(http, user, path);
    }

    private static List<List<String>> sheet(byte[] file) throws Exception {
        return ConsoleLists.sheet(file);
    }
}
