package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.deadline.DeadlineState;
import cn.elderguard.deadline.WorkingCalendar;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.OrganisationImport;
import cn.elderguard.support.KeptWeekRows;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.system.Now;
import cn.elderguard.system.Downloads;

/**
 * The console's deadline views (docs/console.md, "Deadlines") over two fresh towns of the demo county: verification
 * tasks created through the real process at known moments, escalated by running their deadline jobs with the engine
 * clock moved, some deleted (completed). Every expected figure is computed here from what was seeded; every number's
 * list must hold exactly the tasks it counts, and every export the list's rows.
 */
@ElderGuardTest
class DeadlineConsoleTest {

    static final ZonedDateTime EARLY = ZonedDateTime.of(2026, 9, 28, 9, 0, 0, 0, Now.zone());
    static final ZonedDateTime LATER = ZonedDateTime.of(2026, 10, 9, 9, 0, 0, 0, Now.zone());
    static final ZonedDateTime RECENT = ZonedDateTime.of(2026, 10, 20, 9, 0, 0, 0, Now.zone());
    static final ZonedDateTime DELETED = ZonedDateTime.of(2026, 10, 20, 10, 0, 0, 0, Now.zone());
    /** "Now" of every console call. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 10, 21, 10, 0, 0, 0, Now.zone());

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    OrganisationImport organisationImport;

    @Autowired
    WorkingCalendar calendar;

    String town1;
    String town2;
    String village1;
    String town1Name;
    /** Every task seeded, by task id. */
    final Map<String, Seeded> seeded = new LinkedHashMap<>();
    /** Every escalation step taken: task, step, group, when. */
    final List<Step> steps = new ArrayList<>();

    record Seeded(String taskId, Agency agency, String region, Instant created, Instant due, int escalationStep, Instant completed) {

        Seeded escalatedTo(int step) {
            return new Seeded(taskId, agency, region, created, due, step, completed);
        }

        Seeded completedAt(Instant when) {
            return new Seeded(taskId, agency, region, created, due, escalationStep, when);
        }

        boolean open() {
            return completed == null;
        }
    }

    record Step(String taskId, int step, String kind, String group, Instant at) {
    }

