package cn.elderguard.campaign;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.List;

import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The summary report as a printable PDF: A4 portrait, the same content as the workbook, in the configured Chinese font
 * (embedded). The units' table is written out every {@value #ROWS_PER_FLUSH} rows, so its memory does not grow with
 * the number of units; its header repeats on every page.
 */
final class SummaryPdf extends ChinesePdf {

    private static final int ROWS_PER_FLUSH = 200;
    private static final float MARGIN = 50;

    private final SummaryReport.Content content;
    private final SummaryReport report;

    private SummaryPdf(SummaryReport.Content content, SummaryReport report, BaseFont font) {
        super(font, PageSize.A4, MARGIN, 10);
        this.content = content;
        this.report = report;
    }

    static void write(SummaryReport.Content content, SummaryReport report, BaseFont font, OutputStream out) {
        new SummaryPdf(content, report, font).write(content.title(), out);
    }

    @Override
    protected void content() {
        Campaign campaign = content.campaign();
        Paragraph top = new Paragraph(content.title(), title);
        top.setAlignment(Element.ALIGN_CENTER);
        top.setSpacingAfter(12);
        document.add(top);
        PdfPTable facts = table(new float[] {1, 3});
        row(facts, body, "专项办", content.officeName() + "（" + content.ownerName() + "，" + campaign.ownerRegion().value() + "）");
        row(facts, body, "状态", SummaryReport.status(campaign));
        row(facts, body, "发起时间", SummaryReport.minute(campaign.launchedAt()) + "（" + campaign.launchedBy() + "）");
        row(facts, body, "总结报告截止日期", SummaryReport.day(campaign.summaryDueOn()));
        row(facts, body, "统计期间", SummaryReport.period(content.figures()));
        document.add(facts);

        heading("一、阶段安排");
        PdfPTable phases = table(new float[] {2, 3, 2.2f, 2.2f, 2});
        header(phases, "阶段", "计划起止", "实际开始", "实际结束", "备注");
        for (CampaignPhase phase : content.phases()) {
            row(phases, small, phase.label(), SummaryReport.day(phase.startsOn()) + " 至 " + SummaryReport.day(phase.endsOn()),
                SummaryReport.minute(phase.startedAt()), SummaryReport.minute(phase.endedAt()), SummaryReport.phaseNote(phase));
        }
        document.add(phases);

        heading("二、工作数据");
        PdfPTable figures = table(new float[] {3, 2});
        header(figures, "项目", "数值");
        DecimalFormat yuan = new DecimalFormat("#,##0.00");
        for (SummaryReport.FigureRow figure : SummaryReport.figureRows(content.figures())) {
            String value = figure.value() instanceof BigDecimal amount ? yuan.format(amount) : Long.toString(figure.value().longValue());
            figures.addCell(cell(figure.label(), body, Element.ALIGN_LEFT));
            figures.addCell(cell(value, body, Element.ALIGN_RIGHT));
        }
        document.add(figures);

        heading("三、分布情况");
        document.add(shares("行业", content.distribution().bySector()));
        document.add(shares("区域", content.distribution().byRegion()));

        heading("四、总结");
        int number = 1;
        for (SummaryReport.Section section : content.sections()) {
            Paragraph name = new Paragraph("（" + number++ + "）" + section.heading(), body);
            name.setSpacingBefore(6);
            document.add(name);
            Paragraph text = new Paragraph(section.text(), body);
            text.setFirstLineIndent(21);
            text.setLeading(18);
            document.add(text);
        }

        heading("五、各单位总结报送情况");
        Paragraph filed = new Paragraph("参与单位 " + campaign.unitCount() + " 个，已报送本单位总结报告 " + content.unitSummariesFiled() + " 个。",
            body);
        filed.setSpacingAfter(6);
        document.add(filed);
        PdfPTable units = table(new float[] {1, 4.5f, 2.2f, 1.6f, 3});
        units.setHeaderRows(1);
        units.setComplete(false);
        header(units, "序号", "单位", "区划代码", "部门", "本单位总结报告");
        int[] rows = {0};
        report.eachUnit(campaign.id(), unit -> {
            row(units, small, Integer.toString(unit.ordinal() + 1), unit.unitName(), unit.unit().region().value(),
                unit.unit().agency().label(), SummaryReport.filed(unit));
            if (++rows[0] % ROWS_PER_FLUSH == 0) {
                document.add(units);
            }
        });
        units.setComplete(true);
        document.add(units);
    }

    private PdfPTable shares(String what, List<Distribution.Share> shares) {
        PdfPTable table = table(new float[] {3, 2});
        header(table, what, "案件（件）");
        for (Distribution.Share share : shares) {
            table.addCell(cell(share.label(), body, Element.ALIGN_LEFT));
            table.addCell(cell(Long.toString(share.cases()), body, Element.ALIGN_RIGHT));
        }
        return table;
    }
}
