package cn.elderguard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.system.Downloads;

/**
 * The assessment follows docs/assessment.md: the expected scores are computed here from the rule's text (duties on
 * time, late, missing; information reports; escalation steps on the campaign's own tasks; returns; rounding, clamping,
 * ranking, standing), not copied from the application's answers; the spreadsheet opens and says the same.
 */
@ElderGuardTest
class AssessmentTest {

    static final Instant FUTURE = Instant.parse("2099-01-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Assessment assessment;

    /** What one unit's records are, and what the rule makes of them. */
    record Expected(int unit, String name, int onTime, int late, int missing, int returned, int info, int escalations) {

        int due() {
            return onTime + late + missing;
        }

        /** docs/assessment.md rules 2–6. */
        double score() {
            double duty = due() == 0 ? 60 : 60.0 * (onTime + late / 2.0) / due();
            double info = 10 * Math.min(this.info, 2);
            double escalation = Math.max(0, 20 - 5 * escalations);
            double returns = Math.min(10, 2 * returned);
            return Math.round(Math.max(0, duty + info + escalation - returns) * 10) / 10.0;
        }

        /** Rule 8. */
        String standing() {
            return score() < 60 ? "NAMED" : score() >= 90 ? "COMMENDED" : "NONE";
        }
    }

    @Test
    void scoresFollowTheRuleForOnTimeLateAndMissingDutiesEscalationsReportsAndReturns() throws Exception {
        CampaignRows rows = new CampaignRows(jdbc);
        long id = rows.hexiCampaign("考核测试-" + UUID.randomUUID());
        String process = rows.processInstanceId(id);
        Instant due = Instant.parse("2024-03-01T16:00:00Z");

        // 河西镇民政办: every duty due on time (one filed exactly at its due moment); its summary is not due yet.
        rows.duty(id, 0, DutyKind.PLAN, DutyKind.ONCE, due, due, 0);
        rows.duty(id, 0, DutyKind.MONTHLY_REPORT, "2024-04", month(4), month(4).minus(3, ChronoUnit.DAYS), 0);
        rows.duty(id, 0, DutyKind.MONTHLY_REPORT, "2024-05", month(5), month(5).minus(1, ChronoUnit.HOURS), 0);
        rows.duty(id, 0, DutyKind.UNIT_SUMMARY, DutyKind.ONCE, FUTURE, null, 0);
        rows.infoReports(id, 0, 3, ReportKind.INFO);
        rows.escalatedTask(process, 0, true, 0);

        // 河西派出所: 7 duties due — 3 on time, 2 late, 2 missing; returned 3 times; 1 report; 3 escalation steps on the
        // campaign's tasks, and more on another process's task that do not count.
        rows.duty(id, 1, DutyKind.PLAN, DutyKind.ONCE, due, due.plus(1, ChronoUnit.SECONDS), 1);
        rows.duty(id, 1, DutyKind.MONTHLY_REPORT, "2024-04", month(4), null, 0);
        rows.duty(id, 1, DutyKind.MONTHLY_REPORT, "2024-05", month(5), month(5).minus(2, ChronoUnit.DAYS), 2);
        rows.duty(id, 1, DutyKind.MONTHLY_REPORT, "2024-06", month(6), month(6).plus(4, ChronoUnit.DAYS), 0);
        rows.duty(id, 1, DutyKind.MONTHLY_REPORT, "2024-07", month(7), month(7), 0);
        rows.duty(id, 1, DutyKind.MONTHLY_REPORT, "2024-08", month(8), month(8).minus(5, ChronoUnit.DAYS), 0);
        rows.duty(id, 1, DutyKind.MONTHLY_REPORT, "2024-09", month(9), null, 0);
        rows.duty(id, 1, DutyKind.SUMMARY, DutyKind.ONCE, due, null, 0);
        rows.infoReports(id, 1, 1, ReportKind.INFO);
        rows.infoReports(id, 1, 2, ReportKind.URGENT);
        rows.escalatedTask(process, 1, true, 2);
        rows.escalatedTask(process, 1, false, 1);
        rows.escalatedTask("another-process-" + UUID.randomUUID(), 1, true, 3);

        // 河西村网格员: nothing due yet; 1 report, 1 escalation step.
        rows.duty(id, 2, DutyKind.PLAN, DutyKind.ONCE, FUTURE, null, 0);
        rows.infoReports(id, 2, 1, ReportKind.INFO);
        rows.escalatedTask(process, 2, true, 1);

        // 柳树村网格员: its plan missing, returned 5 times, 4 escalation steps: below zero before the floor.
        rows.duty(id, 3, DutyKind.PLAN, DutyKind.ONCE, due, null, 5);
        rows.escalatedTask(process, 3, false, 4);

        List<Expected> expected = new ArrayList<>(List.of(
            new Expected(0, "河西镇民政办", 3, 0, 0, 0, 3, 0),
            new Expected(1, "河西派出所", 3, 2, 2, 3, 1, 3),
            new Expected(2, "河西村网格员", 0, 0, 0, 0, 1, 1),
            new Expected(3, "柳树村网格员", 0, 0, 1, 5, 0, 4)));
        expected.sort(Comparator.comparingDouble(Expected::score).reversed().thenComparing(Expected::name));
        assertThat(expected.stream().map(Expected::score).toList()).as("the rule's own arithmetic").containsExactly(100.0, 85.0, 43.3, 0.0);

        JsonNode table = Api.as(http, "hx_zzb", DemoOrganisation.PASSWORD).get("/api/campaigns/" + id + "/assessment").ok().json();
        assertThat(table.path("total").asLong()).isEqualTo(4);
        JsonNode items = table.path("items");
        for (int i = 0; i < expected.size(); i++) {
            Expected unit = expected.get(i);
            JsonNode row = items.get(i);
            assertThat(row.path("unitName").asText()).isEqualTo(unit.name());
            assertThat(row.path("rank").asInt()).isEqualTo(i + 1);
            assertThat(row.path("score").asDouble()).as(unit.name()).isEqualTo(unit.score());
            assertThat(row.path("dutiesDue").asInt()).isEqualTo(unit.due());
            assertThat(row.path("onTime").asInt()).isEqualTo(unit.onTime());
            assertThat(row.path("late").asInt()).isEqualTo(unit.late());
            assertThat(row.path("missing").asInt()).isEqualTo(unit.missing());
            assertThat(row.path("returned").asInt()).isEqualTo(unit.returned());
            assertThat(row.path("infoReports").asInt()).isEqualTo(unit.info());
            assertThat(row.path("escalations").asInt()).as(unit.name() + " escalation steps").isEqualTo(unit.escalations());
            assertThat(row.path("standing").asText()).isEqualTo(unit.standing());
        }
        assertThat(items.get(0).path("standingLabel").asText()).isEqualTo("通报表扬");
        assertThat(items.get(3).path("standingLabel").asText()).isEqualTo("通报");

        JsonNode second = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD).get("/api/campaigns/" + id + "/assessment?size=2&page=1")
            .ok().json().path("items");
        assertThat(second.findValuesAsText("unitName")).containsExactly(expected.get(2).name(), expected.get(3).name());

        byte[] xlsx = download("hx_zzb", "/api/campaigns/" + id + "/assessment.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("考核排名");
            assertThat(sheet).isNotNull();
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("排名");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("单位");
            assertThat(header.getCell(15).getStringCellValue()).isEqualTo("总分");
            assertThat(header.getCell(16).getStringCellValue()).isEqualTo("通报");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(expected.get(i).name());
                assertThat(row.getCell(15).getNumericCellValue()).isEqualTo(expected.get(i).score());
            }
            assertThat(sheet.getRow(1).getCell(16).getStringCellValue()).isEqualTo("通报表扬");
        }
    }

    @Test
    void unitsWithTheSameScoreShareARankAndAreOrderedByName() {
        long id = new CampaignRows(jdbc).hexiCampaign("同分测试-" + UUID.randomUUID());

        List<Assessment.UnitScore> ranked = assessment.ranked(id);

        List<String> names = new ArrayList<>();
        for (String[] unit : CampaignRows.HEXI_UNITS) {
            names.add(unit[2]);
        }
        names.sort(Comparator.naturalOrder());
        assertThat(ranked).extracting(Assessment.UnitScore::unitName).containsExactlyElementsOf(names);
        double nothingDueNoReportsNoEscalations = new Expected(0, "", 0, 0, 0, 0, 0, 0).score();
        assertThat(ranked).allSatisfy(score -> {
            assertThat(score.rank()).isEqualTo(1);
            assertThat(score.score().doubleValue()).isEqualTo(nothingDueNoReportsNoEscalations);
        });
    }

    @Test
    void onlyTheCampaignOfficeAndAdministratorsReadTheAssessment() {
        long id = new CampaignRows(jdbc).hexiCampaign("考核权限测试-" + UUID.randomUUID());
        String path = "/api/campaigns/" + id + "/assessment";

        Api.Response participant = Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get(path);
        assertThat(participant.status()).isEqualTo(403);
        assertThat(participant.json().path("detail").asText()).contains("只有专项办");
        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get(path + ".xlsx").status()).isEqualTo(403);
        assertThat(Api.as(http, "cg_zzb", DemoOrganisation.PASSWORD).get(path).status()).as("another town's office").isEqualTo(404);
        assertThat(Api.as(http, "hx_scjg", DemoOrganisation.PASSWORD).get(path).status()).isEqualTo(404);
        assertThat(Api.as(http, "xian_ldxz", DemoOrganisation.PASSWORD).get(path).status()).as("the county's leading group").isEqualTo(200);
        assertThat(Api.admin(http).get(path).status()).isEqualTo(200);
        assertThat(Api.anonymous(http).get(path).status()).isEqualTo(401);
        assertThat(Api.as(http, "hx_zzb", DemoOrganisation.PASSWORD).get("/api/campaigns/" + (id + 1_000_000) + "/assessment").status())
            .isEqualTo(404);
    }

    /** The 21st of a 2024 month, 24:00 Beijing time: a monthly report's due moment. */
    static Instant month(int month) {
        return Instant.parse("2024-%02d-21T16:00:00Z".formatted(month));
    }

    byte[] download(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", UnitRecordsTest.basic(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(Downloads.XLSX);
        return response.body();
    }
}
