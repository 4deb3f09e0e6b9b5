package cn.elderguard.lead;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.elderguard.institution.CreditCode;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.InvalidInputException.FieldProblem;

/**
 * What intake checks before it stores a lead, one lead at a time for single and batch intake alike (docs/intake.md):
 * who may submit its source, its idempotency key, the rules that need the database, the submitter's jurisdiction.
 */
@Component
class IntakeChecks {

    private final OrganisationRepository organisation;
    private final CurrentUser currentUser;

    IntakeChecks(OrganisationRepository organisation, CurrentUser currentUser) {
        this.organisation = organisation;
        this.currentUser = currentUser;
    }

    /** The idempotency key: the header's, else the source's reference; null without either. */
    static String key(LeadSubmission lead, String idempotencyKey) {
        return idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.trim() : blankToNull(lead.reference());
    }

    /** Machine sources only from service accounts (and with a key), the others never from them; no database needed. */
    void submitterMaySend(LeadSubmission lead, String key) {
        if (lead.source().machine()) {
            if (!currentUser.isAdmin() && !currentUser.hasGroup(GroupIds.LEAD_INTAKE)) {
                throw new Refused("source", "只有接口账号可以提交来源为“" + lead.source().label() + "”的线索");
            }
            if (key == null) {
                throw new InvalidInputException("reference", "系统来源的线索须提供来源编号（reference）或 Idempotency-Key 请求头，以便重发时不重复登记");
            }
        } else if (currentUser.hasGroup(GroupIds.LEAD_INTAKE)) {
            throw new Refused("source", "接口账号不能提交来源为“" + lead.source().label() + "”的线索");
        }
    }

    /** The logged-in submitter reports only within their own jurisdiction subtree. */
    void submitterCovers(RegionCode region) {
        if (!currentUser.scope().coversRegion(region)) {
            throw new Refused("institution.jurisdiction", "线索所在区划 " + region + " 不在您的辖区内");
        }
    }

    /** Rules that need the database: the jurisdiction exists, a credit code has its right check character. */
    RegionCode references(LeadSubmission lead) {
        List<FieldProblem> problems = new ArrayList<>();
        RegionCode region = null;
        try {
            region = RegionCode.of(lead.institution().jurisdiction());
            if (organisation.jurisdiction(region).isEmpty()) {
                problems.add(new FieldProblem("institution.jurisdiction", "区划 " + region + " 不存在"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("institution.jurisdiction", e.getMessage()));
        }
        String creditCode = blankToNull(lead.institution().creditCode());
        if (creditCode != null && CreditCode.problem(creditCode.toUpperCase()) != null) {
            problems.add(new FieldProblem("institution.creditCode", CreditCode.problem(creditCode.toUpperCase())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return region;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A lead its submitter may not send (403), naming the field that decided it for batch intake's per-item errors. */
    static final class Refused extends AccessDeniedException {

        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
