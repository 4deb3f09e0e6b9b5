package cn.elderguard.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.elderguard.system.Now;

/**
 * A console list as .xlsx (docs/console.md, "Scope"): a header row of Chinese column names, then one row per item,
 * written as a stream (SXSSF): only the last {@value #WINDOW} rows are in memory however long the list. A sheet holds
 * at most {@value #MAX_ROWS} items; more continue on the next sheet (名称 2, 名称 3 …) under the same header.
 */
final class ConsoleWorkbook implements AutoCloseable {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int WINDOW = 100;
    /** Excel's row limit less the header. */
    static final int MAX_ROWS = 1_048_575;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final String sheetName;
    private final List<String> headers;
    private final CellStyle header;
    private SXSSFSheet sheet;
    private int sheets;
    private int rows;

    ConsoleWorkbook(String sheetName, List<String> headers) {
        workbook.setCompressTempFiles(true);
        this.sheetName = sheetName;
        this.headers = List.copyOf(headers);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
    }

    /** One item; a value is a number, text, a time (shown in the installation's zone) or null (an empty cell). */
    void row(Object... values) {
        if (sheet == null || rows == MAX_ROWS) {
            newSheet();
        }
        Row row = sheet.createRow(++rows);
        for (int column = 0; column < values.length; column++) {
            Object value = values[column];
            if (value instanceof Number number) {
                row.createCell(column).setCellValue(number.doubleValue());
            } else if (value instanceof OffsetDateTime time) {
                row.createCell(column).setCellValue(TIME.format(time.atZoneSameInstant(Now.zone())));
            } else if (value != null) {
                row.createCell(column).setCellValue(value.toString());
            }
        }
    }

    void write(OutputStream out) throws IOException {
        if (sheet == null) {
            newSheet();
        }
        workbook.write(out);
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
        Row row = sheet.createRow(0);
        for (int column = 0; column < headers.size(); column++) {
            row.createCell(column).setCellValue(headers.get(column));
            row.getCell(column).setCellStyle(header);
            sheet.setColumnWidth(column, 16 * 256);
        }
        rows = 0;
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }
}
