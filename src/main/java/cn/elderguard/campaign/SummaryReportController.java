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

/**
 * The campaign's summary report as downloads (docs/campaigns.md, "Figures and the summary report"): .xlsx and a
 * printable PDF. The access check and the font come first, so a refusal is an answer, never a broken file.
 */
@RestController
class SummaryReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SummaryReport report;
    private final PdfFont font;

    SummaryReportController(SummaryReport report, PdfFont font) {
        this.report = report;
        this.font = font;
    }

    @GetMapping("/api/campaigns/{id}/summary.xlsx")
    void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        SummaryReport.Content content = report.open(id);
        OutputStream out = download(response, XLSX, content.fileName("xlsx"));
        SummaryWorkbook.write(content, report, out);
        out.flush();
    }

    @GetMapping("/api/campaigns/{id}/summary.pdf")
    void pdf(@PathVariable long id, HttpServletResponse response) throws IOException {
        SummaryReport.Content content = report.open(id);
        BaseFont chinese = font.font();
        OutputStream out = download(response, MediaType.APPLICATION_PDF, content.fileName("pdf"));
        SummaryPdf.write(content, report, chinese, out);
        out.flush();
    }

    @ExceptionHandler(PdfFont.Missing.class)
    ResponseEntity<ProblemDetail> fontMissing(PdfFont.Missing e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("缺少中文字体");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static OutputStream download(HttpServletResponse response, MediaType type, String fileName) throws IOException {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return response.getOutputStream();
    }
}
