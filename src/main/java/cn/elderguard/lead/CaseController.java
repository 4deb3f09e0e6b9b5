package cn.elderguard.lead;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.AccessScope;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.InvalidInputException;

/**
 * Cases as supervisors and officers read them: the three lists of a jurisdiction (排查清单 / 整改清单 /
 * 销号清单) and one case's ratings with their explanation and its timeline (台账).
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final CaseTimeline timeline;
    private final CaseRatings ratings;
    private final CaseDossiers dossiers;
    private final CurrentUser currentUser;

    CaseController(CaseRepository cases, CaseAccess access, CaseTimeline timeline, CaseRatings ratings, CaseDossiers dossiers,
                   CurrentUser currentUser) {
        this.cases = cases;
        this.dossiers = dossiers;
        this.access = access;
        this.timeline = timeline;
        this.ratings = ratings;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<CaseRepository.CaseSummary> list(@RequestParam(defaultValue = "SCREENING") String list,
                                          @RequestParam(required = false) RegionCode jurisdiction,
                                          @RequestParam(defaultValue = "0") long after,
                                          @RequestParam(defaultValue = "50") int size) {
        CaseList caseList = Arrays.stream(CaseList.values()).filter(l -> l.name().equals(list)).findFirst()
            .orElseThrow(() -> new InvalidInputException("list", "应为 " + Arrays.toString(CaseList.values())));
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
                yield cases.page(caseList, region, null, after, limit);
            }
            // A sector unit lists the cases it has been given work on (docs/security.md).
            case UNIT -> cases.pageForUnit(caseList, scope.unit(), jurisdiction, after, limit);
            case SERVICE_ACCOUNT, NONE -> throw new AccessDeniedException("您没有查看案件的权限");
        };
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        CaseFile caseFile = access.readable(id);
        return Map.of("case", caseFile, "ratings", ratings.of(id), "timeline", timeline.of(id));
    }

    /** 案卷: the whole case file (docs/case-file.md); the tipster only for the handling 处非办. */
    @GetMapping("/{id}/file")
    CaseDossier file(@PathVariable long id) {
        return dossiers.of(id);
    }
}
