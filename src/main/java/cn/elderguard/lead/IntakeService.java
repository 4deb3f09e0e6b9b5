package cn.elderguard.lead;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.institution.CreditCode;
import cn.elderguard.institution.Institution;
import cn.elderguard.institution.InstitutionService;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.InvalidInputException.FieldProblem;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.Now;

/**
 * Lead intake (docs/intake.md): every lead is stored; a lead about an institution with an open case joins it,
 * otherwise it opens a case and starts its {@code LeadDisposal} process — case, process, lead and any new
 * institution in ONE transaction (docs/decisions/007), so none can exist without the others. Leads about
 * one institution are serialised on its row; the unique open-case and idempotency constraints are the
 * last line, and a transaction that hits one is retried and then finds the winner's rows.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    static final String PUBLIC_SUBMITTER = "public-web";
    private static final int ATTEMPTS = 3;

    private final TransactionTemplate transaction;
    private final InstitutionService institutions;
    private final CaseRepository cases;
    private final LeadRepository leads;
    private final CaseProcess caseProcess;
    private final RoutingService routing;
    private final OrganisationRepository organisation;
    private final CurrentUser currentUser;
    private final TrackingCodes trackingCodes;
    private final CaseAccess caseAccess;

    IntakeService(TransactionTemplate transaction, InstitutionService institutions, CaseRepository cases, LeadRepository leads,
                  CaseProcess caseProcess, RoutingService routing, OrganisationRepository organisation, CurrentUser currentUser,
                  TrackingCodes trackingCodes, CaseAccess caseAccess) {
        this.transaction = transaction;
        this.institutions = institutions;
        this.cases = cases;
        this.leads = leads;
        this.caseProcess = caseProcess;
        this.routing = routing;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.trackingCodes = trackingCodes;
        this.caseAccess = caseAccess;
    }

    /**
     * A lead from a logged-in submitter: a service account for machine sources, an officer for grid
     * patrols, hotline tips and media reports. {@code idempotencyKey} (header, else the source's reference)
     * makes a resend return the first answer.
     */
    public IntakeReceipt submit(LeadSubmission lead, String idempotencyKey) {
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.trim() : blankToNull(lead.reference());
        if (lead.source().machine()) {
            if (!currentUser.isAdmin() && !currentUser.hasGroup(GroupIds.LEAD_INTAKE)) {
                throw new AccessDeniedException("只有接口账号可以提交来源为“" + lead.source().label() + "”的线索");
            }
            if (key == null) {
                throw new InvalidInputException("reference", "系统来源的线索须提供来源编号（reference）或 Idempotency-Key 请求头，以便重发时不重复登记");
            }
        } else if (currentUser.hasGroup(GroupIds.LEAD_INTAKE)) {
            throw new AccessDeniedException("接口账号不能提交来源为“" + lead.source().label() + "”的线索");
        }
        return intake(lead, currentUser.id(), key, lead.source() == LeadSource.PUBLIC_TIP ? trackingCodes.next() : null, region -> {
            if (!currentUser.scope().coversRegion(region)) {
                throw new AccessDeniedException("线索所在区划 " + region + " 不在您的辖区内");
            }
        }, this::forSubmitter);
    }

    /**
     * A lead about an institution of another jurisdiction (matched by its credit code) is taken by that
     * jurisdiction, as any other lead about it; its submitter learns that it was referred, and nothing about the
     * case there (docs/intake.md). Whoever may not read the case gets the receipt without the case.
     */
    private IntakeReceipt forSubmitter(IntakeReceipt receipt, CaseFile caseFile) {
        if (caseAccess.mayRead(caseFile)) {
            return receipt;
        }
        return receipt.withoutCase(!currentUser.scope().coversRegion(caseFile.jurisdiction()));
    }

    /** A tip from the public page: no login, always a new lead, answered with a tracking code. */
    public IntakeReceipt submitPublicTip(LeadSubmission lead) {
        if (lead.source() != LeadSource.PUBLIC_TIP) {
            throw new InvalidInputException("source", "公众举报页面只接受群众举报（PUBLIC_TIP）");
        }
        return intake(lead, PUBLIC_SUBMITTER, null, trackingCodes.next(), region -> {
        }, (receipt, caseFile) -> receipt);
    }

    /**
     * The checks that read the database, then the intake, in one transaction (one connection, and one read
     * of the organisation's version); retried when a concurrent intake stored the same rows first.
     */
    private IntakeReceipt intake(LeadSubmission lead, String submitter, String key, String trackingCode,
                                 Consumer<RegionCode> submitterMayReport, BiFunction<IntakeReceipt, CaseFile, IntakeReceipt> answer) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    RegionCode region = checkReferences(lead);
                    submitterMayReport.accept(region);
                    return intakeOnce(lead, region, submitter, key, trackingCode, answer);
                });
            } catch (DuplicateKeyException e) {
                // Another node or thread stored the same institution, open case or idempotency key first. Only a
                // unique key can be raced; any other data error would fail again the same way (decision 015).
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Intake attempt {} met a concurrent intake, retrying", attempt, e);
            }
        }
    }

    private IntakeReceipt intakeOnce(LeadSubmission lead, RegionCode region, String submitter, String key, String trackingCode,
                                     BiFunction<IntakeReceipt, CaseFile, IntakeReceipt> answer) {
        if (key != null) {
            var earlier = leads.byIdempotencyKey(submitter, key);
            if (earlier.isPresent()) {
                Lead first = earlier.get();
                return answer.apply(new IntakeReceipt(first.id(), first.caseId(), first.institutionId(), false, false,
                    leads.trackingCode(first.id()).orElse(null), true, false), cases.byId(first.caseId()).orElseThrow());
            }
        }
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
        return answer.apply(new IntakeReceipt(leadId, caseFile.id(), institution.id(), newCase, institution.needsConfirmation(),
            trackingCode, false, false), caseFile);
    }

    /** Rules that need the database: the jurisdiction exists, a credit code has its right check character. */
    private RegionCode checkReferences(LeadSubmission lead) {
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
