package cn.elderguard.dashboard;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;

import cn.elderguard.campaign.ChinesePdf;
import cn.elderguard.lead.CaseList;
import cn.elderguard.lead.RiskLevel;

/**
 * The console's summary for a jurisdiction and period as a printable PDF (docs/console.md, "Summary (PDF)"): A4
 * landscape, in the Chinese font of {@code campaign/PdfFont} (embedded). Its content is bounded: the colours per child
 * jurisdiction, the first {@value ConsoleSummary#KEY_LEADS} key leads and the assessment's first and last
 * {@value ConsoleSummary#ENDS} units.
 */
final class ConsoleSummaryPdf extends ChinesePdf {

    private static final float MARGIN = 40;

    private final ConsoleSummary.Content content;

    private ConsoleSummaryPdf(ConsoleSummary.Content content, BaseFont font) {
        super(font, PageSize.A4.rotate(), MARGIN, 9.5f);
        this.content = content;
    }

    static void write(ConsoleSummary.Content content, BaseFont font, OutputStream out) {
        new ConsoleSummaryPdf(content, font).write(content.title(), out);
    }

    @Override
    protected void content() {
        Paragraph top = new Paragraph(content.title(), title);
        top.setAlignment(Element.ALIGN_CENTER);
        top.setSpacingAfter(12);
        document.add(top);
        PdfPTable facts = table(new float[] {1, 4});
        row(facts, body, "辖区", content.regionName() + "（" + content.region() + "）" + (content.agencyLabel() == null ? "" : "，" + content.agencyLabel()));
        row(facts, body, "统计期间", content.period().from() + " 至 " + content.period().to());
        row(facts, body, "生成时间", content.generatedAt());
        document.add(facts);

        heading("一、督办概况（期内到期的任务与事项）");
        ConsoleSummary.Totals totals = content.totals();
        PdfPTable deadline = table(new float[] {2, 1, 2, 1});
        row(deadline, body, "期内到期任务", n(totals.tasksDue()), "按时办结", n(totals.tasksOnTime()));
        row(deadline, body, "逾期办结", n(totals.tasksLate()), "逾期未办", n(totals.tasksOverdue()));
        row(deadline, body, "升级督办（次）", n(totals.escalations()), "考核单位（个）", n(totals.units()));
        row(deadline, body, "期内到期专项事项", n(totals.dutiesDue()), "未报送专项事项", n(totals.dutiesMissing()));
        document.add(deadline);

        heading("二、风险等级（办理中案件）");
        RiskLedgerView.Summary risk = content.risk();
        PdfPTable colours = table(new float[] {3, 1, 1, 1, 1, 1});
        header(colours, "辖区", "绿", "黄", "橙", "红", "未评级");
        colourRow(colours, columnHeader, "合计", risk.totals());
        for (Map<String, Object> row : risk.byJurisdiction()) {
            colourRow(colours, small, (String) row.get("name"), row);
        }
        document.add(colours);

        heading("三、三项清单");
        PdfPTable lists = table(new float[] {1, 1, 1});
        header(lists, "排查清单", "整改清单", "销号清单");
        row(lists, body, n(risk.lists().get(CaseList.SCREENING.name())), n(risk.lists().get(CaseList.RECTIFICATION.name())),
            n(risk.lists().get(CaseList.CLOSE_OUT.name())));
        document.add(lists);

        heading("四、重点线索台账（按优先级，前 " + ConsoleSummary.KEY_LEADS + " 条，共 " + content.keyLeads().total() + " 条）");
        PdfPTable leads = table(new float[] {1.1f, 3, 2, 0.8f, 0.9f, 2.6f, 1.4f, 4, 2});
        leads.setHeaderRows(1);
        header(leads, "案件编号", "机构名称", "辖区", "等级", "优先级", "整改责任", "负责人", "整改措施", "时间安排");
        for (RiskLedgerView.KeyLead lead : content.keyLeads().items()) {
            row(leads, small, Long.toString(lead.caseId()), lead.institutionName(), lead.regionName(), ConsoleLabels.level(lead.riskLevel()),
                lead.priority() == null ? "" : lead.priority().toString(), lead.owner(), lead.ownerLeader(),
                RiskLedgerView.measuresLine(lead.measures()), ConsoleLabels.minute(lead.dueAt()) + (lead.overdue() ? "（已逾期）" : ""));
        }
        document.add(leads);

        heading("五、单位考核（前 " + ConsoleSummary.ENDS + " 名与后 " + ConsoleSummary.ENDS + " 名，共 " + totals.units() + " 个单位）");
        assessment("得分最高", content.first());
        assessment("得分最低", content.last());
    }

    private void assessment(String caption, List<ConsoleAssessment.UnitRow> rows) {
        Paragraph name = new Paragraph(caption, body);
        name.setSpacingAfter(4);
        document.add(name);
        PdfPTable table = table(new float[] {0.8f, 4, 1.2f, 1.2f, 1.2f, 1.2f, 1.2f, 1.4f, 1.2f});
        table.setHeaderRows(1);
        header(table, "排名", "单位", "到期任务", "按时办结", "逾期办结", "逾期未办", "升级督办", "专项事项未报", "总分");
        for (ConsoleAssessment.UnitRow row : rows) {
            row(table, small, Integer.toString(row.rank()), row.unitName(), n(row.tasksDue()), n(row.tasksOnTime()), n(row.tasksLate()),
                n(row.tasksOverdue()), n(row.escalations()), n(row.dutiesMissing()), row.score().toPlainString());
        }
        document.add(table);
    }

    private void colourRow(PdfPTable table, Font font, String label, Map<String, ?> counts) {
        table.addCell(cell(label, font, Element.ALIGN_LEFT));
        for (RiskLevel level : RiskLevel.values()) {
            table.addCell(cell(String.valueOf(counts.get(level.name())), font, Element.ALIGN_RIGHT));
        }
        table.addCell(cell(String.valueOf(counts.get(RiskLedgerView.UNRATED)), font, Element.ALIGN_RIGHT));
    }

    private static String n(Number value) {
        return value == null ? "0" : value.toString();
    }
}
