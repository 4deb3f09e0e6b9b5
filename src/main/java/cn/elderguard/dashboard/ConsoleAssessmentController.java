package cn.elderguard.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's unit assessment (docs/console.md, "Unit assessment"): a page of the ranked table, or all of it as .xlsx. */
@RestController
class ConsoleAssessmentController {

    static final List<String> HEADERS = List.of("排名", "单位", "单位类别", "区划代码", "所属辖区", "期内到期任务", "按时办结", "逾期办结",
        "逾期未办", "未到期未办", "升级督办（次）", "期内到期专项事项", "按时报送", "逾期报送", "未报送", "按时得分", "督办得分", "总分");

    private final ConsoleScopes scopes;
    private final ConsoleAssessment assessment;

    ConsoleAssessmentController(ConsoleScopes scopes, ConsoleAssessment assessment) {
        this.scopes = scopes;
        this.assessment = assessment;
    }

    @GetMapping("/api/console/assessment")
    LedgerPage<ConsoleAssessment.UnitRow> table(@RequestParam(required = false) String region,
                                                @RequestParam(required = false) String agency,
                                                @RequestParam(defaultValue = "false") boolean exact,
                                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        ConsoleAssessment.Period period = ConsoleAssessment.Period.parse(from, to);
        return assessment.table(scopes.resolve(region, agency, exact), period, page, size);
    }

    @GetMapping("/api/console/assessment.xlsx")
    void xlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
              @RequestParam(defaultValue = "false") boolean exact, @RequestParam(required = false) String from,
              @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        ConsoleAssessment.Period period = ConsoleAssessment.Period.parse(from, to);
        List<ConsoleAssessment.UnitRow> rows = assessment.ranked(scopes.resolve(region, agency, exact), period);
        try (LedgerWorkbook workbook = new LedgerWorkbook("单位考核", HEADERS)) {
            for (ConsoleAssessment.UnitRow row : rows) {
                workbook.add(values(row));
            }
            OutputStream out = LedgerWorkbook.download(response, LedgerWorkbook.XLSX,
                "单位考核" + period.from() + "至" + period.to() + ".xlsx");
            workbook.write(out);
        }
    }

    /** A row's cells in {@link #HEADERS}' order. */
    static Object[] values(ConsoleAssessment.UnitRow row) {
        return new Object[] {row.rank(), row.unitName(), row.agencyLabel(), row.region(), row.regionName(), row.tasksDue(),
            row.tasksOnTime(), row.tasksLate(), row.tasksOverdue(), row.tasksNotYetDue(), row.escalations(), row.dutiesDue(),
            row.dutiesOnTime(), row.dutiesLate(), row.dutiesMissing(), row.punctualityPoints(), row.escalationPoints(), row.score()};
    }
}
