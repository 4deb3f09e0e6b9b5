package cn.elderguard.lead;

import java.time.Instant;

/**
 * What the submitter of a lead reads back when the case is not theirs to read: what they sent and how far it
 * got, nothing about the case it joined (docs/security.md).
 */
public record LeadReceipt(long leadId, LeadSource source, String sourceLabel, String reportedInstitutionName, Instant receivedAt,
                          LeadStatus status, String statusLabel) {

    static LeadReceipt of(Lead lead) {
        return new LeadReceipt(lead.id(), lead.source(), lead.source().label(), lead.reportedInstitutionName(), lead.receivedAt(),
            lead.status(), lead.status().label());
    }

    /** One page of the leads a person registered, newest first ("我登记的线索"). */
    public record Page(int page, int size, long total, java.util.List<LeadReceipt> items) {
    }
}
