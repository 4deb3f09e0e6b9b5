package cn.elderguard.lead;

/**
 * What intake answers: the lead, the case it joined or opened, the institution it was matched to.
 * {@code resent} is true when the idempotency key was seen before and nothing new was stored.
 */
public record IntakeReceipt(long leadId, long caseId, long institutionId, boolean newCase,
                            boolean institutionNeedsConfirmation, String trackingCode, boolean resent) {
}
