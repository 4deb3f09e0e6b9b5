package cn.elderguard.lead;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.elderguard.lead.LeadSubmission.TipsterContact;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.NotFoundException;

/**
 * 举报人: a tipster's identity is visible only to the 处非办 handling the case (docs/security.md), i.e. the members
 * of the 处非办 unit that the case's jurisdiction routes to. Not to the sector officers, not to 处非办s
 * further up, not to administrators. The only way to read EG_TIPSTER.
 */
@Service
public class TipsterDirectory {

    private final LeadRepository leads;
    private final CaseAccess access;
    private final RoutingService routing;
    private final CurrentUser currentUser;

    TipsterDirectory(LeadRepository leads, CaseAccess access, RoutingService routing, CurrentUser currentUser) {
        this.leads = leads;
        this.access = access;
        this.routing = routing;
        this.currentUser = currentUser;
    }

    /**
     * The tipster's contact details, or an empty contact for an anonymous tip. 404 to whoever may not read the
     * case at all, 403 to a reader who is not the handling 处非办.
     */
    public TipsterContact contact(long leadId) {
        Lead lead = leads.byId(leadId).orElseThrow(() -> new NotFoundException(LeadController.NOT_FOUND));
        CaseFile caseFile = access.readable(lead.caseId());
        if (!handles(caseFile)) {
            throw new AccessDeniedException("举报人信息仅限承办本案的处非办（" + handling(caseFile).name() + "）查看");
        }
        return leads.tipster(leadId).orElse(new TipsterContact(null, null, null));
    }

    /** Whether the caller is a member of the 处非办 handling the case, the only people who see its tipsters. */
    public boolean handles(CaseFile caseFile) {
        Unit handling = handling(caseFile);
        return currentUser.person().map(Person::unit).filter(handling.key()::equals).isPresent();
    }

    private Unit handling(CaseFile caseFile) {
        return routing.route(Agency.CHUFEI_OFFICE, caseFile.jurisdiction());
    }
}