    @BeforeEach
    void seed() {
        town1 = freshTown();
        town2 = freshTown();
        village1 = town1.substring(0, 9) + "001";
        town1Name = "督办甲镇" + town1.substring(6, 9);
        importTowns();

        // Town 1's civil affairs office: two escalated, one overdue only, one due soon, two deleted (one late).
        String a1 = start(Agency.CIVIL_AFFAIRS, town1, EARLY);
        String a2 = start(Agency.CIVIL_AFFAIRS, town1, EARLY);
        String a3 = start(Agency.CIVIL_AFFAIRS, town1, EARLY);
        String a4 = start(Agency.CIVIL_AFFAIRS, town1, LATER);
        String a5 = start(Agency.CIVIL_AFFAIRS, town1, LATER);
        String a6 = start(Agency.CIVIL_AFFAIRS, town1, EARLY);
        String b1 = start(Agency.MARKET_REGULATION, town1, RECENT);
        String c1 = start(Agency.GRID_WORKER, village1, EARLY);
        String d1 = start(Agency.CIVIL_AFFAIRS, town2, EARLY);
        String d2 = start(Agency.CIVIL_AFFAIRS, town2, RECENT);

        runSteps(a1, 3);
        runSteps(a2, 2);
        runSteps(d1, 2);
        complete(a5, DELETED);
        complete(a6, DELETED);
        engine.getTaskService().claim(a3, "dl_mz_" + town1);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        assertThat(b1).isNotNull();
        assertThat(c1).isNotNull();
        assertThat(a4).isNotNull();
        assertThat(d2).isNotNull();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTownOfficeSeesItsTownsFiguresAndEachNumbersListHoldsExactlyTheCountedTasks() {
        Api office = Api.as(http, "dl_zzb_" + town1, DemoOrganisation.PASSWORD);
        JsonNode summary = office.get("/api/console/deadlines/summary").ok().json();
        Predicate<Seeded> inTown1 = task -> task.region().startsWith(town1.substring(0, 9));

        assertThat(summary.path("region").asText()).isEqualTo(town1);
        assertThat(summary.path("asOf").asText()).startsWith("2026-10-21T10:00");
        for (DeadlineState state : DeadlineState.values()) {
            assertThat(summary.path("totals").path(state.name()).asLong()).as("total " + state).isEqualTo(count(inTown1, state));
            assertThat(ids(office, "/api/console/deadlines/tasks?state=" + state, 2)).as("list of total " + state)
                .containsExactlyInAnyOrderElementsOf(expected(inTown1, state));
        }

        // Per unit: town 1's civil affairs and market regulation offices and the village's grid workers, each linking to its list.
        assertThat(summary.path("byUnit")).extracting(row -> row.path("agency").asText() + "@" + row.path("region").asText())
            .containsExactly("CIVIL_AFFAIRS@" + town1, "MARKET_REGULATION@" + town1, "GRID_WORKER@" + village1);
        for (JsonNode row : summary.path("byUnit")) {
            Agency agency = Agency.valueOf(row.path("agency").asText());
            String region = row.path("region").asText();
            assertThat(row.path("agencyLabel").asText()).isEqualTo(agency.label());
            assertThat(row.path("unitName").asText()).isEqualTo(unitName(agency, region));
            Predicate<Seeded> unit = task -> task.agency() == agency && task.region().equals(region);
            for (DeadlineState state : DeadlineState.values()) {
                assertThat(row.path(state.name()).asLong()).as(agency + "@" + region + " " + state).isEqualTo(count(unit, state));
                assertThat(ids(office, "/api/console/deadlines/tasks?state=" + state + "&agency=" + agency + "&region=" + region + "&exact=true", 50))
                    .as("list of " + agency + "@" + region + " " + state).containsExactlyInAnyOrderElementsOf(expected(unit, state));
            }
        }

        // Per task type: all of them are verifications here.
        assertThat(summary.path("byTask")).hasSize(1);
        JsonNode type = summary.path("byTask").get(0);
        assertThat(type.path("processKey").asText()).isEqualTo(LeadDisposalProcess.KEY);
        assertThat(type.path("taskKey").asText()).isEqualTo(LeadDisposalProcess.TASK_VERIFY_LEAD);
        for (DeadlineState state : DeadlineState.values()) {
            assertThat(type.path(state.name()).asLong()).isEqualTo(count(inTown1, state));
            assertThat(ids(office, "/api/console/deadlines/tasks?state=" + state + "&processKey=" + LeadDisposalProcess.KEY + "&taskKey="
                + LeadDisposalProcess.TASK_VERIFY_LEAD, 50)).containsExactlyInAnyOrderElementsOf(expected(inTown1, state));
        }

        // The tree: the town and its village, each with its subtree's open and overdue tasks.
        assertThat(summary.path("tree")).extracting(node -> node.path("region").asText()).containsExactly(town1, village1);
        JsonNode root = summary.path("tree").get(0);
        assertThat(root.path("name").asText()).isEqualTo(town1Name);
        assertThat(root.path("level").asText()).isEqualTo("TOWN");
        assertThat(root.path("open").asLong()).isEqualTo(count(inTown1, DeadlineState.OPEN));
        assertThat(root.path("overdue").asLong()).isEqualTo(count(inTown1, DeadlineState.OVERDUE));
        assertThat(root.path("overdueShare").decimalValue().doubleValue())
            .isCloseTo((double) count(inTown1, DeadlineState.OVERDUE) / count(inTown1, DeadlineState.OPEN), org.assertj.core.data.Offset.offset(0.0001));
        JsonNode village = summary.path("tree").get(1);
        assertThat(village.path("parent").asText()).isEqualTo(town1);
        assertThat(village.path("open").asLong()).isEqualTo(count(task -> task.region().equals(village1), DeadlineState.OPEN));

        // Escalation steps of the last 7 and 30 days, and the trend.
        assertThat(summary.path("escalations").path("last7").asLong()).isEqualTo(escalationsSince(inTown1, 7));
        assertThat(summary.path("escalations").path("last30").asLong()).isEqualTo(escalationsSince(inTown1, 30));
        assertTrend(summary.path("trend"), inTown1);
    }

    /**
     * The trend's finished weeks are kept once shown (docs/console.md, "Weekly trend"); a due date moved back into them
     * drops the weeks it changes, and the next dashboard keeps them again with the moved task counted where it now falls.
     */
    @Test
    void theTrendKeepsFinishedWeeksAndFollowsADueDateMovedIntoThem() {
        Api office = Api.as(http, "dl_zzb_" + town1, DemoOrganisation.PASSWORD);
        Predicate<Seeded> inTown1 = task -> task.region().startsWith(town1.substring(0, 9));
        assertTrend(office.get("/api/console/deadlines/summary").ok().json().path("trend"), inTown1);
        LocalDate monday = NOW.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> kept = jdbc.sql("SELECT WEEK_START FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START BETWEEN ? AND ? ORDER BY WEEK_START")
            .params(java.sql.Date.valueOf(monday.minusWeeks(11)), java.sql.Date.valueOf(monday))
            .query((rs, row) -> rs.getDate(1).toLocalDate()).list();
        assertThat(kept).as("the eleven finished weeks, not the current one").hasSize(11).doesNotContain(monday);
        assertThat(jdbc.sql("SELECT SUM(CREATED) FROM EG_DEADLINE_WEEK WHERE REGION_CODE = ?").param(town1).query(Long.class).single())
            .as("town 1's tasks created in kept weeks").isEqualTo(seeded.values().stream()
                .filter(task -> task.region().equals(town1) && task.created().isBefore(monday.atStartOfDay(Now.zone()).toInstant())).count());

        // An overdue task's due date moved back by a week and a half: the weeks in between now count it overdue at their end.
        Seeded moved = seeded.values().stream().filter(task -> task.region().equals(town1) && task.open() && task.escalationStep() == 0
            && task.due().isBefore(NOW.toInstant())).findFirst().orElseThrow();
        Instant earlier = moved.due().minus(java.time.Duration.ofDays(10));
        Task task = engine.getTaskService().createTaskQuery().taskId(moved.taskId()).singleResult();
        task.setDueDate(Date.from(earlier));
        engine.getTaskService().saveTask(task);
        seeded.put(moved.taskId(), new Seeded(moved.taskId(), moved.agency(), moved.region(), moved.created(), earlier, 0, null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START = ?")
            .param(java.sql.Date.valueOf(earlier.atZone(Now.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))))
            .query(Long.class).single()).as("the week the due date moved into is no longer kept").isZero();
        assertTrend(office.get("/api/console/deadlines/summary").ok().json().path("trend"), inTown1);
    }

    @Test
    void aTaskRowNamesItsUnitAssigneeAndEscalationAndAnEscalationRecordWhomItReached() {
        Api office = Api.as(http, "dl_zzb_" + town1, DemoOrganisation.PASSWORD);
        List<JsonNode> escalated = items(office, "/api/console/deadlines/tasks?state=ESCALATED", 50);
        assertThat(escalated).hasSize(2);
        JsonNode first = escalated.stream().filter(task -> task.path("escalationStep").asInt() == 2).findFirst().orElseThrow();
        assertThat(first.path("escalatedTo").asText()).isEqualTo(town1Name + "综治办");
        assertThat(first.path("state").asText()).isEqualTo("ESCALATED");
        assertThat(first.path("unitName").asText()).isEqualTo(town1Name + "民政办");
        assertThat(first.path("daysOverdue").asLong()).as("16 Oct to 21 Oct on the calendar").isEqualTo(5);
        JsonNode second = escalated.stream().filter(task -> task.path("escalationStep").asInt() == 1).findFirst().orElseThrow();
        assertThat(second.path("escalatedTo").asText()).isEqualTo(town1Name + "民政办负责人");

        JsonNode claimed = items(office, "/api/console/deadlines/tasks?state=OVERDUE", 50).stream()
            .filter(task -> task.path("escalationStep").asInt() == 0 && task.path("region").asText().equals(town1)).findFirst().orElseThrow();
        assertThat(claimed.path("assignee").asText()).isEqualTo("dl_mz_" + town1);
        assertThat(claimed.path("assigneeName").asText()).isEqualTo("民政经办" + town1.substring(6, 9));
        assertThat(claimed.path("state").asText()).isEqualTo("OVERDUE");

        List<JsonNode> records = items(office, "/api/console/escalations?days=7", 1);
        Predicate<Seeded> inTown1 = task -> task.region().startsWith(town1.substring(0, 9));
        List<Step> expected = steps.stream().filter(step -> "ESCALATION".equals(step.kind()) && inTown1.test(seeded.get(step.taskId()))
            && !step.at().isBefore(NOW.minusDays(7).toInstant())).toList();
        assertThat(records).extracting(record -> record.path("taskId").asText() + "#" + record.path("step").asInt() + "→"
                + record.path("escalatedTo").asText())
            .containsExactlyInAnyOrderElementsOf(expected.stream().map(step -> step.taskId() + "#" + step.step() + "→" + step.group()).toList());
        assertThat(records).extracting(record -> OffsetDateTime.parse(record.path("recordedAt").asText()).toInstant())
            .as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode newest = records.get(0);
        assertThat(newest.path("step").asInt()).isEqualTo(2);
        assertThat(newest.path("kind").asText()).isEqualTo("ESCALATION");
        assertThat(newest.path("escalatedToLabel").asText()).isEqualTo(town1Name + "综治办");
        assertThat(newest.path("notified")).extracting(person -> person.path("name").asText()).containsExactly("综治经办" + town1.substring(6, 9));
        JsonNode toLeaders = records.stream().filter(record -> record.path("step").asInt() == 1).findFirst().orElseThrow();
        assertThat(toLeaders.path("escalatedToLabel").asText()).isEqualTo(town1Name + "民政办负责人");
        assertThat(toLeaders.path("notified")).extracting(person -> person.path("id").asText() + " " + person.path("name").asText())
            .containsExactly("dl_mz_ld_" + town1 + " 民政负责" + town1.substring(6, 9));

        List<JsonNode> reminders = items(office, "/api/console/escalations?days=30&kind=REMINDER", 50);
        assertThat(reminders).extracting(record -> record.path("taskId").asText()).containsExactlyInAnyOrderElementsOf(steps.stream()
            .filter(step -> "REMINDER".equals(step.kind()) && inTown1.test(seeded.get(step.taskId()))).map(Step::taskId).toList());
        assertThat(reminders).allSatisfy(record -> assertThat(record.path("notified")).isEmpty());
    }

    @Test
    void theCountySeesBothTownsAUnitLeaderOnlyTheirUnitAndOfficersNothing() {
        Api county = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD);
        JsonNode whole = county.get("/api/console/deadlines/summary").ok().json();
        assertThat(whole.path("region").asText()).isEqualTo(DemoOrganisation.COUNTY);
        Map<String, JsonNode> units = new HashMap<>();
        whole.path("byUnit").forEach(row -> units.put(row.path("agency").asText() + "@" + row.path("region").asText(), row));
        for (String unit : List.of("CIVIL_AFFAIRS@" + town1, "MARKET_REGULATION@" + town1, "GRID_WORKER@" + village1, "CIVIL_AFFAIRS@" + town2)) {
            String[] parts = unit.split("@");
            Predicate<Seeded> mine = task -> task.agency() == Agency.valueOf(parts[0]) && task.region().equals(parts[1]);
            for (DeadlineState state : DeadlineState.values()) {
                assertThat(units.get(unit).path(state.name()).asLong()).as(unit + " " + state).isEqualTo(count(mine, state));
            }
        }
        Map<String, JsonNode> tree = new HashMap<>();
        whole.path("tree").forEach(node -> tree.put(node.path("region").asText(), node));
        assertThat(tree.get(town2).path("open").asLong()).isEqualTo(count(task -> task.region().equals(town2), DeadlineState.OPEN));
        assertThat(tree.get(town1).path("overdue").asLong())
            .isEqualTo(count(task -> task.region().startsWith(town1.substring(0, 9)), DeadlineState.OVERDUE));
        assertThat(tree.get(village1).path("parent").asText()).isEqualTo(town1);
        JsonNode town2Summary = county.get("/api/console/deadlines/summary?region=" + town2).ok().json();
        assertThat(town2Summary.path("totals").path("ESCALATED").asLong()).isEqualTo(count(task -> task.region().equals(town2), DeadlineState.ESCALATED));

        // The town office: its own town only.
        Api office = Api.as(http, "dl_zzb_" + town1, DemoOrganisation.PASSWORD);
        assertThat(office.get("/api/console/deadlines/summary?region=" + town2).status()).isEqualTo(403);
        assertThat(office.get("/api/console/deadlines/tasks?region=" + DemoOrganisation.COUNTY).status()).isEqualTo(403);
        assertThat(office.get("/api/console/escalations?region=" + town2).status()).isEqualTo(403);

        // A sector unit's leader: their own unit's tasks, nobody else's.
        Api leader = Api.as(http, "dl_mz_ld_" + town1, DemoOrganisation.PASSWORD);
        JsonNode own = leader.get("/api/console/deadlines/summary").ok().json();
        Predicate<Seeded> unitA = task -> task.agency() == Agency.CIVIL_AFFAIRS && task.region().equals(town1);
        assertThat(own.path("agency").asText()).isEqualTo("CIVIL_AFFAIRS");
        assertThat(own.path("byUnit")).extracting(row -> row.path("region").asText()).containsExactly(town1);
        for (DeadlineState state : DeadlineState.values()) {
            assertThat(own.path("totals").path(state.name()).asLong()).isEqualTo(count(unitA, state));
            assertThat(ids(leader, "/api/console/deadlines/tasks?state=" + state, 50)).containsExactlyInAnyOrderElementsOf(expected(unitA, state));
        }
        assertThat(own.path("tree")).extracting(node -> node.path("region").asText()).containsExactly(town1);
        assertThat(leader.get("/api/console/deadlines/tasks?agency=MARKET_REGULATION").status()).isEqualTo(403);
        assertThat(leader.get("/api/console/deadlines/tasks?region=" + village1).status()).isEqualTo(403);

        // Officers of a unit work in Tasklist: the console is closed to them.
        Api officer = Api.as(http, "dl_mz_" + town1, DemoOrganisation.PASSWORD);
        for (String path : List.of("/api/console/deadlines/summary", "/api/console/deadlines/tasks", "/api/console/deadlines/tasks.xlsx",
            "/api/console/escalations", "/api/console/escalations.xlsx")) {
            Api.Response refused = officer.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("任务列表");
        }
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        Api office = Api.as(http, "dl_zzb_" + town1, DemoOrganisation.PASSWORD);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/console/deadlines/tasks?state=LATE", "state");
        cases.put("/api/console/deadlines/tasks?page=-1", "page");
        cases.put("/api/console/deadlines/tasks?size=201", "size");
        cases.put("/api/console/deadlines/tasks?size=0", "size");
        cases.put("/api/console/deadlines/tasks?region=12345", "region");
        cases.put("/api/console/deadlines/summary?region=abc", "region");
        cases.put("/api/console/deadlines/summary?agency=POLICE", "agency");
        cases.put("/api/console/deadlines/tasks.xlsx?state=LATE", "state");
        cases.put("/api/console/escalations?days=14", "days");
        cases.put("/api/console/escalations?kind=MAIL", "kind");
        cases.put("/api/console/escalations?page=-2", "page");
        cases.put("/api/console/escalations.xlsx?days=1", "days");
        cases.forEach((path, field) -> {
            Api.Response response = office.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.errorFields()).as(path).contains(field);
        });
    }

    @Test
    void eachExportHoldsTheListsRowsWithTheSameFilters() throws Exception {
        String user = "dl_zzb_" + town1;
        Api office = Api.as(http, user, DemoOrganisation.PASSWORD);
        for (String filter : List.of("state=OPEN", "state=OVERDUE", "state=ESCALATED&agency=CIVIL_AFFAIRS&region=" + town1 + "&exact=true",
            "state=DUE_SOON")) {
            List<JsonNode> shown = items(office, "/api/console/deadlines/tasks?" + filter, 2);
            List<List<String>> rows = xlsx(user, "/api/console/deadlines/tasks.xlsx?" + filter);
            assertThat(rows.get(0)).containsExactlyElementsOf(DeadlineConsoleController.TASK_HEADERS);
            assertThat(rows.subList(1, rows.size())).as(filter).containsExactlyElementsOf(shown.stream().map(DeadlineConsoleTest::taskCells).toList());
        }
        assertThat(xlsx(user, "/api/console/deadlines/tasks.xlsx?state=OPEN")).hasSize(1 + (int) count(
            task -> task.region().startsWith(town1.substring(0, 9)), DeadlineState.OPEN));
        for (String filter : List.of("days=7", "days=30&kind=REMINDER")) {
            List<JsonNode> shown = items(office, "/api/console/escalations?" + filter, 2);
            List<List<String>> rows = xlsx(user, "/api/console/escalations.xlsx?" + filter);
            assertThat(rows.get(0)).containsExactlyElementsOf(DeadlineConsoleController.ESCALATION_HEADERS);
            assertThat(rows.subList(1, rows.size())).as(filter).containsExactlyElementsOf(shown.stream().map(DeadlineConsoleTest::escalationCells).toList());
            assertThat(shown).isNotEmpty();
        }
    }

    /** More rows than one chunk of assignees (200): the export keeps reading its cursor while it looks the next ones up. */
    @Test
    void anExportLongerThanAPageHoldsEveryRowInTheListsOrder() throws Exception {
        for (int i = 0; i < 450; i++) {
            Instant due = NOW.minusDays(i % 40).toInstant();
            jdbc.sql("INSERT INTO EG_TASK_DEADLINE (TASK_ID, PROCESS_INSTANCE_ID, PROCESS_DEFINITION_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY,"
                    + " REGION_CODE, CREATED_AT, DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP)"
                    + " VALUES (?, ?, 'x', ?, ?, '核查线索', 'CIVIL_AFFAIRS', ?, ?, ?, TRUE, 2, '0,3,5', -1)")
                .params("dl-export-" + town2 + "-" + i, "dl-export-" + i, LeadDisposalProcess.KEY, LeadDisposalProcess.TASK_VERIFY_LEAD, town2,
                    java.sql.Timestamp.from(EARLY.toInstant()), java.sql.Timestamp.from(due))
                .update();
        }
        KeptWeekRows.writtenBackTo(jdbc, EARLY.toInstant());
        String filter = "agency=CIVIL_AFFAIRS&region=" + town2 + "&exact=true";
        List<JsonNode> shown = items(Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD), "/api/console/deadlines/tasks?" + filter, 200);
        assertThat(shown).hasSize(450 + (int) count(task -> task.region().equals(town2), DeadlineState.OPEN));
        List<List<String>> rows = xlsx("xian_cfb", "/api/console/deadlines/tasks.xlsx?" + filter);
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(shown.stream().map(DeadlineConsoleTest::taskCells).toList());
    }

    // ------------------------------------------------------------------------------------------------ expectations

    private Instant soon() {
        return calendar.plusWorkingDays(NOW, 2).toInstant();
    }

    private boolean in(Seeded task, DeadlineState state) {
        Instant now = NOW.toInstant();
        if (!task.open()) {
            return false;
        }
        return switch (state) {
            case OPEN -> true;
            case DUE_SOON -> !task.due().isBefore(now) && task.due().isBefore(soon());
            case OVERDUE -> task.due().isBefore(now);
            case ESCALATED -> task.escalationStep() > 0;
        };
    }

    private long count(Predicate<Seeded> which, DeadlineState state) {
        return expected(which, state).size();
    }

    private List<String> expected(Predicate<Seeded> which, DeadlineState state) {
        return seeded.values().stream().filter(which).filter(task -> in(task, state)).map(Seeded::taskId).toList();
    }

    private long escalationsSince(Predicate<Seeded> which, int days) {
        Instant since = NOW.minusDays(days).toInstant();
        return steps.stream().filter(step -> "ESCALATION".equals(step.kind()) && which.test(seeded.get(step.taskId()))
            && !step.at().isBefore(since)).count();
    }

    private void assertTrend(JsonNode trend, Predicate<Seeded> which) {
        assertThat(trend).hasSize(12);
        LocalDate monday = NOW.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
        List<Seeded> mine = seeded.values().stream().filter(which).toList();
        for (int week = 0; week < 12; week++) {
            Instant start = monday.plusWeeks(week).atStartOfDay(Now.zone()).toInstant();
            Instant next = monday.plusWeeks(week + 1).atStartOfDay(Now.zone()).toInstant();
            Instant end = next.isAfter(NOW.toInstant()) ? NOW.toInstant() : next;
            JsonNode row = trend.get(week);
            assertThat(row.path("weekStart").asText()).isEqualTo(monday.plusWeeks(week).toString());
            assertThat(row.path("created").asLong()).as("created, week " + week)
                .isEqualTo(mine.stream().filter(task -> !task.created().isBefore(start) && task.created().isBefore(next)).count());
            assertThat(row.path("completed").asLong()).as("completed, week " + week)
                .isEqualTo(mine.stream().filter(task -> !task.open() && !task.completed().isBefore(start) && task.completed().isBefore(next)).count());
            assertThat(row.path("completedLate").asLong()).as("completed late, week " + week).isEqualTo(mine.stream()
                .filter(task -> !task.open() && !task.completed().isBefore(start) && task.completed().isBefore(next) && task.completed().isAfter(task.due()))
                .count());
            assertThat(row.path("overdueAtEnd").asLong()).as("overdue at the end of week " + week).isEqualTo(mine.stream()
                .filter(task -> task.due().isBefore(end) && task.created().isBefore(end) && (task.open() || !task.completed().isBefore(end))).count());
        }
        assertThat(trend.get(11).path("completedLate").asLong()).as("the seeding completes one task late this week").isEqualTo(1);
        assertThat(trend.get(10).path("overdueAtEnd").asLong()).as("overdue on Sunday night before").isPositive();
    }

    // ------------------------------------------------------------------------------------------------ calls

    /** The task ids of a list, all pages fetched {@code size} at a time; the total must match. */
    private List<String> ids(Api api, String path, int size) {
        return items(api, path, size).stream().map(item -> item.path("taskId").asText()).toList();
    }

    private List<JsonNode> items(Api api, String path, int size) {
        List<JsonNode> all = new ArrayList<>();
        long total;
        int page = 0;
        do {
            JsonNode answer = api.get(path + (path.contains("?") ? "&" : "?") + "page=" + page + "&size=" + size).ok().json();
            total = answer.path("total").asLong();
            answer.path("items").forEach(all::add);
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("size").asInt()).isEqualTo(size);
            page++;
            if (answer.path("items").isEmpty()) {
                break;
            }
        } while ((long) page * size < total);
        assertThat(all).as("every item of " + path).hasSize((int) total);
        assertThat(all.stream().map(item -> item.has("id") ? item.path("id").asText() : item.path("taskId").asText()).collect(Collectors.toSet()))
            .as("no item twice across the pages of " + path).hasSize(all.size());
        return all;
    }

    private List<List<String>> xlsx(String user, String path) throws Exception {
        ResponseEntity<byte[]> response = http.withBasicAuth(user, DemoOrganisation.PASSWORD).getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith(Downloads.XLSX);
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < width; column++) {
                    cells.add(row.getCell(column) == null ? "" : format.formatCellValue(row.getCell(column)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<String> taskCells(JsonNode task) {
        return List.of(text(task, "taskId"), text(task, "caseId"), text(task, "institutionName"), text(task, "processKey"), text(task, "taskKey"),
            text(task, "taskName"), text(task, "agency"), text(task, "agencyLabel"), text(task, "region"), text(task, "unitName"),
            text(task, "assignee"), text(task, "assigneeName"), time(task, "createdAt"), time(task, "dueAt"), text(task, "daysOverdue"),
            text(task, "escalationStep"), text(task, "escalatedTo"), DeadlineState.valueOf(task.path("state").asText()).label());
    }

    private static List<String> escalationCells(JsonNode record) {
        List<String> notified = new ArrayList<>();
        record.path("notified").forEach(person -> notified.add(person.path("name").asText() + "（" + person.path("id").asText() + "）"));
        return List.of(text(record, "id"), text(record, "taskId"), text(record, "caseId"), text(record, "taskName"), text(record, "agency"),
            text(record, "agencyLabel"), text(record, "region"), text(record, "unitName"), time(record, "dueAt"), text(record, "step"),
            "ESCALATION".equals(record.path("kind").asText()) ? "升级督办" : "到期提醒", text(record, "escalatedTo"),
            text(record, "escalatedToLabel"), String.join("、", notified), time(record, "recordedAt"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    private static String time(JsonNode node, String field) {
        return ConsoleWorkbook.TIME.format(OffsetDateTime.parse(node.path(field).asText()).atZoneSameInstant(Now.zone()));
    }

    // ------------------------------------------------------------------------------------------------ seeding

    private String start(Agency agency, String region, ZonedDateTime when) {
        ClockUtil.setCurrentTime(Date.from(when.toInstant()));
        ProcessInstance instance = LeadDisposalStarter.start(engine, agency, region);
        Task task = LeadDisposalStarter.verificationTask(engine, instance);
        seeded.put(task.getId(), new Seeded(task.getId(), agency, region, when.toInstant(), task.getDueDate().toInstant(), 0, null));
        return task.getId();
    }

    /** Runs the task's next {@code count} deadline steps, each at its own due moment, and notes what each recorded. */
    private void runSteps(String taskId, int count) {
        for (int i = 0; i < count; i++) {
            EngineJobRows.Job job = EngineJobRows.pending(engine, EngineJobRows.DEADLINE, taskId).orElseThrow();
            ClockUtil.setCurrentTime(new Date(job.due().getTime()));
            engine.getManagementService().executeJob(job.id());
            Map<String, Object> record = jdbc.sql("SELECT STEP, KIND, ESCALATED_TO FROM EG_ESCALATION WHERE TASK_ID = ? ORDER BY STEP DESC"
                    + " FETCH FIRST 1 ROWS ONLY").param(taskId).query().singleRow();
            int step = ((Number) record.get("STEP")).intValue();
            String kind = (String) record.get("KIND");
            steps.add(new Step(taskId, step, kind, (String) record.get("ESCALATED_TO"), job.due().toInstant()));
            if ("ESCALATION".equals(kind)) {
                seeded.put(taskId, seeded.get(taskId).escalatedTo(step));
            }
        }
    }

    private void complete(String taskId, ZonedDateTime when) {
        ClockUtil.setCurrentTime(Date.from(when.toInstant()));
        String instance = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        engine.getRuntimeService().deleteProcessInstance(instance, "测试：撤销线索");
        seeded.put(taskId, seeded.get(taskId).completedAt(when.toInstant()));
    }

    private String unitName(Agency agency, String region) {
        return jdbc.sql("SELECT NAME FROM EG_UNIT WHERE AGENCY = ? AND REGION_CODE = ?").params(agency.name(), region).query(String.class).single();
    }

    /** A town code below the demo county that no jurisdiction has yet (300–499: clear of other tests' towns). */
    private String freshTown() {
        while (true) {
            String code = DemoOrganisation.COUNTY.substring(0, 6) + (300 + ThreadLocalRandom.current().nextInt(200)) + "000";
            if (jdbc.sql("SELECT COUNT(*) FROM EG_JURISDICTION WHERE REGION_CODE = ?").param(code).query(Long.class).single() == 0
                && !code.equals(town1)) {
                return code;
            }
        }
    }

    /** Two towns, each with a 综治办 (处非办) and a 民政办; town 1 also a 市场监管所 and a village with grid workers. */
    private void importTowns() {
        String n1 = town1.substring(6, 9);
        String n2 = town2.substring(6, 9);
        String yaml = "jurisdictions:\n"
            + "  - {code: \"" + town1 + "\", name: " + town1Name + ", level: TOWN}\n"
            + "  - {code: \"" + village1 + "\", name: 督办甲村" + n1 + ", level: VILLAGE}\n"
            + "  - {code: \"" + town2 + "\", name: 督办乙镇" + n2 + ", level: TOWN}\n"
            + "units:\n"
            + "  - {agency: CHUFEI_OFFICE, jurisdiction: \"" + town1 + "\", name: " + town1Name + "综治办}\n"
            + "  - {agency: CIVIL_AFFAIRS, jurisdiction: \"" + town1 + "\", name: " + town1Name + "民政办}\n"
            + "  - {agency: MARKET_REGULATION, jurisdiction: \"" + town1 + "\", name: " + town1Name + "市场监管所}\n"
            + "  - {agency: GRID_WORKER, jurisdiction: \"" + village1 + "\", name: 督办甲村" + n1 + "网格员}\n"
            + "  - {agency: CHUFEI_OFFICE, jurisdiction: \"" + town2 + "\", name: 督办乙镇" + n2 + "综治办}\n"
            + "  - {agency: CIVIL_AFFAIRS, jurisdiction: \"" + town2 + "\", name: 督办乙镇" + n2 + "民政办}\n"
            + "users:\n"
            + user("dl_zzb_" + town1, "综治经办" + n1, "CHUFEI_OFFICE", town1, "OFFICER")
            + user("dl_mz_" + town1, "民政经办" + n1, "CIVIL_AFFAIRS", town1, "OFFICER")
            + user("dl_mz_ld_" + town1, "民政负责" + n1, "CIVIL_AFFAIRS", town1, "UNIT_LEADER")
            + user("dl_scjg_" + town1, "市场经办" + n1, "MARKET_REGULATION", town1, "OFFICER")
            + user("dl_wgy_" + village1, "网格员" + n1, "GRID_WORKER", village1, "OFFICER")
            + user("dl_zzb_" + town2, "综治经办" + n2, "CHUFEI_OFFICE", town2, "OFFICER")
            + user("dl_mz_" + town2, "民政经办" + n2, "CIVIL_AFFAIRS", town2, "OFFICER");
        organisationImport.importFile(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String user(String id, String name, String agency, String region, String role) {
        return "  - {id: " + id + ", name: " + name + ", agency: " + agency + ", jurisdiction: \"" + region + "\", role: " + role
            + ", password: " + DemoOrganisation.PASSWORD + "}\n";
    }
}
