package cn.elderguard.dashboard;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.lowagie.text.pdf.BaseFont;

import cn.elderguard.campaign.PdfFont;

/** The console's summary PDF (docs/console.md, "Summary (PDF)"); 503 saying what to install while there is no Chinese font. */
@RestController
class ConsoleSummaryController {

    private final ConsoleScopes scopes;
    private final ConsoleSummary summary;
    private final PdfFont font;

    ConsoleSummaryController(ConsoleScopes scopes, ConsoleSummary summary, PdfFont font) {
        this.scopes = scopes;
        this.summary = summary;
        this.font = font;
    }

    @GetMapping("/api/console/summary.pdf")
    void pdf(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
             @RequestParam(defaultValue = "false") boolean exact, @RequestParam(required = false) String from,
             @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        ConsoleAssessment.Period period = ConsoleAssessment.Period.parse(from, to);
        ConsoleSummary.Content content = summary.of(scopes.resolve(region, agency, exact), period);
        BaseFont chinese = font.font();
        OutputStream out = LedgerWorkbook.download(response, MediaType.APPLICATION_PDF_VALUE, content.fileName());
        ConsoleSummaryPdf.write(content, chinese, out);
        out.flush();
    }

    @ExceptionHandler(PdfFont.Missing.class)
    ResponseEntity<ProblemDetail> fontMissing(PdfFont.Missing e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("缺少中文字体");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
