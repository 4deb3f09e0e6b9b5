package cn.elderguard.lead;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.elderguard.institution.Institution;
import cn.elderguard.institution.InstitutionService;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.system.Now;

/**
 * Stores a checked lead in the caller's transaction: it joins the open case of its institution, or opens a case and
 * starts its {@code LeadDisposal} process (docs/decisions/007). Leads about one institution are serialised on its row.
 */
@Component
class IntakeStore {

    private final InstitutionService institutions;
    private final CaseRepository cases;
    private final LeadRepository leads;
    private final CaseProcess caseProcess;
    private final RoutingService routing;

    IntakeStore(InstitutionService institutions, CaseRepository cases, LeadRepository leads, CaseProcess caseProcess,
                RoutingService routing) {
        this.institutions = institutions;
        this.cases = cases;
        this.leads = leads;
        this.caseProcess = caseProcess;
        this.routing = routing;
    }

    /** A receipt and the case it names, before the submitter's view of it is decided ({@link IntakeService#forSubmitter}). */
    record Stored(IntakeReceipt receipt, CaseFile caseFile) {
    }

    /** The first answer to the submitter's {@code key}, marked as resent, if that key was stored before. */
    Optional<Stored> earlier(String submitter, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return leads.byIdempotencyKey(submitter, key).map(this::resent);
    }

    Stored resent(Lead first) {
        return new Stored(new IntakeReceipt(first.id(), first.caseId(), first.institutionId(), false, false,
            leads.trackingCode(first.id()).orElse(null), true, false), cases.byId(first.caseId()).orElseThrow());
    }

    Stored store(LeadSubmission lead, RegionCode region, String submitter, String key, String trackingCode) {
        Institution institution = institutions.resolveReported(lead.institution().name(), lead.institution().creditCode(),
            lead.institution().address(), region);
        Timestamp now = Now.timestamp();
        CaseFile caseFile = cases.openFor(institution.id()).orElse(null);
        boolean newCase = caseFile == null;
        if (newCase) {
            var responsible = routing.responsibleFor(institution.jurisdiction(), institution.sector());
            caseFile = cases.insertOpen(institution.id(), institution.jurisdiction(), responsible.sectorUnit().agency(), now);
            cases.linkProcess(caseFile.id(), caseProcess.start(caseFile, institution.name()));
        }
        long leadId = leads.insert(caseFile.id(), institution.id(), lead, region, submitter, key, trackingCode, now);
        if (lead.tipster() != null && !lead.tipster().isEmpty()) {
            leads.insertTipster(leadId, lead.tipster());
        }
        return new Stored(new IntakeReceipt(leadId, caseFile.id(), institution.id(), newCase, institution.needsConfirmation(),
            trackingCode, false, false), caseFile);
    }
}
