package cn.elderguard.lead;

import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.InvalidInputException;

/**
 * Lead intake (docs/intake.md): every lead is stored; a lead about an institution with an open case joins it,
 * otherwise it opens a case and starts its {@code LeadDisposal} process — case, process, lead and any new
 * institution in ONE transaction (docs/decisions/007), so none can exist without the others. Leads about
 * one institution are serialised on its row; the unique open-case and idempotency constraints are the
 * last line, and a transaction that hits one is retried and then finds the winner's rows. The checks are
 * {@link IntakeChecks}, the storing {@link IntakeStore}; {@link BatchIntake} uses the same pieces.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    static final String PUBLIC_SUBMITTER = "public-web";
    private static final int ATTEMPTS = 3;

    private final TransactionTemplate transaction;
    private final IntakeChecks checks;
    private final IntakeStore store;
    private final CurrentUser currentUser;
    private final TrackingCodes trackingCodes;
    private final CaseAccess caseAccess;

    IntakeService(TransactionTemplate transaction, IntakeChecks checks, IntakeStore store, CurrentUser currentUser,
                  TrackingCodes trackingCodes, CaseAccess caseAccess) {
        this.transaction = transaction;
        this.checks = checks;
        this.store = store;
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
        String key = IntakeChecks.key(lead, idempotencyKey);
        checks.submitterMaySend(lead, key);
        return intake(lead, currentUser.id(), key, trackingCodeFor(lead), checks::submitterCovers, this::forSubmitter);
    }

    /** Public tips get a tracking code, whoever registers them (docs/tracking.md). */
    String trackingCodeFor(LeadSubmission lead) {
        return lead.source() == LeadSource.PUBLIC_TIP ? trackingCodes.next() : null;
    }

    /**
     * A lead about an institution of another jurisdiction (matched by its credit code) is taken by that
     * jurisdiction, as any other lead about it; its submitter learns that it was referred, and nothing about the
     * case there (docs/intake.md). Whoever may not read the case gets the receipt without the case.
     */
    IntakeReceipt forSubmitter(IntakeReceipt receipt, CaseFile caseFile) {
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
    IntakeReceipt intake(LeadSubmission lead, String submitter, String key, String trackingCode,
                         Consumer<RegionCode> submitterMayReport, BiFunction<IntakeReceipt, CaseFile, IntakeReceipt> answer) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    RegionCode region = checks.references(lead);
                    submitterMayReport.accept(region);
                    IntakeStore.Stored stored = store.earlier(submitter, key)
                        .orElseGet(() -> store.store(lead, region, submitter, key, trackingCode));
                    return answer.apply(stored.receipt(), stored.caseFile());
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
}
