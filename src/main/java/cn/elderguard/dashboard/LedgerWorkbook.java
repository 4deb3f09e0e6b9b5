package cn.elderguard.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A console list as an .xlsx (docs/console.md): Chinese headers, then one row per item, written through a streaming
 * workbook that keeps only {@value #ROWS_IN_MEMORY} rows in memory, straight to the response.
 */
final class LedgerWorkbook implements AutoCloseable {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 100;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final Sheet sheet;
    private int rows;

    LedgerWorkbook(String sheetName, List<String> headers) {
        sheet = workbook.createSheet(sheetName);
        add(headers.toArray());
    }

    /** One row: numbers as numbers, null as an empty cell, anything else as its text. */
    void add(Object... values) {
        Row row = sheet.createRow(rows++);
        for (int column = 0; column < values.length; column++) {
            Object value = values[column];
            if (value instanceof Number number) {
                row.createCell(column).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(column).setCellValue(value.toString());
            }
        }
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    /** The response's headers for a download of {@code fileName}; answers its body. */
    static OutputStream download(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return response.getOutputStream();
    }
}
