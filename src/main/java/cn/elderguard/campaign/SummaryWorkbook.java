package cn.elderguard.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The summary report as .xlsx: sheet 总结报告 (campaign, phases, figures, distribution, the office's text) and sheet
 * 各单位总结报送 (every participating unit). Written as a stream (SXSSF): only the last {@value #WINDOW} rows of a
 * sheet are in memory, however many units take part.
 */
final class SummaryWorkbook {

    private static final int WINDOW = 100;
    /** Excel's limit for the text of one cell. */
    private static final int MAX_CELL_TEXT = 32_767;
    private static final int TEXT_COLUMNS = 5;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle title;
    private final CellStyle heading;
    private final CellStyle header;
    private final CellStyle cell;
    private final CellStyle amount;
    private final CellStyle text;

    private SummaryWorkbook() {
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(large);
        heading = workbook.createCellStyle();
        heading.setFont(bold);
        header = bordered(workbook.createCellStyle());
        header.setFont(bold);
        cell = bordered(workbook.createCellStyle());
        amount = bordered(workbook.createCellStyle());
        amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        text = workbook.createCellStyle();
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
    }

    static void write(SummaryReport.Content content, SummaryReport report, OutputStream out) throws IOException {
        SummaryWorkbook book = new SummaryWorkbook();
        try {
            book.summarySheet(content);
            book.unitSheet(content, report);
            book.workbook.write(out);
        } finally {
            book.workbook.close();
        }
    }

    private void summarySheet(SummaryReport.Content content) {
        SXSSFSheet sheet = workbook.createSheet("总结报告");
        sheet.setColumnWidth(0, 34 * 256);
        for (int column = 1; column < TEXT_COLUMNS; column++) {
            sheet.setColumnWidth(column, 20 * 256);
        }
        Campaign campaign = content.campaign();
        int r = 0;
        put(sheet.createRow(r++), title, content.title());
        r = pair(sheet, r, "专项办", content.officeName() + "（" + content.ownerName() + "，" + campaign.ownerRegion().value() + "）");
        r = pair(sheet, r, "状态", SummaryReport.status(campaign));
        r = pair(sheet, r, "发起时间", SummaryReport.minute(campaign.launchedAt()) + "（" + campaign.launchedBy() + "）");
        r = pair(sheet, r, "总结报告截止日期", SummaryReport.day(campaign.summaryDueOn()));
        r = pair(sheet, r, "统计期间", SummaryReport.period(content.figures()));
        r++;

        put(sheet.createRow(r++), heading, "一、阶段安排");
        r = header(sheet, r, "阶段", "计划起止", "实际开始", "实际结束", "备注");
        for (CampaignPhase phase : content.phases()) {
            r = line(sheet, r, phase.label(), SummaryReport.day(phase.startsOn()) + " 至 " + SummaryReport.day(phase.endsOn()),
                SummaryReport.minute(phase.startedAt()), SummaryReport.minute(phase.endedAt()), SummaryReport.phaseNote(phase));
        }
        r++;

        put(sheet.createRow(r++), heading, "二、工作数据");
        r = header(sheet, r, "项目", "数值");
        for (SummaryReport.FigureRow figure : SummaryReport.figureRows(content.figures())) {
            Row row = sheet.createRow(r++);
            put(row, 0, cell, figure.label());
            Cell value = row.createCell(1);
            if (figure.value() instanceof BigDecimal yuan) {
                value.setCellValue(yuan.doubleValue());
                value.setCellStyle(amount);
            } else {
                value.setCellValue(figure.value().longValue());
                value.setCellStyle(cell);
            }
        }
        r++;

        put(sheet.createRow(r++), heading, "三、分布情况");
        r = header(sheet, r, "行业", "案件（件）");
        r = shares(sheet, r, content.distribution().bySector());
        r++;
        r = header(sheet, r, "区域", "案件（件）");
        r = shares(sheet, r, content.distribution().byRegion());
        r++;

        put(sheet.createRow(r++), heading, "四、总结");
        int number = 1;
        for (SummaryReport.Section section : content.sections()) {
            put(sheet.createRow(r++), heading, "（" + number++ + "）" + section.heading());
            Row row = sheet.createRow(r);
            String body = section.text().length() > MAX_CELL_TEXT ? section.text().substring(0, MAX_CELL_TEXT) : section.text();
            put(row, 0, text, body);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, TEXT_COLUMNS - 1));
            // A merged cell does not grow with its text: give the row the lines it needs (about 60 characters each).
            long lines = body.lines().mapToLong(line -> Math.max(1, (line.length() + 59) / 60)).sum();
            row.setHeightInPoints((float) Math.min(409, Math.max(1, lines) * sheet.getDefaultRowHeightInPoints()));
            r++;
        }
        r++;

        put(sheet.createRow(r++), heading, "五、各单位总结报送情况");
        pair(sheet, r, "参与单位 " + campaign.unitCount() + " 个，已报送本单位总结报告 " + content.unitSummariesFiled() + " 个",
            "明细见工作表“各单位总结报送”");
    }

    private void unitSheet(SummaryReport.Content content, SummaryReport report) {
        SXSSFSheet sheet = workbook.createSheet("各单位总结报送");
        int[] widths = {8, 36, 16, 16, 26};
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, widths[column] * 256);
        }
        sheet.createFreezePane(0, 1);
        int[] r = {header(sheet, 0, "序号", "单位", "区划代码", "部门", "本单位总结报告")};
        report.eachUnit(content.campaign().id(), unit -> {
            Row row = sheet.createRow(r[0]++);
            Cell number = row.createCell(0);
            number.setCellValue(unit.ordinal() + 1);
            number.setCellStyle(cell);
            put(row, 1, cell, unit.unitName());
            put(row, 2, cell, unit.unit().region().value());
            put(row, 3, cell, unit.unit().agency().label());
            put(row, 4, cell, SummaryReport.filed(unit));
        });
    }

    private int pair(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        put(row, 0, heading, label);
        put(row, 1, null, value);
        return r + 1;
    }

    private int header(Sheet sheet, int r, String... labels) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < labels.length; i++) {
            put(row, i, header, labels[i]);
        }
        return r + 1;
    }

    private int line(Sheet sheet, int r, String... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            put(row, i, cell, values[i]);
        }
        return r + 1;
    }

    private int shares(Sheet sheet, int r, java.util.List<Distribution.Share> shares) {
        for (Distribution.Share share : shares) {
            Row row = sheet.createRow(r++);
            put(row, 0, cell, share.label());
            Cell count = row.createCell(1);
            count.setCellValue(share.cases());
            count.setCellStyle(cell);
        }
        return r;
    }

    private static void put(Row row, CellStyle style, String value) {
        put(row, 0, style, value);
    }

    private static void put(Row row, int column, CellStyle style, String value) {
        Cell target = row.createCell(column);
        target.setCellValue(value);
        if (style != null) {
            target.setCellStyle(style);
        }
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
