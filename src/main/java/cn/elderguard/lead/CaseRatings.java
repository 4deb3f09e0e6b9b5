package cn.elderguard.lead;

import java.time.Instant;
import java.util.List;

/** A case's ratings with their explanations, oldest first; kept by the rating capability, shown in the case file. */
public interface CaseRatings {

    List<Rating> of(long caseId);

    record Rating(RiskLevel riskLevel, String reasons, Integer priority, Instant ratedAt) {
    }
}
