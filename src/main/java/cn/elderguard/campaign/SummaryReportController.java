package cn.elderguard.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.lowagie.text.pdf.BaseFont;
import cn.elderguard.system.Downloads;

/**
 * The campaign's summary report as downloads (docs/campaigns.md, "Figures and the summary report"): .xlsx and a
 * printable PDF. The access check and the font come first, so a refusal is an answer, never a broken file.
 */
@RestController
class SummaryReportController {


    private final SummaryReport report;
    private final PdfFont font;

    SummaryReportController(SummaryReport report, PdfFont font) {
        this.report = report;
        this.font = font;
    }

    @GetMapping("/api/campaigns/{id}/summary.xlsx")
    void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        SummaryReport.Content content = report.open(id);
        OutputStream out = Downloads.stream(response, content.fileName("xlsx"), Downloads.XLSX);
        SummaryWorkbook.write(content, report, out);
        out.flush();
    }

    @GetMapping("/api/campaigns/{id}/summary.pdf")
    void pdf(@PathVariable long id, HttpServletResponse response) throws IOException {
        SummaryReport.Content content = report.open(id);
        BaseFont chinese = font.font();
        OutputStream out = Downloads.stream(response, content.fileName("pdf"), MediaType.APPLICATION_PDF_VALUE);
        SummaryPdf.write(content, report, chinese, out);
        out.flush();
    }
}
