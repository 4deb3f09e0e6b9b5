package cn.elderguard.campaign;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import cn.elderguard.system.Downloads;

/** The assessment's ranked table (docs/assessment.md) for the campaign office: a page of it, or all of it as .xlsx. */
@RestController
class AssessmentController {


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
        OutputStream out = Downloads.stream(response, name + "考核排名.xlsx", Downloads.XLSX);
        assessment.exportXlsx(id, out);
        out.flush();
    }
}
