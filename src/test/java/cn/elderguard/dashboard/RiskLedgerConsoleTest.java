package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.lead.CaseList;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.lead.LeadSource;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalWalker;
import cn.elderguard.support.LeadDisposalWalker.Route;
import cn.elderguard.support.LeadDisposalWalker.Stop;

/**
 * The console's risk ledger (docs/console.md, "Risk ledger") over cases this test seeds through intake and the real
 * LeadDisposal process in a town of its own below the demo county (two villages): every figure equals what the test
 * counts from its own cases' rows; the key leads come in priority order with their owner, measures and due dates; the
 * .xlsx twins equal the lists page by page; scopes and bad parameters answer as the contract says.
 */
@ElderGuardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskLedgerConsoleTest {

    private static final List<String> COLOURS = List.of("GREEN", "YELLOW", "ORANGE", "RED", "UNRATED");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RiskLedgerView view;

    String tag;
    RegionCode town;
    RegionCode village1;
    RegionCode village2;
    String townName;
    /** Every seeded case's row as the test reads it: id → (region, status, list, colour, priority, measure under way). */
    final Map<Long, Map<String, Object>> seeded = new LinkedHashMap<>();

    @BeforeAll
    void seed() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        town = freshTown();
        village1 = RegionCode.of(town.prefix() + "001");
        village2 = RegionCode.of(town.prefix() + "002");
        townName = "台账测试镇" + tag;
        jurisdiction(town, townName, "TOWN", DemoOrganisation.COUNTY);
        jurisdiction(village1, "台账一村" + tag, "VILLAGE", town.value());
        jurisdiction(village2, "台账二村" + tag, "VILLAGE", town.value());

        LeadDisposalWalker walker = new LeadDisposalWalker(engine);
        // Colours on both villages, two of each key colour, an unrated lead, a closed case.
        walk(walker, village1, new Stop(Route.RED, LeadDisposalProcess.TASK_REPORT_POLICE_DECISION));
        walk(walker, village2, new Stop(Route.RED, LeadDisposalProcess.TASK_TRANSFER_TO_POLICE));
        walk(walker, village1, new Stop(Route.ORANGE, LeadDisposalProcess.TASK_CONDUCT_WARNING_INTERVIEW));
        walk(walker, village2, new Stop(Route.ORANGE_REFUNDING, LeadDisposalProcess.TASK_RECORD_REFUND_TRANCHE));
        walk(walker, village1, new Stop(Route.ORANGE, LeadDisposalProcess.TASK_ORDER_RECTIFICATION));
        walk(walker, village2, new Stop(Route.YELLOW, LeadDisposalProcess.TASK_ISSUE_RISK_WARNING));
        walk(walker, village1, new Stop(Route.GREEN, LeadDisposalProcess.TASK_SIGN_OFF_CLOSE_OUT));
        walk(walker, village2, new Stop(Route.GREEN, LeadDisposalProcess.TASK_VERIFY_LEAD));
        long closed = intake(village1);
        walker.walkToEnd(processOf(closed));
        List<Long> ids = new ArrayList<>(caseIds());
        // Priorities chosen by the test (null included) so that the order is the test's own: equal ones by id.
        Integer[] priorities = {70, null, 90, 70, 30};
        int next = 0;
        for (long id : ids) {
            Map<String, Object> row = read(id);
            if ("OPEN".equals(row.get("STATUS")) && keyColour(row)) {
                jdbc.sql("UPDATE EG_CASE SET PRIORITY = ? WHERE ID = ?").params(priorities[next++ % priorities.length], id).update();
            }
        }
        assertThat(next).as("key leads seeded").isEqualTo(5);
        for (long id : ids) {
            seeded.put(id, read(id));
        }
        assertThat(seeded.values()).as("the closed case").anyMatch(row -> "CLOSED".equals(row.get("STATUS")));
        assertThat(seeded.values()).as("the unrated lead").anyMatch(row -> row.get("RISK_LEVEL") == null);
    }

    @Test
    void summaryCountsTheTownsCasesByColourAndList() {
        JsonNode summary = get("xian_cfb", "/api/console/risk/summary?region=" + town.value()).ok().json();
        assertThat(summary.path("regionName").asText()).isEqualTo(townName);
        assertThat(figures(summary.path("totals"), COLOURS)).isEqualTo(colours(seeded.values().stream().toList()));
        assertThat(figures(summary.path("lists"), List.of("SCREENING", "RECTIFICATION", "CLOSE_OUT"))).isEqualTo(lists());
        Map<String, Map<String, Long>> rows = new HashMap<>();
        summary.path("byJurisdiction").forEach(row -> rows.put(row.path("region").asText(), figures(row, COLOURS)));
        assertThat(rows).containsOnlyKeys(village1.value(), village2.value());
        assertThat(rows.get(village1.value())).isEqualTo(colours(inRegion(village1)));
        assertThat(rows.get(village2.value())).isEqualTo(colours(inRegion(village2)));

        // The county's console shows the town as one of its children with the same figures.
        JsonNode county = get("xian_cfb", "/api/console/risk/summary").ok().json();
        JsonNode townRow = row(county.path("byJurisdiction"), town.value());
        assertThat(townRow.path("name").asText()).isEqualTo(townName);
        assertThat(figures(townRow, COLOURS)).isEqualTo(colours(seeded.values().stream().toList()));
        // An agency filter over the subtree: the cases whose responsible agency it is (all of them are 民政's).
        JsonNode market = get("xian_cfb", "/api/console/risk/summary?region=" + town.value() + "&agency=MARKET_REGULATION").ok().json();
        assertThat(figures(market.path("totals"), COLOURS).values()).containsOnly(0L);
    }

    @Test
    void aSectorLeaderSeesTheCasesTheirUnitWorkedOnAndOfficersAreRefused() {
        List<Long> worked = jdbc.sql("SELECT CASE_ID FROM EG_CASE_UNIT WHERE AGENCY = 'CIVIL_AFFAIRS' AND REGION_CODE = ?")
            .param(DemoOrganisation.COUNTY).query(Long.class).list();
        List<Map<String, Object>> ours = seeded.entrySet().stream().filter(e -> worked.contains(e.getKey())).map(Map.Entry::getValue).toList();
        assertThat(ours).as("the county civil-affairs bureau works the town's cases").isNotEmpty();
        JsonNode summary = get("xian_mz_ld", "/api/console/risk/summary").ok().json();
        assertThat(figures(row(summary.path("byJurisdiction"), town.value()), COLOURS)).isEqualTo(colours(ours));
        List<Long> keyLeads = new ArrayList<>();
        pages("xian_mz_ld", "/api/console/risk/key-leads?", 200).forEach(item -> keyLeads.add(item.path("caseId").asLong()));
        assertThat(keyLeads).containsAll(expectedKeyLeads().stream().filter(worked::contains).toList());
        assertThat(get("xian_mz_ld", "/api/console/risk/summary?region=" + town.value()).status()).isEqualTo(403);
        for (String path : List.of("/api/console/risk/summary", "/api/console/risk/cases", "/api/console/risk/key-leads",
                "/api/console/risk/cases.xlsx", "/api/console/risk/key-leads.xlsx", "/api/console/summary.pdf")) {
            assertThat(get("xian_mz", path).status()).as(path + " for an officer").isEqualTo(403);
        }
        // Another town's 处非办 does not reach this town.
        assertThat(get("cg_zzb_ld", "/api/console/risk/summary?region=" + town.value()).status()).isEqualTo(403);
    }

    @Test
    void theListsPageStablyAndTheirSpreadsheetsHoldTheSameRows() throws Exception {
        for (String filter : List.of("", "&list=RECTIFICATION", "&list=RECTIFICATION&level=ORANGE", "&level=RED", "&list=CLOSE_OUT")) {
            String query = "region=" + town.value() + filter;
            List<JsonNode> items = pages("xian_cfb", "/api/console/risk/cases?" + query + "&", 2);
            List<Long> expected = seeded.entrySet().stream()
                .filter(e -> !filter.contains("list=") || filter.contains("list=" + e.getValue().get("CASE_LIST")))
                .filter(e -> !filter.contains("level=") || filter.contains("level=" + e.getValue().get("RISK_LEVEL") ))
                .sorted(Comparator.comparing((Map.Entry<Long, Map<String, Object>> e) -> (String) e.getValue().get("REGION_CODE"))
                    .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
            assertThat(items.stream().map(item -> item.path("caseId").asLong()).toList()).as(filter).isEqualTo(expected);
            List<List<String>> sheet = sheet(download("xian_cfb", "/api/console/risk/cases.xlsx?" + query));
            assertThat(sheet.get(0)).isEqualTo(RiskLedgerController.CASE_HEADERS);
            assertThat(sheet.subList(1, sheet.size()).stream().map(row -> Long.valueOf(row.get(0))).toList()).as(filter + " xlsx").isEqualTo(expected);
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                List<String> row = sheet.get(i + 1);
                assertThat(row.get(1)).isEqualTo(item.path("institutionName").asText());
                assertThat(row.get(5)).isEqualTo(item.path("riskLevel").isNull() ? "未评级" : ConsoleLabels.level(item.path("riskLevel").asText()));
                assertThat(row.get(6)).isEqualTo(item.path("priority").isNull() ? "" : item.path("priority").asText());
                assertThat(row.get(11)).isEqualTo(item.path("currentMeasureName").isNull() ? "" : item.path("currentMeasureName").asText());
            }
        }
    }

    @Test
    void theKeyLeadsComeByPriorityWithOwnerMeasuresAndDueDates() throws Exception {
        List<JsonNode> items = pages("xian_cfb", "/api/console/risk/key-leads?region=" + town.value() + "&", 2);
        assertThat(items.stream().map(item -> item.path("caseId").asLong()).toList()).isEqualTo(expectedKeyLeads());
        String owner = jdbc.sql("SELECT NAME FROM EG_UNIT WHERE AGENCY = 'CIVIL_AFFAIRS' AND REGION_CODE = ?").param(DemoOrganisation.COUNTY)
            .query(String.class).single();
        String leaders = String.join("、", jdbc.sql("SELECT DISPLAY_NAME FROM EG_PERSON WHERE AGENCY = 'CIVIL_AFFAIRS' AND REGION_CODE = ?"
            + " AND ROLE = 'UNIT_LEADER' ORDER BY USER_ID").param(DemoOrganisation.COUNTY).query(String.class).list());
        boolean measured = false;
        for (JsonNode item : items) {
            long id = item.path("caseId").asLong();
            assertThat(item.path("owner").asText()).isEqualTo(owner);
            assertThat(item.path("ownerLeader").asText()).isEqualTo(leaders);
            List<String> expectedMeasures = new ArrayList<>(jdbc.sql("SELECT TITLE FROM EG_CASE_EVENT WHERE CASE_ID = ? AND KIND = 'MEASURE' ORDER BY ID")
                .param(id).query(String.class).list().stream().map(title -> title.substring(title.indexOf(' ') + 1)).toList());
            Object current = seeded.get(id).get("CURRENT_MEASURE_NAME");
            if (current != null) {
                expectedMeasures.add(current.toString());
            }
            List<String> measures = new ArrayList<>();
            item.path("measures").forEach(m -> measures.add(m.path("name").asText()));
            assertThat(measures).as("measures of " + id).isEqualTo(expectedMeasures);
            measured |= !measures.isEmpty();
            Timestamp due = jdbc.sql("SELECT MIN(DUE_AT) FROM EG_TASK_DEADLINE WHERE CASE_ID = ? AND COMPLETED_AT IS NULL")
                .param(id).query(Timestamp.class).single();
            assertThat(item.path("dueAt").isNull() ? null : Instant.parse(item.path("dueAt").asText())).as("due of " + id)
                .isEqualTo(due == null ? null : due.toInstant());
            assertThat(item.path("overdue").asBoolean()).isEqualTo(due != null && due.toInstant().isBefore(Instant.now()));
        }
        assertThat(measured).as("some key lead has measures").isTrue();

        List<List<String>> sheet = sheet(download("xian_cfb", "/api/console/risk/key-leads.xlsx?region=" + town.value()));
        assertThat(sheet.get(0)).isEqualTo(RiskLedgerController.KEY_LEAD_HEADERS);
        assertThat(sheet).hasSize(items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            List<String> row = sheet.get(i + 1);
            assertThat(Long.valueOf(row.get(0))).isEqualTo(item.path("caseId").asLong());
            assertThat(row.get(6)).isEqualTo(owner);
            List<String> names = new ArrayList<>();
            item.path("measures").forEach(m -> names.add(m.path("name").asText() + (m.path("underWay").asBoolean() ? "（进行中）" : "")));
            assertThat(row.get(8)).isEqualTo(String.join("；", names));
        }
    }

    @Test
    void exportsReadTheWholeListBatchAfterBatch() {
        // Batches of two, so that each export's keyset continues across batches (equal priorities, nulls last).
        ConsoleScope scope = new ConsoleScope(town, null, true);
        for (String list : new String[] {null, "RECTIFICATION", "SCREENING"}) {
            List<Long> streamed = new ArrayList<>();
            view.eachCase(scope, list == null ? null : CaseList.valueOf(list), null, 2, c -> streamed.add(c.caseId()));
            List<Long> paged = pages("xian_cfb", "/api/console/risk/cases?region=" + town.value() + (list == null ? "" : "&list=" + list) + "&", 3)
                .stream().map(item -> item.path("caseId").asLong()).toList();
            assertThat(streamed).as(list).isEqualTo(paged);
        }
        List<Long> leads = new ArrayList<>();
        view.eachKeyLead(scope, 2, lead -> leads.add(lead.caseId()));
        assertThat(leads).isEqualTo(expectedKeyLeads());
    }

    @Test
    void theSummaryPdfHoldsTheFigures() throws Exception {
        byte[] pdf = download("xian_cfb", "/api/console/summary.pdf?region=" + town.value());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains(townName).contains("重点线索台账").contains("共 " + expectedKeyLeads().size() + " 条");
        for (long id : expectedKeyLeads()) {
            assertThat(text).contains(jdbc.sql("SELECT I.NAME FROM EG_CASE C JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID WHERE C.ID = ?")
                .param(id).query(String.class).single());
        }
        Map<String, Long> colours = colours(seeded.values().stream().toList());
        assertThat(text).contains("合计 " + COLOURS.stream().map(c -> colours.get(c).toString()).collect(Collectors.joining(" ")));
        Map<String, Long> lists = lists();
        assertThat(text).contains("排查清单 整改清单 销号清单 " + lists.get("SCREENING") + " " + lists.get("RECTIFICATION") + " " + lists.get("CLOSE_OUT"));
    }

    @Test
    void badParametersAreNamed() {
        String base = "/api/console/risk/cases?region=" + town.value();
        assertThat(get("xian_cfb", base + "&list=ALL").errorFields()).containsExactly("list");
        assertThat(get("xian_cfb", base + "&level=PINK").errorFields()).containsExactly("level");
        assertThat(get("xian_cfb", base + "&size=201").errorFields()).containsExactly("size");
        assertThat(get("xian_cfb", "/api/console/risk/key-leads?page=-1").errorFields()).containsExactly("page");
        assertThat(get("xian_cfb", "/api/console/risk/summary?region=12345").errorFields()).containsExactly("region");
        assertThat(get("xian_cfb", "/api/console/risk/summary?agency=NOPE").errorFields()).containsExactly("agency");
        assertThat(get("xian_cfb", "/api/console/summary.pdf?from=2026-13-01").errorFields()).containsExactly("from");
    }

    // ------------------------------------------------------------------------------------------------ expectations

    private List<Long> expectedKeyLeads() {
        return seeded.entrySet().stream()
            .filter(e -> "OPEN".equals(e.getValue().get("STATUS")) && keyColour(e.getValue()))
            .sorted(Comparator.comparing((Map.Entry<Long, Map<String, Object>> e) -> (Integer) e.getValue().get("PRIORITY"),
                    Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
                .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey).toList();
    }

    private static boolean keyColour(Map<String, Object> row) {
        return "ORANGE".equals(row.get("RISK_LEVEL")) || "RED".equals(row.get("RISK_LEVEL"));
    }

    private List<Map<String, Object>> inRegion(RegionCode region) {
        return seeded.values().stream().filter(row -> region.value().equals(row.get("REGION_CODE"))).toList();
    }

    /** Open cases by colour, counted by the test. */
    private static Map<String, Long> colours(List<Map<String, Object>> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        COLOURS.forEach(colour -> counts.put(colour, 0L));
        rows.stream().filter(row -> "OPEN".equals(row.get("STATUS")))
            .forEach(row -> counts.merge(row.get("RISK_LEVEL") == null ? "UNRATED" : (String) row.get("RISK_LEVEL"), 1L, Long::sum));
        return counts;
    }

    private Map<String, Long> lists() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List.of("SCREENING", "RECTIFICATION", "CLOSE_OUT").forEach(list -> counts.put(list, 0L));
        seeded.values().forEach(row -> counts.merge((String) row.get("CASE_LIST"), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> figures(JsonNode node, List<String> keys) {
        Map<String, Long> figures = new LinkedHashMap<>();
        keys.forEach(key -> figures.put(key, node.path(key).asLong(-1)));
        return figures;
    }

    private static JsonNode row(JsonNode rows, String region) {
        for (JsonNode row : rows) {
            if (row.path("region").asText().equals(region)) {
                return row;
            }
        }
        throw new AssertionError("no row " + region + " in " + rows);
    }

    // ------------------------------------------------------------------------------------------------ calls

    private Api.Response get(String user, String path) {
        return Api.as(http, user, DemoOrganisation.PASSWORD).get(path);
    }

    /** Every item of a list, page by page, checking the totals agree. */
    private List<JsonNode> pages(String user, String pathAndQuery, int size) {
        return ConsoleLists.pages(http, user, pathAndQuery, size);
    }

    private byte[] download(String user, String path) {
        return ConsoleLists.download(http, user, path);
    }

    private static List<List<String>> sheet(byte[] file) throws Exception {
        return ConsoleLists.sheet(file);
    }

    // ------------------------------------------------------------------------------------------------ seeding

    private void walk(LeadDisposalWalker walker, RegionCode village, Stop stop) {
        walker.walkTo(processOf(intake(village)), stop);
    }

    private long intake(RegionCode region) {
        String institution = "台账测试养老院" + tag + "-" + (seededCount++);
        return Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD).post("/api/leads", Map.of("source", LeadSource.GRID_PATROL.name(),
            "institution", Map.of("name", institution, "jurisdiction", region.value()), "description", "台账测试线索")).ok().json()
            .path("caseId").asLong();
    }

    private int seededCount;

    private List<Long> caseIds() {
        return jdbc.sql("SELECT ID FROM EG_CASE WHERE REGION_CODE BETWEEN ? AND ? ORDER BY ID").params(town.subtreeFirst(), town.subtreeLast())
            .query(Long.class).list();
    }

    private Map<String, Object> read(long id) {
        return jdbc.sql("SELECT REGION_CODE, STATUS, CASE_LIST, RISK_LEVEL, PRIORITY, CURRENT_MEASURE_NAME FROM EG_CASE WHERE ID = ?")
            .param(id).query().singleRow();
    }

    private String processOf(long caseId) {
        return jdbc.sql("SELECT PROCESS_INSTANCE_ID FROM EG_CASE WHERE ID = ?").param(caseId).query(String.class).single();
    }

    private RegionCode freshTown() {
        return TestTowns.fresh(jdbc);
    }

    private void jurisdiction(RegionCode code, String name, String level, String parent) {
        TestTowns.jurisdiction(jdbc, code, name, level, parent);
    }
}
