package cn.elderguard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.lead.CaseList;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.lead.LeadSource;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalWalker;
import cn.elderguard.system.GeneratedIds;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;

/**
 * The campaign figures equal what this test seeded, counted by the test itself: in a town of its own below the demo
 * county (two villages), with a sibling town and times before the launch whose data must stay out. Three leads come
 * in through intake and two of their cases are worked by the real process (rated red and transferred to the police;
 * rated orange with a refund tranche); the rest is written as the modules write it.
 */
@ElderGuardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignFiguresTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    CampaignFigures figures;

    @Autowired
    CaseRepository cases;

    @Autowired
    CaseTimeline timeline;

    /** The campaign's town T with villages T1 and T2, and a sibling town U. */
    String tag;
    RegionCode town;
    RegionCode village1;
    RegionCode village2;
    RegionCode sibling;
    long campaign;
    Instant launched;
    /** Inside the window, and before the launch. */
    Instant inside;
    Instant before;

    @BeforeAll
    void seed() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        town = freshTown();
        sibling = freshTown();
        village1 = RegionCode.of(town.prefix() + "001");
        village2 = RegionCode.of(town.prefix() + "002");
        jurisdiction(town, "统计测试镇" + tag, "TOWN", DemoOrganisation.COUNTY);
        jurisdiction(village1, "统计一村" + tag, "VILLAGE", town.value());
        jurisdiction(village2, "统计二村" + tag, "VILLAGE", town.value());
        jurisdiction(sibling, "统计邻镇" + tag, "TOWN", DemoOrganisation.COUNTY);

        Instant now = Now.instant();
        launched = now.minus(Duration.ofDays(10));
        inside = now.minus(Duration.ofDays(5));
        before = launched.minus(Duration.ofDays(5));
        campaign = campaign("统计测试专项行动-" + tag, town, 3);
        long other = campaign("邻镇专项行动-" + tag, sibling, 0);

        // Through intake and the real process: case A (two leads, village 1) rated red and sent to the police; case B
        // (village 2) rated orange, a refund tranche of 12,345.67 yuan to 7 people recorded.
        long caseA = intake(LeadSource.GRID_PATROL, "统计甲养老院" + tag, village1);
        assertThat(intake(LeadSource.PUBLIC_TIP, "统计甲养老院" + tag, village1)).as("the second lead joins case A").isEqualTo(caseA);
        long caseB = intake(LeadSource.MEDIA_EXPOSURE, "统计乙养老院" + tag, village2);
        LeadDisposalWalker walker = new LeadDisposalWalker(engine);
        walker.walkTo(processOf(caseA), new LeadDisposalWalker.Stop(LeadDisposalWalker.Route.RED, LeadDisposalProcess.TASK_REPORT_POLICE_DECISION));
        walker.walkTo(processOf(caseB),
            new LeadDisposalWalker.Stop(LeadDisposalWalker.Route.ORANGE_REFUNDING, LeadDisposalProcess.TASK_RECORD_REFUND_TRANCHE));
        Task tranche = engine.getTaskService().createTaskQuery().processInstanceId(processOf(caseB))
            .taskDefinitionKey(LeadDisposalProcess.TASK_RECORD_REFUND_TRANCHE).singleResult();
        engine.getTaskService().complete(tranche.getId(), Map.of("trancheAmountYuan", 12_345.67, "tranchePeople", 7L,
            "tranchePaidOn", LocalDate.now().toString(), "notes", "第一笔清退"));

        // C1: health products, village 1, two machine leads; yellow then green; refunds, a hand-over to social-organisation
        // registration (not the police), two transfers to the police (one case).
        long i1 = institution("统计丙保健品店" + tag, "HEALTH_PRODUCTS", village1, before);
        long c1 = openCase(i1, village1, Agency.MARKET_REGULATION, before);
        lead(c1, i1, LeadSource.BANK_FUND_ALERT, village1, inside);
        lead(c1, i1, LeadSource.AD_MONITORING, village1, inside);
        rate(c1, RiskLevel.YELLOW, RiskLevel.GREEN);
        refund(c1, inside, "5000.50", 3);
        event(c1, inside, CaseEvent.Kind.MEASURE, LeadDisposalProcess.TASK_ORDER_REFUND, "REFUND_ORDER 责令退还资金", new BigDecimal("999"), 9);
        handOver(c1, inside, CaseHandOverProcess.Purpose.SOCIAL_ORG_DISPOSAL);
        handOver(c1, inside, CaseHandOverProcess.Purpose.TRANSFER_TO_POLICE);
        handOver(c1, inside.plusSeconds(60), CaseHandOverProcess.Purpose.TRANSFER_TO_POLICE);
        // C2: elder care, village 2; orange; closed in the window.
        long i2 = institution("统计丁养老院" + tag, "ELDER_CARE", village2, before);
        long c2 = openCase(i2, village2, Agency.CIVIL_AFFAIRS, before);
        lead(c2, i2, LeadSource.MONITORING_PLATFORM, village2, inside);
        rate(c2, RiskLevel.ORANGE);
        cases.close(c2, Timestamp.from(Now.instant().minus(Duration.ofDays(2))));
        // C3: health products, the town itself; not rated.
        long i3 = institution("统计戊保健品店" + tag, "HEALTH_PRODUCTS", town, before);
        long c3 = openCase(i3, town, Agency.MARKET_REGULATION, before);
        lead(c3, i3, LeadSource.AGENCY_REFERRAL, town, inside);
        // C4: elder care, village 1; its lead, transfer and close-out before the launch; a refund inside the window.
        long i4 = institution("统计己养老院" + tag, "ELDER_CARE", village1, before);
        long c4 = openCase(i4, village1, Agency.CIVIL_AFFAIRS, before);
        lead(c4, i4, LeadSource.GRID_PATROL, village1, before);
        rate(c4, RiskLevel.RED);
        handOver(c4, launched.minus(Duration.ofDays(3)), CaseHandOverProcess.Purpose.TRANSFER_TO_POLICE);
        cases.close(c4, Timestamp.from(launched.minus(Duration.ofDays(2))));
        refund(c4, inside, "2000", 2);
        // C5: the sibling town: nothing of it counts.
        long i5 = institution("统计庚养老院" + tag, "ELDER_CARE", sibling, before);
        long c5 = openCase(i5, sibling, Agency.CIVIL_AFFAIRS, before);
        lead(c5, i5, LeadSource.PUBLIC_TIP, sibling, inside);
        rate(c5, RiskLevel.RED);
        refund(c5, inside, "7777", 7);
        handOver(c5, inside, CaseHandOverProcess.Purpose.TRANSFER_TO_POLICE);
        cases.close(c5, Timestamp.from(inside));
        // A registry entry added after the window: not yet on the list.
        institution("统计辛保健品店" + tag, "HEALTH_PRODUCTS", village2, Now.instant().plus(Duration.ofDays(30)));

        LocalDate insideDay = LocalDate.ofInstant(inside, Now.zone());
        LocalDate longBefore = LocalDate.ofInstant(launched.minus(Duration.ofDays(20)), Now.zone());
        publicity(campaign, Agency.GRID_WORKER, village1, insideDay, 300, 120);
        publicity(campaign, Agency.MARKET_REGULATION, town, insideDay, 50, 40);
        publicity(campaign, Agency.CHUFEI_OFFICE, town, longBefore, 5, 10);
        publicity(other, Agency.GRID_WORKER, sibling, insideDay, 1000, 1000);
        publicity(other, Agency.GRID_WORKER, village2, insideDay, 9, 7);
        pledge(campaign, i1, Agency.MARKET_REGULATION, village1, insideDay);
        pledge(campaign, i2, Agency.CIVIL_AFFAIRS, village2, longBefore);
        pledge(other, i5, Agency.CIVIL_AFFAIRS, sibling, insideDay);

        // What the summary report shows besides the figures: phases, units, the office's text, one unit's own summary.
        campaigns.insertPhases(campaign, List.of(
            new CampaignRepository.PhasePlan("MOBILIZE", "宣传发动", LocalDate.now().minusDays(10), LocalDate.now().plusDays(5)),
            new CampaignRepository.PhasePlan("SCREEN_AND_RESOLVE", "排查化解", LocalDate.now().plusDays(6), LocalDate.now().plusDays(30))));
        campaigns.insertUnits(campaign, 0, List.of(new Unit(new UnitKey(Agency.CIVIL_AFFAIRS, town), "统计测试镇民政办" + tag),
            new Unit(new UnitKey(Agency.GRID_WORKER, village1), "统计一村网格员" + tag),
            new Unit(new UnitKey(Agency.GRID_WORKER, village2), "统计二村网格员" + tag)));
        duty(campaign, new UnitKey(Agency.GRID_WORKER, village1), DutyKind.UNIT_SUMMARY, inside, "本村排查完毕");
        duty(campaign, new UnitKey(Agency.CHUFEI_OFFICE, town), DutyKind.SUMMARY, null,
            "{\"overall\":\"" + OVERALL + tag + "\",\"causes\":\"部分老人风险意识不强\",\"typicalCases\":\"  \"}");
    }

    static final String OVERALL = "全镇风险总体可控，发现问题机构五家";

    @Test
    void theCampaignsFiguresAreItsJurisdictionsFromItsLaunch() {
        Figures actual = figures.forCampaign(campaign);

        assertThat(actual.from()).isEqualTo(launched);
        assertThat(actual.to()).isAfter(inside);
        // The campaign's own publicity and pledges, whenever held.
        assertFigures(actual, townsCases(3, 170, 355, 2));
    }

    /** The town's leads and cases in the window (the same for the campaign and its office), with the publicity given. */
    private static Figures townsCases(long activities, long people, long materials, long pledges) {
        return new Figures(null, null, 6,
            sources(LeadSource.GRID_PATROL, LeadSource.PUBLIC_TIP, LeadSource.MEDIA_EXPOSURE, LeadSource.BANK_FUND_ALERT,
                LeadSource.AD_MONITORING, LeadSource.MONITORING_PLATFORM, LeadSource.AGENCY_REFERRAL), 7,
            colours(RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.ORANGE, RiskLevel.GREEN), 1, 5,
            1, new BigDecimal("19346.17"), 12, 2,
            activities, people, materials, pledges);
    }

    @Test
    void aUnitsFiguresAreItsSubtreesAndItsSectorsInTheWindow() {
        Instant now = Now.instant();
        Figures office = figures.forUnit(new UnitKey(Agency.CHUFEI_OFFICE, town), launched, now);
        // Publicity and pledges by date and place, in any campaign: the neighbour's activity in village 2 counts, the
        // campaign's activity and pledge before the launch do not.
        assertFigures(office, townsCases(3, 167, 359, 1));

        assertFigures(figures.forUnit(new UnitKey(Agency.MARKET_REGULATION, town), launched, now), new Figures(null, null, 2,
            sources(LeadSource.BANK_FUND_ALERT, LeadSource.AD_MONITORING, LeadSource.AGENCY_REFERRAL), 3,
            colours(RiskLevel.GREEN), 1, 2,
            0, new BigDecimal("5000.50"), 3, 1,
            1, 40, 50, 1));

        assertFigures(figures.forUnit(new UnitKey(Agency.GRID_WORKER, village1), launched, now), new Figures(null, null, 3,
            sources(LeadSource.GRID_PATROL, LeadSource.PUBLIC_TIP, LeadSource.BANK_FUND_ALERT, LeadSource.AD_MONITORING), 4,
            colours(RiskLevel.RED, RiskLevel.GREEN), 0, 2,
            0, new BigDecimal("7000.50"), 5, 2,
            1, 120, 300, 1));

        // The police regulate no sector: they count every case of their jurisdiction, as the office does.
        assertFigures(figures.forUnit(new UnitKey(Agency.PUBLIC_SECURITY, town), launched, now), office);
    }

    @Test
    void whatHappenedBeforeTheLaunchIsInAnEarlierWindowOnly() {
        assertFigures(figures.forUnit(new UnitKey(Agency.CHUFEI_OFFICE, town), launched.minus(Duration.ofDays(30)), launched),
            new Figures(null, null, 4, sources(LeadSource.GRID_PATROL), 1, colours(RiskLevel.RED), 0, 1,
                1, BigDecimal.ZERO, 0, 1,
                1, 10, 5, 1));
    }

    @Test
    void theDistributionIsByTheCasesSectorAndTheVillageOfTheirLeads() {
        Distribution distribution = figures.distribution(campaign);

        assertThat(distribution.bySector()).filteredOn(share -> share.cases() > 0)
            .extracting(Distribution.Share::code, Distribution.Share::label, Distribution.Share::cases)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("ELDER_CARE", "养老服务机构", 3L),
                org.assertj.core.groups.Tuple.tuple("HEALTH_PRODUCTS", "保健品销售", 2L));
        assertThat(distribution.bySector()).as("every sector listed").hasSizeGreaterThanOrEqualTo(8);
        assertThat(distribution.byRegion()).extracting(Distribution.Share::code, Distribution.Share::label, Distribution.Share::cases)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(town.value(), "本级（统计测试镇" + tag + "）", 1L),
                org.assertj.core.groups.Tuple.tuple(village1.value(), "统计一村" + tag, 2L),
                org.assertj.core.groups.Tuple.tuple(village2.value(), "统计二村" + tag, 2L));
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> figures.forCampaign(-1)).isInstanceOf(NotFoundException.class)
            .hasMessageContaining("不存在");
    }

    // ------------------------------------------------------------------------------------------------ exports

    @Test
    void theCountyOfficeExportsTheSummaryAsAWorkbook() throws Exception {
        byte[] file = download("xian_cfb", "/api/campaigns/" + campaign + "/summary.xlsx", 200);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet summary = book.getSheet("总结报告");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统计测试专项行动-" + tag + " 总结报告");
            assertThat(number(summary, "登记线索（条）")).isEqualTo(7);
            assertThat(number(summary, "　其中：" + LeadSource.MEDIA_EXPOSURE.label())).isEqualTo(1);
            assertThat(number(summary, "涉及案件（件）")).isEqualTo(5);
            assertThat(number(summary, "　其中：橙色")).isEqualTo(2);
            assertThat(number(summary, "　其中：尚未评级")).isEqualTo(1);
            assertThat(number(summary, "清退资金（元）")).isEqualTo(19346.17);
            assertThat(number(summary, "移送公安机关（件）")).isEqualTo(2);
            assertThat(number(summary, "签订承诺书（份）")).isEqualTo(2);
            assertThat(number(summary, "统计一村" + tag)).as("cases of village 1").isEqualTo(2);
            assertThat(number(summary, "保健品销售")).isEqualTo(2);
            assertThat(text(summary, "宣传发动", 1)).isEqualTo(LocalDate.now().minusDays(10) + " 至 " + LocalDate.now().plusDays(5));
            assertThat(below(summary, "（1）总体情况")).isEqualTo(OVERALL + tag);
            assertThat(below(summary, "（2）行业和区域分布")).isEqualTo(SummaryReport.NOT_FILLED);
            assertThat(below(summary, "（3）形成原因")).isEqualTo("部分老人风险意识不强");
            assertThat(below(summary, "（4）典型案例")).as("blank is not filled").isEqualTo(SummaryReport.NOT_FILLED);
            assertThat(below(summary, "（5）下一步措施")).isEqualTo(SummaryReport.NOT_FILLED);
            assertThat(text(summary, "参与单位 3 个，已报送本单位总结报告 1 个", 0)).isNotNull();

            Sheet units = book.getSheet("各单位总结报送");
            assertThat(units.getLastRowNum()).isEqualTo(3);
            assertThat(units.getRow(2).getCell(1).getStringCellValue()).isEqualTo("统计一村网格员" + tag);
            assertThat(units.getRow(2).getCell(4).getStringCellValue()).startsWith("已报送（");
            assertThat(units.getRow(3).getCell(4).getStringCellValue()).isEqualTo("未报送");
        }
    }

    @Test
    void theSummaryPrintsAsAnA4PdfInChinese() throws Exception {
        byte[] file = download("xian_cfb", "/api/campaigns/" + campaign + "/summary.pdf", 200);

        try (PDDocument pdf = Loader.loadPDF(file)) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("统计测试专项行动-" + tag + " 总结报告", "一、阶段安排", "排查化解", "登记线索（条）", "19,346.17",
                "移送公安机关（件）", "统计二村" + tag, "总体情况", OVERALL + tag, "部分老人风险意识不强", SummaryReport.NOT_FILLED,
                "统计一村网格员" + tag, "已报送（", "未报送", "第 1 页");
        }
    }

    @Test
    void onlyTheCampaignOfficeAndAdministratorsMayExport() {
        String pdf = "/api/campaigns/" + campaign + "/summary.pdf";
        assertThat(new String(download("nanguan_wgy", pdf, 403), java.nio.charset.StandardCharsets.UTF_8)).contains("专项办");
        download("dongjie_wgy", "/api/campaigns/" + campaign + "/summary.xlsx", 403);
        download("xian_mz", pdf, 403);
        download("cg_zzb", pdf, 403);
        download("xian_ldxz", pdf, 200);
        download("shi_cfb", "/api/campaigns/" + campaign + "/summary.xlsx", 200);
        assertThat(http.withBasicAuth("admin", "test-admin").getForEntity(pdf, byte[].class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity(pdf, byte[].class).getStatusCode().value()).isEqualTo(401);
        assertThat(new String(download("xian_cfb", "/api/campaigns/999999999/summary.xlsx", 404), java.nio.charset.StandardCharsets.UTF_8))
            .contains("专项行动 999999999 不存在");
    }

    /** 1,201 units: both exports page through them and the PDF's table runs over many pages. */
    @Test
    void everyParticipatingUnitIsListedHoweverMany() throws Exception {
        long large = campaign("单位众多的专项行动-" + tag, town, 1201);
        List<Unit> units = new java.util.ArrayList<>();
        for (int i = 1; i <= 1201; i++) {
            Agency agency = i <= 999 ? Agency.GRID_WORKER : Agency.CIVIL_AFFAIRS;
            units.add(new Unit(new UnitKey(agency, RegionCode.of(town.prefix() + String.format("%03d", i <= 999 ? i : i - 999))),
                "参与单位" + i));
        }
        campaigns.insertUnits(large, 0, units);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("xian_cfb", "/api/campaigns/" + large + "/summary.xlsx", 200)))) {
            Sheet sheet = book.getSheet("各单位总结报送");
            assertThat(sheet.getLastRowNum()).isEqualTo(1201);
            assertThat(sheet.getRow(1201).getCell(0).getNumericCellValue()).isEqualTo(1201);
            assertThat(sheet.getRow(1201).getCell(1).getStringCellValue()).isEqualTo("参与单位1201");
        }
        try (PDDocument pdf = Loader.loadPDF(download("xian_cfb", "/api/campaigns/" + large + "/summary.pdf", 200))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(20);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pdf.getNumberOfPages());
            assertThat(stripper.getText(pdf)).contains("参与单位1201", "本单位总结报告");
        }
    }

    private byte[] download(String user, String path, int status) {
        var response = http.withBasicAuth(user, DemoOrganisation.PASSWORD).getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).as(user + " GET " + path).isEqualTo(status);
        return response.getBody() == null ? new byte[0] : response.getBody();
    }

    /** The number beside a label (column A) of the summary sheet. */
    private static double number(Sheet sheet, String label) {
        return row(sheet, label).getCell(1).getNumericCellValue();
    }

    private static String text(Sheet sheet, String label, int column) {
        return row(sheet, label).getCell(column).getStringCellValue();
    }

    /** The text of the row below a heading. */
    private static String below(Sheet sheet, String heading) {
        return sheet.getRow(row(sheet, heading).getRowNum() + 1).getCell(0).getStringCellValue();
    }

    private static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static void assertFigures(Figures actual, Figures expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("from", "to")
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
    }

    private static Map<LeadSource, Long> sources(LeadSource... leads) {
        return counts(LeadSource.class, leads);
    }

    private static Map<RiskLevel, Long> colours(RiskLevel... rated) {
        return counts(RiskLevel.class, rated);
    }

    /** How often each constant occurs, every constant present. */
    @SafeVarargs
    private static <K extends Enum<K>> Map<K, Long> counts(Class<K> type, K... occurrences) {
        Map<K, Long> counts = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            counts.put(key, 0L);
        }
        for (K key : occurrences) {
            counts.merge(key, 1L, Long::sum);
        }
        return counts;
    }

    // ------------------------------------------------------------------------------------------------ seeding

    /** A town code below the demo county that no jurisdiction has yet. */
    private RegionCode freshTown() {
        while (true) {
            RegionCode code = RegionCode.of(DemoOrganisation.COUNTY.substring(0, 6) + (500 + ThreadLocalRandom.current().nextInt(499)) + "000");
            if (jdbc.sql("SELECT COUNT(*) FROM EG_JURISDICTION WHERE REGION_CODE = ?").param(code.value()).query(Long.class).single() == 0) {
                return code;
            }
        }
    }

    /** A running campaign of {@code owner}, launched at {@link #launched}, as the launch stores it. */
    private long campaign(String name, RegionCode owner, int units) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CAMPAIGN (NAME, OWNER_REGION, TEMPLATE, PLAN_DUE_ON, UNIT_SUMMARY_DUE_ON, SUMMARY_DUE_ON, STATUS, UNIT_COUNT,"
                + " LAUNCHED_BY, LAUNCHED_AT) VALUES (?, ?, 'STANDARD', ?, ?, ?, 'RUNNING', ?, 'xian_cfb', ?)")
            .params(name, owner.value(), java.sql.Date.valueOf(LocalDate.now()), java.sql.Date.valueOf(LocalDate.now().plusDays(30)),
                java.sql.Date.valueOf(LocalDate.now().plusDays(40)), units, Timestamp.from(launched))
            .update(key);
        return GeneratedIds.id(key);
    }

    private void jurisdiction(RegionCode code, String name, String level, String parent) {
        jdbc.sql("INSERT INTO EG_JURISDICTION (REGION_CODE, NAME, LEVEL, PARENT_CODE) VALUES (?, ?, ?, ?)")
            .params(code.value(), name, level, parent).update();
    }

    /** A lead through the API as the county 处非办; returns its case. */
    private long intake(LeadSource source, String institution, RegionCode region) {
        var receipt = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD).post("/api/leads", Map.of("source", source.name(),
            "institution", Map.of("name", institution, "jurisdiction", region.value()), "description", "统计测试线索")).ok().json();
        return receipt.path("caseId").asLong();
    }

    private String processOf(long caseId) {
        return jdbc.sql("SELECT PROCESS_INSTANCE_ID FROM EG_CASE WHERE ID = ?").param(caseId).query(String.class).single();
    }

    private long institution(String name, String sector, RegionCode region, Instant createdAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_INSTITUTION (NAME, NATURAL_KEY, REGISTERED, SECTOR, REGION_CODE, CREATED_AT, UPDATED_AT)"
                + " VALUES (?, ?, TRUE, ?, ?, ?, ?)")
            .params(name, name + "@" + region, sector, region.value(), Timestamp.from(createdAt), Timestamp.from(createdAt)).update(key);
        return GeneratedIds.id(key);
    }

    private long openCase(long institution, RegionCode region, Agency agency, Instant openedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CASE (INSTITUTION_ID, OPEN_INSTITUTION_ID, REGION_CODE, RESPONSIBLE_AGENCY, STATUS, OPENED_AT)"
                + " VALUES (?, ?, ?, ?, 'OPEN', ?)")
            .params(institution, institution, region.value(), agency.name(), Timestamp.from(openedAt)).update(key);
        return GeneratedIds.id(key);
    }

    private void lead(long caseId, long institution, LeadSource source, RegionCode region, Instant receivedAt) {
        jdbc.sql("INSERT INTO EG_LEAD (CASE_ID, INSTITUTION_ID, SOURCE, SUBMITTED_BY, IDEMPOTENCY_KEY, REPORTED_INSTITUTION_NAME, REGION_CODE,"
                + " DESCRIPTION, RECEIVED_AT, STATUS) VALUES (?, ?, ?, 'figures-test', ?, '统计测试', ?, '统计测试线索', ?, 'RECEIVED')")
            .params(caseId, institution, source.name(), UUID.randomUUID().toString(), region.value(), Timestamp.from(receivedAt)).update();
    }

    /** Each rating in turn, as the rating module records them: the last one is the case's current level. */
    private void rate(long caseId, RiskLevel... levels) {
        for (RiskLevel level : levels) {
            jdbc.sql("INSERT INTO EG_RATING (CASE_ID, RISK_LEVEL, REASONS, PRIORITY, RATED_AT) VALUES (?, ?, '统计测试', 0, ?)")
                .params(caseId, level.name(), Now.timestamp()).update();
            cases.rate(caseId, level, 0, level == RiskLevel.GREEN ? CaseList.SCREENING : CaseList.RECTIFICATION, false);
        }
    }

    private void refund(long caseId, Instant at, String yuan, int people) {
        event(caseId, at, CaseEvent.Kind.MEASURE, LeadDisposalProcess.TASK_RECORD_REFUND_TRANCHE, "REFUND_TRANCHE 记录清退", new BigDecimal(yuan),
            people);
    }

    private void handOver(long caseId, Instant at, CaseHandOverProcess.Purpose purpose) {
        timeline.record(new CaseEvent(caseId, at, CaseEvent.Kind.HANDED_OVER, null, CaseEvent.handOverTitle(purpose.name(), "甲单位", "乙单位"),
            null, Agency.CIVIL_AFFAIRS.name(), DemoOrganisation.COUNTY, null, null, null, null));
    }

    private void event(long caseId, Instant at, CaseEvent.Kind kind, String taskKey, String title, BigDecimal yuan, int people) {
        timeline.record(new CaseEvent(caseId, at, kind, taskKey, title, "figures-test", Agency.CIVIL_AFFAIRS.name(), DemoOrganisation.COUNTY,
            null, yuan, people, null));
    }

    private void publicity(long campaignId, Agency agency, RegionCode region, LocalDate heldOn, int materials, int people) {
        jdbc.sql("INSERT INTO EG_PUBLICITY (CAMPAIGN_ID, AGENCY, REGION_CODE, HELD_ON, PLACE, FORM, MATERIALS_HANDED_OUT, PEOPLE_REACHED,"
                + " RECORDED_BY, RECORDED_AT) VALUES (?, ?, ?, ?, '村委会', 'LECTURE', ?, ?, 'figures-test', ?)")
            .params(campaignId, agency.name(), region.value(), java.sql.Date.valueOf(heldOn), materials, people, Now.timestamp()).update();
    }

    private void pledge(long campaignId, long institution, Agency agency, RegionCode region, LocalDate signedOn) {
        jdbc.sql("INSERT INTO EG_PLEDGE (CAMPAIGN_ID, INSTITUTION_ID, AGENCY, REGION_CODE, SIGNED_ON, RECORDED_BY, RECORDED_AT)"
                + " VALUES (?, ?, ?, ?, ?, 'figures-test', ?)")
            .params(campaignId, institution, agency.name(), region.value(), java.sql.Date.valueOf(signedOn), Now.timestamp()).update();
    }

    private void duty(long campaignId, UnitKey unit, DutyKind kind, Instant filedAt, String content) {
        jdbc.sql("INSERT INTO EG_CAMPAIGN_DUTY (CAMPAIGN_ID, AGENCY, REGION_CODE, KIND, PERIOD, DUE_AT, FILED_AT, FILED_BY, CONTENT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(campaignId, unit.agency().name(), unit.region().value(), kind.name(), DutyKind.ONCE, Now.timestamp(),
                filedAt == null ? null : Timestamp.from(filedAt), filedAt == null ? null : "figures-test", content).update();
    }
}
