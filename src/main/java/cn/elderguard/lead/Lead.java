package cn.elderguard.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.elderguard.organisation.RegionCode;

/** A stored lead. Its tipster's contact details are not part of it (see {@link TipsterDirectory}). */
public record Lead(
    long id,
    long caseId,
    long institutionId,
    LeadSource source,
    String submittedBy,
    String reportedInstitutionName,
    String reportedAddress,
    RegionCode jurisdiction,
    String description,
    BigDecimal amountInvolvedYuan,
    Integer peopleInvolved,
    LocalDate observedOn,
    Instant receivedAt,
    LeadStatus status,
    String feedback) {
}
