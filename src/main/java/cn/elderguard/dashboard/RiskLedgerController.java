package cn.elderguard.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.lead.CaseList;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.system.InvalidInputException;

/** The risk ledger of the console (docs/console.md, "Risk ledger"): colours, lists, key leads, and their .xlsx. */
@RestController
class RiskLedgerController {

    static final List<String> CASE_HEADERS = List.of("案件编号", "机构名称", "区划代码", "所属辖区", "责任单位类别", "风险等级", "优先级",
        "所在清单", "状态", "立案时间", "销号时间", "当前措施");
    static final List<String> KEY_LEAD_HEADERS = List.of("案件编号", "机构名称", "区划代码", "所属辖区", "风险等级", "优先级",
        "整改责任单位", "单位负责人", "整改措施", "时间安排（最早到期）", "是否逾期");

    private final ConsoleScopes scopes;
    private final RiskLedgerView view;

    RiskLedgerController(ConsoleScopes scopes, RiskLedgerView view) {
        this.scopes = scopes;
        this.view = view;
    }

    @GetMapping("/api/console/risk/summary")
    RiskLedgerView.Summary summary(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
                                   @RequestParam(defaultValue = "false") boolean exact) {
        return view.summary(scopes.resolve(region, agency, exact));
    }

    @GetMapping("/api/console/risk/cases")
    LedgerPage<RiskLedgerView.CaseItem> cases(@RequestParam(required = false) String region,
                                              @RequestParam(required = false) String agency,
                                              @RequestParam(defaultValue = "false") boolean exact,
                                              @RequestParam(required = false) String list, @RequestParam(required = false) String level,
                                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CaseList caseList = caseList(list);
        RiskLevel riskLevel = riskLevel(level);
        return view.cases(scopes.resolve(region, agency, exact), caseList, riskLevel, page, size);
    }

    @GetMapping("/api/console/risk/cases.xlsx")
    void casesXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
                   @RequestParam(defaultValue = "false") boolean exact, @RequestParam(required = false) String list,
                   @RequestParam(required = false) String level, HttpServletResponse response) throws IOException {
        CaseList caseList = caseList(list);
        RiskLevel riskLevel = riskLevel(level);
        ConsoleScope scope = scopes.resolve(region, agency, exact);
        try (LedgerWorkbook workbook = new LedgerWorkbook("风险台账", CASE_HEADERS)) {
            view.eachCase(scope, caseList, riskLevel, c -> workbook.add(c.caseId(), c.institutionName(), c.region(), c.regionName(),
                c.responsibleAgencyLabel(), ConsoleLabels.level(c.riskLevel()), c.priority(), ConsoleLabels.list(c.caseList()),
                ConsoleLabels.status(c.status()), ConsoleLabels.minute(c.openedAt()), ConsoleLabels.minute(c.closedAt()),
                c.currentMeasureName()));
            OutputStream out = LedgerWorkbook.download(response, LedgerWorkbook.XLSX, "风险台账.xlsx");
            workbook.write(out);
        }
    }

    @GetMapping("/api/console/risk/key-leads")
    LedgerPage<RiskLedgerView.KeyLead> keyLeads(@RequestParam(required = false) String region,
                                                @RequestParam(required = false) String agency,
                                                @RequestParam(defaultValue = "false") boolean exact,
                                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return view.keyLeads(scopes.resolve(region, agency, exact), page, size);
    }

    @GetMapping("/api/console/risk/key-leads.xlsx")
    void keyLeadsXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
                      @RequestParam(defaultValue = "false") boolean exact, HttpServletResponse response) throws IOException {
        ConsoleScope scope = scopes.resolve(region, agency, exact);
        try (LedgerWorkbook workbook = new LedgerWorkbook("重点线索台账", KEY_LEAD_HEADERS)) {
            view.eachKeyLead(scope, lead -> workbook.add(lead.caseId(), lead.institutionName(), lead.region(), lead.regionName(),
                ConsoleLabels.level(lead.riskLevel()), lead.priority(), lead.owner(), lead.ownerLeader(),
                RiskLedgerView.measuresLine(lead.measures()), ConsoleLabels.minute(lead.dueAt()), lead.overdue() ? "是" : "否"));
            OutputStream out = LedgerWorkbook.download(response, LedgerWorkbook.XLSX, "重点线索台账.xlsx");
            workbook.write(out);
        }
    }

    static CaseList caseList(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CaseList.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("list", "应为 SCREENING（排查清单）、RECTIFICATION（整改清单）或 CLOSE_OUT（销号清单）");
        }
    }

    static RiskLevel riskLevel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RiskLevel.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", "应为 GREEN（绿）、YELLOW（黄）、ORANGE（橙）或 RED（红）");
        }
    }
}
