package cn.elderguard.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
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
