package cn.elderguard.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.elderguard.institution.Institution;
import cn.elderguard.lead.LeadSubmission.TipsterContact;
import cn.elderguard.ledger.CaseEvent;

/**
 * 案卷: everything the people working a case may read about it in one answer (docs/case-file.md) — the case, its
 * leads, the institution's registry record, the ratings with their explanations, the priority and its factors,
 * the timeline and the hand-overs with their receipts. Codes come with their Chinese labels, so pages show no
 * codes. A lead's tipster is present only for the 处非办 handling the case; for everyone else the field is absent.
 */
public record CaseDossier(Summary summary, InstitutionRecord institution, List<LeadEntry> leads, List<CaseRatings.Rating> ratings,
                          CasePriority.Priority priority, List<TimelineEntry> timeline, List<TimelineEntry> handOvers) {

    /** The case with the names of its jurisdiction and responsible unit. */
    public record Summary(@JsonUnwrapped CaseFile caseFile, String jurisdictionName, String responsibleAgencyLabel,
                          String responsibleUnitName, String statusLabel, String riskLevel, String riskLevelLabel) {
    }

    /** The registry record with the labels of its codes. */
    public record InstitutionRecord(@JsonUnwrapped Institution record, String ownershipLabel, String legalFormLabel,
                                    String sectorName, String jurisdictionName) {
    }

    /** A lead as reported, with its labels; {@code tipster} only for the handling 处非办. */
    public record LeadEntry(long id, LeadSource source, String sourceLabel, String submittedBy, String reportedInstitutionName,
                            String reportedAddress, String jurisdiction, String jurisdictionName, String description,
                            BigDecimal amountInvolvedYuan, Integer peopleInvolved, LocalDate observedOn, Instant receivedAt,
                            LeadStatus status, String statusLabel, String feedback,
                            @JsonInclude(JsonInclude.Include.NON_NULL) TipsterContact tipster) {
    }

    /** A line of the timeline with what its kind means and the name of the unit that acted. */
    public record TimelineEntry(@JsonUnwrapped CaseEvent event, String kindLabel, String unitName) {
    }
}
