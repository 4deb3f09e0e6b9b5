package cn.elderguard.lead;

import org.springframework.stereotype.Service;

import cn.elderguard.organisation.AccessScope;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.NotFoundException;

/**
 * Who may read a case file (docs/security.md, "Who sees what"): administrators; the 处非办 and leading group of
 * the case's jurisdiction or any above it; and the people of every unit the case's tasks were offered to — its
 * sector unit, a unit it was handed over to, the 处非办 of another region that co-investigates it. The same
 * people the engine lets read the case's tasks, so Tasklist and the application agree. Read-only for all but
 * the units doing the work, and never the tipster's identity (see {@link TipsterDirectory}).
 */
@Service
public class CaseAccess {

    static final String NOT_FOUND = "案件不存在或不在您的职责范围内";

    private final CaseRepository cases;
    private final CurrentUser currentUser;

    CaseAccess(CaseRepository cases, CurrentUser currentUser) {
        this.cases = cases;
        this.currentUser = currentUser;
    }

    public boolean mayRead(CaseFile caseFile) {
        AccessScope scope = currentUser.scope();
        if (scope.supervises(caseFile.jurisdiction())) {
            return true;
        }
        boolean hasUnit = scope.kind() == AccessScope.Kind.UNIT || scope.kind() == AccessScope.Kind.SUPERVISOR;
        return hasUnit && cases.involves(caseFile.id(), scope.unit());
    }

    /** The case, if the caller may read it; otherwise 404 whether or not it exists. */
    public CaseFile readable(long caseId) {
        return cases.byId(caseId).filter(this::mayRead).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }
}
