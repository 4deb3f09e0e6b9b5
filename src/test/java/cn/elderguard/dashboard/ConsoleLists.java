package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;

/** A console list read as its page does (every page) and as its export (the .xlsx's cells as shown). */
final class ConsoleLists {

    private ConsoleLists() {
    }

    /** Every item of a list, page by page of {@code size}; the pages add up to the list's {@code total}. */
    static List<JsonNode> pages(TestRestTemplate http, String user, String pathAndQuery, int size) {
        List<JsonNode> items = new ArrayList<>();
        long total = -1;
        for (int page = 0; page < 1000; page++) {
            JsonNode body = Api.as(http, user, DemoOrganisation.PASSWORD).get(pathAndQuery + "page=" + page + "&size=" + size).ok().json();
            total = body.path("total").asLong();
            body.path("items").forEach(items::add);
            if (body.path("items").size() < size) {
                break;
            }
        }
        assertThat(items).hasSize((int) total);
        return items;
    }

    static byte[] download(TestRestTemplate http, String user, String path) {
        ResponseEntity<byte[]> response = http.withBasicAuth(user, DemoOrganisation.PASSWORD).getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    /** The first sheet's rows, header included, each cell as Excel shows it. */
    static List<List<String>> sheet(byte[] file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < width; column++) {
                    cells.add(row.getCell(column) == null ? "" : formatter.formatCellValue(row.getCell(column)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
