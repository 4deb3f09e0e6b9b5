package cn.elderguard.campaign;

import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A printable report in the installation's Chinese font ({@link PdfFont}, embedded): headed sections, tables with a
 * grey header row, 第 n 页 at the foot of every page. The campaign's summary report and the console's summary are
 * written on it (docs/campaigns.md, docs/console.md), so the two print alike.
 */
public abstract class ChinesePdf {

    protected final Document document;
    protected final Font title;
    protected final Font heading;
    protected final Font body;
    protected final Font columnHeader;
    protected final Font small;

    protected ChinesePdf(BaseFont font, Rectangle pageSize, float margin, float columnHeaderSize) {
        document = new Document(pageSize, margin, margin, margin, margin + 10);
        title = new Font(font, 18, Font.BOLD);
        heading = new Font(font, 13, Font.BOLD);
        body = new Font(font, 10.5f);
        columnHeader = new Font(font, columnHeaderSize, Font.BOLD);
        small = new Font(font, 9);
    }

    /** Writes the report to {@code out}: {@link #content()} between the document's opening and its closing. */
    protected final void write(String documentTitle, OutputStream out) {
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PageNumbers());
        document.addTitle(documentTitle);
        document.addCreator("ElderGuard 养老防非");
        document.open();
        try {
            content();
        } finally {
            document.close();
        }
    }

    protected abstract void content();

    protected void heading(String text) {
        Paragraph paragraph = new Paragraph(text, heading);
        paragraph.setSpacingBefore(14);
        paragraph.setSpacingAfter(6);
        document.add(paragraph);
    }

    protected static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(8);
        return table;
    }

    protected void header(PdfPTable table, String... labels) {
        for (String label : labels) {
            PdfPCell cell = cell(label, columnHeader, Element.ALIGN_CENTER);
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
    }

    protected static void row(PdfPTable table, Font font, String... values) {
        for (String value : values) {
            table.addCell(cell(value, font, Element.ALIGN_LEFT));
        }
    }

    protected static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3.5f);
        return cell;
    }

    /** 第 n 页 at the foot of every page. */
    private final class PageNumbers extends PdfPageEventHelper {

        @Override
        public void onEndPage(PdfWriter writer, Document doc) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                new Phrase("第 " + writer.getPageNumber() + " 页", small), (doc.left() + doc.right()) / 2, doc.bottom() - 20, 0);
        }
    }
}
