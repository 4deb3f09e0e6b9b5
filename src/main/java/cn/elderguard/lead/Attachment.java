package cn.elderguard.lead;

import java.time.Instant;

/**
 * A stored attachment, as lists and upload answers show it: never its case id, which a lead's submitter from another
 * jurisdiction may not learn (docs/security.md). {@code leadId} is null for a file attached to the case as a whole;
 * {@code contentType} is the type found in the file's content.
 */
public record Attachment(long id, Long leadId, String fileName, String contentType, long size, String description,
                         String uploadedBy, Instant uploadedAt) {
}
