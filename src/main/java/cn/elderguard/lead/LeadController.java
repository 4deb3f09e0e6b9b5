package cn.elderguard.lead;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.lead.LeadSubmission.TipsterContact;
import cn.elderguard.security.CurrentUser;
import cn.elderguard.system.InvalidInputException;

/**
 * Lead intake for logged-in submitters: other systems' service accounts (HTTP Basic; resends carry the
 * same {@code Idempotency-Key} header or {@code reference}) and officers entering patrol findings,
 * hotline tips and media reports.
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final IntakeService intake;
    private final LeadRepository leads;
    private final CaseRepository cases;
    private final TipsterDirectory tipsters;
    private final CurrentUser currentUser;

    LeadController(IntakeService intake, LeadRepository leads, CaseRepository cases, TipsterDirectory tipsters,
                   CurrentUser currentUser) {
        this.intake = intake;
        this.leads = leads;
        this.cases = cases;
        this.tipsters = tipsters;
        this.currentUser = currentUser;
    }

    /** 201 with the new lead; 200 with the first answer when the idempotency key was seen before. */
    @PostMapping
    ResponseEntity<IntakeReceipt> submit(@Valid @RequestBody LeadSubmission lead,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IntakeReceipt receipt = intake.submit(lead, idempotencyKey);
        return ResponseEntity.status(receipt.resent() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    /** A lead, without its tipster, for whoever's scope covers the case. */
    @GetMapping("/{id}")
    Lead get(@PathVariable long id) {
        Lead lead = leads.byId(id).orElseThrow(() -> new InvalidInputException("id", "线索 " + id + " 不存在"));
        CaseFile caseFile = cases.byId(lead.caseId()).orElseThrow();
        if (!currentUser.scope().covers(caseFile.jurisdiction(), caseFile.responsibleAgency())) {
            throw new AccessDeniedException("该线索不在您的职责范围内");
        }
        return lead;
    }

    /** The tipster's contact details: only for the 处非办 handling the case. */
    @GetMapping("/{id}/tipster")
    TipsterContact tipster(@PathVariable long id) {
        return tipsters.contact(id);
    }
}
