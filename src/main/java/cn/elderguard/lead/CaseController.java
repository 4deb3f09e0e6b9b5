package cn.elderguard.lead;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.security.AccessScope;
import cn.elderguard.security.CurrentUser;
import cn.elderguard.system.InvalidInputException;

/**
 * Cases as supervisors and officers read them: the three lists of a jurisdiction (排查清单 / 整改清单 /
 * 销号清单) and one case's ratings with their explanation and its timeline (台账).
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private static final List<String> LISTS = List.of("SCREENING", "RECTIFICATION", "CLOSE_OUT");

    private final CaseRepository cases;
    private final CaseAccess access;
    private final CaseTimeline timeline;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    CaseController(CaseRepository cases, CaseAccess access, CaseTimeline timeline, JdbcClient jdbc, CurrentUser currentUser) {
        this.cases = cases;
        this.access = access;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<CaseRepository.CaseSummary> list(@RequestParam(defaultValue = "SCREENING") String list,
                                          @RequestParam(required = false) RegionCode jurisdiction,
                                          @RequestParam(defaultValue = "0") long after,
                                          @RequestParam(defaultValue = "50") int size) {
        if (!LISTS.contains(list)) {
            throw new InvalidInputException("list", "应为 " + LISTS);
        }
        AccessScope scope = currentUser.scope();
        int limit = Math.min(Math.max(size, 1), 100);
        if (jurisdiction != null && !scope.isEverything() && !scope.coversRegion(jurisdiction)) {
            throw new AccessDeniedException("区划 " + jurisdiction + " 不在您的辖区内");
        }
        return switch (scope.kind()) {
            case EVERYTHING, SUPERVISOR -> {
                RegionCode region = jurisdiction != null ? jurisdiction : scope.region();
                if (region == null) {
                    throw new InvalidInputException("jurisdiction", "请指定区划");
                }
                yield cases.page(list, region, null, after, limit);
            }
            // A sector unit lists the cases it has been given work on (docs/security.md).
            case UNIT -> cases.pageForUnit(list, scope.unit(), jurisdiction, after, limit);
            case SERVICE_ACCOUNT, NONE -> throw new AccessDeniedException("您没有查看案件的权限");
        };
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        CaseFile caseFile = access.readable(id);
        List<Map<String, Object>> ratings = jdbc.sql("SELECT RISK_LEVEL, REASONS, PRIORITY, RATED_AT FROM EG_RATING WHERE CASE_ID = ? ORDER BY ID")
            .param(id).query((rs, row) -> Map.<String, Object>of("riskLevel", rs.getString(1), "reasons", rs.getString(2),
                "priority", rs.getInt(3), "ratedAt", rs.getTimestamp(4).toInstant())).list();
        List<CaseEvent> events = timeline.of(id);
        return Map.of("case", caseFile, "ratings", ratings, "timeline", events);
    }
}
