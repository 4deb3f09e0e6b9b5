package cn.elderguard.lead;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.elderguard.lead.LeadSubmission.TipsterContact;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.security.CurrentUser;
import cn.elderguard.system.InvalidInputException;

/**
 * 举报人: a tipster's identity is visible only to the 处非办 handling the case (RULES §6), i.e. the members
 * of the 处非办 unit that the case's jurisdiction routes to. Not to the sector officers, not to 处非办s
 * further up, not to administrators. The only way to read EG_TIPSTER.
 */
@Service
public class TipsterDirectory {

    private final LeadRepository leads;
    private final CaseRepository cases;
    private final RoutingService routing;
    private final CurrentUser currentUser;

    TipsterDirectory(LeadRepository leads, CaseRepository cases, RoutingService routing, CurrentUser currentUser) {
        this.leads = leads;
        this.cases = cases;
        this.routing = routing;
        this.currentUser = currentUser;
    }

    /** The tipster's contact details, or an empty contact for an anonymous tip. */
    public TipsterContact contact(long leadId) {
        Lead lead = leads.byId(leadId).orElseThrow(() -> new InvalidInputException("leadId", "线索 " + leadId + " 不存在"));
        CaseFile caseFile = cases.byId(lead.caseId()).orElseThrow();
        Unit handling = routing.route(Agency.CHUFEI_OFFICE, caseFile.jurisdiction());
        boolean handlingChufei = currentUser.person().map(Person::unit).filter(handling.key()::equals).isPresent();
        if (!handlingChufei) {
            throw new AccessDeniedException("举报人信息仅限承办本案的处非办（" + handling.name() + "）查看");
        }
        return leads.tipster(leadId).orElse(new TipsterContact(null, null, null));
    }
}
