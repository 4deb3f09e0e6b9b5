package cn.elderguard.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The assessment's ranked table (docs/assessment.md) for the campaign office: a page of it, or all of it as .xlsx. */
@RestController
class AssessmentController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Assessment assessment;

    AssessmentController(Assessment assessment) {
        this.assessment = assessment;
    }

    @GetMapping("/api/campaigns/{id}/assessment")
    ResultPage<Assessment.UnitScore> table(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        return assessment.table(id, page, size);
    }

    @GetMapping("/api/campaigns/{id}/assessment.xlsx")
    void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        String name = assessment.campaignName(id);
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name + "考核排名.xlsx", StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        OutputStream out = response.getOutputStream();
        assessment.exportXlsx(id, out);
        out.flush();
    }
}
