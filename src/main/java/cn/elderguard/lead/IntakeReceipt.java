package cn.elderguard.lead;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What intake answers: the lead, the case it joined or opened, the institution it was matched to.
 * {@code resent} is true when the idempotency key was seen before and nothing new was stored. A submitter who
 * may not read the case (a service account; an officer reporting an institution of another jurisdiction, which
 * is {@code referred} there) gets the lead's receipt only: the case fields are left out (docs/security.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeReceipt(long leadId, Long caseId, Long institutionId, Boolean newCase, Boolean institutionNeedsConfirmation,
                            String trackingCode, boolean resent, boolean referred) {

    IntakeReceipt withoutCase(boolean referredElsewhere) {
        return new IntakeReceipt(leadId, null, null, null, null, trackingCode, resent, referredElsewhere);
    }
}
