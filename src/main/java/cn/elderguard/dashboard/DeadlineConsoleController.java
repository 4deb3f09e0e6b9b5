package cn.elderguard.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.deadline.DeadlineState;
import cn.elderguard.deadline.EscalationKind;
import cn.elderguard.system.Now;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's deadline calls (docs/console.md, "Deadlines"; door {@code console} in docs/security.md): the summary,
 * the open tasks by state and the escalation ledger, each list also as .xlsx with the same filters.
 */
@RestController
class DeadlineConsoleController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> TASK_HEADERS = List.of("任务编号", "案件编号", "机构名称", "流程", "任务环节", "任务名称", "单位类别代码", "单位类别",
        "区划代码", "责任单位", "办理人账号", "办理人", "创建时间", "到期时间", "逾期天数", "升级级数", "已升级至", "状态");
    static final List<String> ESCALATION_HEADERS = List.of("记录编号", "任务编号", "案件编号", "任务名称", "单位类别代码", "单位类别", "区划代码",
        "责任单位", "到期时间", "级数", "类型", "升级至（组）", "升级至", "通知人员", "记录时间");

    private final DeadlineConsole console;

    DeadlineConsoleController(DeadlineConsole console) {
        this.console = console;
    }

    @GetMapping("/api/console/deadlines/summary")
    DeadlineConsole.Summary summary(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
                                    @RequestParam(defaultValue = "false") boolean exact) {
        return console.summary(region, agency, exact);
    }

    @GetMapping("/api/console/deadlines/tasks")
    ConsolePage<DeadlineConsole.TaskRow> tasks(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
                                               @RequestParam(defaultValue = "false") boolean exact,
                                               @RequestParam(required = false) DeadlineState state,
                                               @RequestParam(required = false) String processKey,
                                               @RequestParam(required = false) String taskKey,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "" + ConsolePage.DEFAULT_SIZE) int size) {
        return console.tasks(new DeadlineConsole.TaskQuery(region, agency, exact, state, processKey, taskKey), page, size);
    }

    @GetMapping("/api/console/deadlines/tasks.xlsx")
    void tasksXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
                   @RequestParam(defaultValue = "false") boolean exact, @RequestParam(required = false) DeadlineState state,
                   @RequestParam(required = false) String processKey, @RequestParam(required = false) String taskKey,
                   HttpServletResponse response) throws IOException {
        DeadlineConsole.TaskQuery query = new DeadlineConsole.TaskQuery(region, agency, exact, state, processKey, taskKey);
        try (ConsoleWorkbook book = new ConsoleWorkbook("督办任务", TASK_HEADERS)) {
            console.eachTask(query, task -> book.row(task.taskId(), task.caseId(), task.institutionName(), task.processKey(), task.taskKey(),
                task.taskName(), task.agency().name(), task.agencyLabel(), task.region(), task.unitName(), task.assignee(), task.assigneeName(),
                task.createdAt(), task.dueAt(), task.daysOverdue(), task.escalationStep(), task.escalatedTo(), task.state().label()));
            book.write(download(response, "督办任务-" + query.state().label() + "-" + Now.today() + ".xlsx"));
        }
    }

    @GetMapping("/api/console/escalations")
    ConsolePage<DeadlineConsole.EscalationRow> escalations(@RequestParam(required = false) String region,
                                                           @RequestParam(required = false) String agency,
                                                           @RequestParam(defaultValue = "false") boolean exact,
                                                           @RequestParam(required = false) Integer days,
                                                           @RequestParam(required = false) EscalationKind kind,
                                                           @RequestParam(defaultValue = "0") int page,
                                                           @RequestParam(defaultValue = "" + ConsolePage.DEFAULT_SIZE) int size) {
        return console.escalations(new DeadlineConsole.EscalationQuery(region, agency, exact, days, kind), page, size);
    }

    @GetMapping("/api/console/escalations.xlsx")
    void escalationsXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
                         @RequestParam(defaultValue = "false") boolean exact, @RequestParam(required = false) Integer days,
                         @RequestParam(required = false) EscalationKind kind, HttpServletResponse response) throws IOException {
        DeadlineConsole.EscalationQuery query = new DeadlineConsole.EscalationQuery(region, agency, exact, days, kind);
        try (ConsoleWorkbook book = new ConsoleWorkbook("督办记录", ESCALATION_HEADERS)) {
            console.eachEscalation(query, record -> book.row(record.id(), record.taskId(), record.caseId(), record.taskName(),
                record.agency().name(), record.agencyLabel(), record.region(), record.unitName(), record.dueAt(), record.step(),
                record.kind().label(), record.escalatedTo(), record.escalatedToLabel(),
                record.notified().stream().map(person -> person.name() + "（" + person.id() + "）").collect(Collectors.joining("、")),
                record.recordedAt()));
            book.write(download(response, "督办记录-近" + query.days() + "天-" + Now.today() + ".xlsx"));
        }
    }

    /** The response as an .xlsx download; set only once the rows were read, so a refusal is still a plain error. */
    private static OutputStream download(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return response.getOutputStream();
    }
}
