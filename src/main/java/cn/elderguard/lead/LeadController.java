package cn.elderguard.lead;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.lead.LeadSubmission.TipsterContact;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;

/**
 * Lead intake for logged-in submitters: other systems' service accounts (HTTP Basic; resends carry the
 * same {@code Idempotency-Key} header or {@code reference}) and officers entering patrol findings,
 * hotline tips and media reports.
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final IntakeService intake;
    private final BatchIntake batchIntake;
    private final LeadRepository leads;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final TipsterDirectory tipsters;
    private final CurrentUser currentUser;

    LeadController(IntakeService intake, BatchIntake batchIntake, LeadRepository leads, CaseRepository cases, CaseAccess access, TipsterDirectory tipsters,
                   CurrentUser currentUser) {
        this.intake = intake;
        this.batchIntake = batchIntake;
        this.leads = leads;
        this.cases = cases;
        this.access = access;
        this.tipsters = tipsters;
        this.currentUser = currentUser;
    }

    static final String NOT_FOUND = "线索不存在或不在您的职责范围内";

    /** 201 with the new lead; 200 with the first answer when the idempotency key was seen before. */
    @PostMapping
    ResponseEntity<IntakeReceipt> submit(@Valid @RequestBody LeadSubmission lead,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IntakeReceipt receipt = intake.submit(lead, idempotencyKey);
        return ResponseEntity.status(receipt.resent() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    /** A list of leads as {@code POST /api/leads} takes them, read item by item so that one bad item refuses only itself. */
    record Batch(List<JsonNode> leads) {
    }

    /**
     * Up to 1,000 leads (docs/intake.md, "Batch intake"): 200 with each item's result by position; 400 when the list is
     * empty or too long, 503 when the database is out of reach (resend the batch with the same keys).
     */
    @PostMapping("/batch")
    BatchIntake.Answer submitBatch(@RequestBody Batch batch) {
        return batchIntake.submit(batch.leads());
    }

    static final int MAX_PAGE_SIZE = 100;

    /** "我登记的线索": the caller's own submissions, newest first, as receipts (nothing of the cases they joined). */
    @GetMapping("/mine")
    LeadReceipt.Page mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码从 0 开始，不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        String me = currentUser.id();
        List<LeadReceipt> items = leads.bySubmitter(me, (long) page * size, size).stream().map(LeadReceipt::of).toList();
        return new LeadReceipt.Page(page, size, leads.countBySubmitter(me), items);
    }

    /**
     * A lead without its tipster for those who may read its case; for its submitter (a service account, a grid
     * worker, an officer of another town) only the receipt of what they sent; 404 for anyone else.
     */
    @GetMapping("/{id}")
    Object get(@PathVariable long id) {
        Lead lead = leads.byId(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (access.mayRead(cases.byId(lead.caseId()).orElseThrow())) {
            return lead;
        }
        if (lead.submittedBy().equals(currentUser.id())) {
            return LeadReceipt.of(lead);
        }
        throw new NotFoundException(NOT_FOUND);
    }

    /** The tipster's contact details: only for the 处非办 handling the case. */
    @GetMapping("/{id}/tipster")
    TipsterContact tipster(@PathVariable long id) {
        return tipsters.contact(id);
    }
}
