package cn.elderguard.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/** The screening list (摸排对象清单) as a spreadsheet: template, import, rejected rows, re-import. */
@ElderGuardTest
class ScreeningListImportTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void validRowsAreUpsertedAndEveryRejectedRowIsListedWithRowColumnAndReason() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String registeredCode = TestCreditCodes.next();
        String badCode = registeredCode.substring(0, 17) + (registeredCode.charAt(17) == '0' ? '1' : '0');
        byte[] template = http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .getForObject("/api/institutions/template.xlsx", byte[].class);
        List<List<String>> rows = List.of(
            List.of("幸福养老院-" + suffix, registeredCode, "是", "民办", "民非", "养老服务机构", DemoOrganisation.DONGJIE, "东街 8 号",
                "120", "96", "350000", "", "2026-05-10", ""),
            List.of("无名托老所-" + suffix, "", "否", "", "", "", DemoOrganisation.DONGJIE, "西巷 2 号", "12", "10", "", "", "", ""),
            List.of("校验位错误养老院-" + suffix, badCode, "是", "民办", "企业", "", DemoOrganisation.DONGJIE, "", "", "", "", "", "", ""),
            List.of("", "", "否", "", "", "", DemoOrganisation.DONGJIE, "", "", "", "", "", "", ""),
            List.of("日期错误养老院-" + suffix, "", "否", "", "", "", DemoOrganisation.DONGJIE, "", "", "", "", "", "2026/13/45", ""),
            List.of("所有制错误养老院-" + suffix, "", "否", "私营", "", "", DemoOrganisation.DONGJIE, "", "", "", "", "", "", ""));
        byte[] file = fill(template, rows);

        JsonNode first = importFile(file);
        assertThat(first.path("created").asInt()).isEqualTo(2);
        assertThat(rejected(first)).containsExactlyInAnyOrder(
            tuple(4, "统一社会信用代码"),
            tuple(5, "机构名称*"),
            tuple(6, "承诺书签订日期"),
            tuple(7, "所有制（公办/民办/公建民营）"));
        assertThat(first.path("rejected").findValuesAsText("reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());

        JsonNode again = importFile(file);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);

        List<String> changed = new java.util.ArrayList<>(rows.get(0));
        changed.set(9, "101");
        JsonNode third = importFile(fill(template, List.of(changed, rows.get(1))));
        assertThat(third.path("updated").asInt()).isEqualTo(1);
        assertThat(third.path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void theTemplatesExampleRowIsNeverImportedEvenWhenPartlyTypedOverOrKeptAboveRealRows() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        byte[] template = http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .getForObject("/api/institutions/template.xlsx", byte[].class);
        long before = institutionsWithExampleCode();

        // the template as downloaded: nothing to import
        JsonNode asDownloaded = importFile(template);
        assertThat(asDownloaded.path("skippedExamples").asInt()).isEqualTo(1);
        assertThat(asDownloaded.path("created").asInt()).isZero();
        assertThat(asDownloaded.path("rejectedRows").asInt()).isZero();

        // the example kept at the top, real rows below it; an example whose name was changed (its credit code still the
        // example's) and a row that kept the example's mark in front of a new name
        String real = "真实养老院-" + suffix;
        byte[] file = appendRows(template, List.of(
            List.of(real, "", "否", "", "", "", DemoOrganisation.DONGJIE, "", "", "", "", "", "", ""),
            List.of("改了名字的示例-" + suffix, ScreeningListImport.EXAMPLE_CREDIT_CODE, "是", "民办", "民非", "", DemoOrganisation.DONGJIE,
                "", "", "", "", "", "", ""),
            List.of(ScreeningListImport.EXAMPLE_MARK + "留着标记-" + suffix, "", "否", "", "", "", DemoOrganisation.DONGJIE,
                "", "", "", "", "", "", "")));
        JsonNode mixed = importFile(file);

        assertThat(mixed.path("created").asInt()).isEqualTo(1);
        assertThat(mixed.path("skippedExamples").asInt()).isEqualTo(3);
        assertThat(mixed.path("rejectedRows").asInt()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION WHERE NAME = ?").param(real).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION WHERE NAME LIKE ? OR NAME LIKE ?")
            .params("%" + suffix, ScreeningListImport.EXAMPLE_MARK + "%").query(Long.class).single()).as("only the real row").isEqualTo(1);
        assertThat(institutionsWithExampleCode()).isEqualTo(before).isZero();
    }

    private long institutionsWithExampleCode() {
        return jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION WHERE CREDIT_CODE = ?").param(ScreeningListImport.EXAMPLE_CREDIT_CODE)
            .query(Long.class).single();
    }

    /** The downloaded template with its example row left in place and {@code rows} below it. */
    private static byte[] appendRows(byte[] template, List<List<String>> rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aNulCharacterOrAnAbsurdNumberInACellRejectsItsRowNotTheFile() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        byte[] template = http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .getForObject("/api/institutions/template.xlsx", byte[].class);
        // Excel writes a character XML cannot hold as _xHHHH_; U+0000 is one, and PostgreSQL cannot store it.
        byte[] file = fill(template, List.of(
            List.of("空字符养老院_x0000_-" + suffix, "", "否", "", "", "", DemoOrganisation.DONGJIE, "", "", "", "", "", "", ""),
            List.of("指数养老院-" + suffix, "", "否", "", "", "", DemoOrganisation.DONGJIE, "", "", "", "1e-999999999", "", "", ""),
            List.of("正常养老院-" + suffix, "", "否", "", "", "", DemoOrganisation.DONGJIE, "回车_x000D_换行", "", "", "", "", "", "")));

        JsonNode result = importFile(file);

        assertThat(result.path("created").asInt()).isEqualTo(1);
        assertThat(result.path("rejectedRows").asInt()).isEqualTo(2);
        assertThat(rejected(result)).containsExactlyInAnyOrder(tuple(2, "机构名称*"), tuple(3, "预收费用（元）"));
        assertThat(result.path("rejected").get(0).path("reason").asText()).isEqualTo("不能包含空字符（\\u0000），请删除后重新提交");
    }

    @Test
    void numbersAndDatesAreReadAsTheCellsShowThem() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        byte[] template = http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .getForObject("/api/institutions/template.xlsx", byte[].class);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.removeRow(sheet.getRow(1));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("数字养老院-" + suffix);
            row.createCell(2).setCellValue("否");
            // A region code typed as a number, a number of beds, fees with fen, a real date cell.
            row.createCell(6).setCellValue(Double.parseDouble(DemoOrganisation.DONGJIE));
            row.createCell(8).setCellValue(120);
            row.createCell(10).setCellValue(350000.5);
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var date = row.createCell(12);
            date.setCellValue(java.time.LocalDate.of(2026, 5, 10));
            date.setCellStyle(dateStyle);
            workbook.write(out);

            JsonNode result = importFile(out.toByteArray());

            assertThat(result.path("rejected").size()).as(result.toString()).isZero();
            Map<String, Object> imported = jdbc.sql("SELECT REGION_CODE, BEDS, PREPAID_FEES_YUAN, PLEDGE_SIGNED_ON FROM EG_INSTITUTION"
                + " WHERE NAME = ?").param("数字养老院-" + suffix).query().singleRow();
            assertThat(imported.get("region_code")).isEqualTo(DemoOrganisation.DONGJIE);
            assertThat(imported.get("beds")).isEqualTo(120);
            assertThat((BigDecimal) imported.get("prepaid_fees_yuan")).isEqualByComparingTo("350000.5");
            assertThat(imported.get("pledge_signed_on").toString()).isEqualTo("2026-05-10");
        }
    }

    @Test
    void aSheetOverTheRowLimitIsRefusedAsAWholeBeforeAnythingIsStored() throws Exception {
        Path file = LargeScreeningList.write(Files.createTempFile("over-the-limit", ".xlsx"), ScreeningListImport.MAX_ROWS + 1, 7, false);
        try {
            long before = jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION").query(Long.class).single();

            ResponseEntity<String> response = post(Files.readAllBytes(file));

            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION").query(Long.class).single()).isEqualTo(before);
            assertThat(json.readTree(response.getBody()).path("errors").findValuesAsText("message"))
                .containsExactly("一次最多导入 50000 行，请拆分文件");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aFileThatIsNotTheTemplateIsRejectedAsAWhole() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("名称");
            workbook.write(out);
            ResponseEntity<String> response = post(out.toByteArray());
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(json.readTree(response.getBody()).path("errors").findValuesAsText("field")).containsExactly("file");
        }
    }

    @Test
    void anUploadOverTheLimitIsRefused() throws Exception {
        ResponseEntity<String> response = post(new byte[11 * 1024 * 1024]);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(json.readTree(response.getBody()).path("errors").findValuesAsText("field")).containsExactly("file");
    }

    private static List<org.assertj.core.groups.Tuple> rejected(JsonNode result) {
        List<org.assertj.core.groups.Tuple> rows = new java.util.ArrayList<>();
        result.path("rejected").forEach(r -> rows.add(tuple(r.path("row").asInt(), r.path("column").asText())));
        return rows;
    }

    private JsonNode importFile(byte[] file) throws IOException {
        ResponseEntity<String> response = post(file);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(byte[] file) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "screening-list.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("cg_mz", DemoOrganisation.PASSWORD)
            .postForEntity("/api/institutions/import", new HttpEntity<>(parts, headers), String.class);
    }

    /** The downloaded template, its example row replaced by {@code rows}, every cell as text. */
    private static byte[] fill(byte[] template, List<List<String>> rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.removeRow(sheet.getRow(1));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
