package cn.elderguard.lead;

import java.util.List;
import java.util.Optional;

/**
 * A case's priority score and why: the inputs the LeadPriority decision was given and the rows that matched, as
 * last scored. Kept by the rating capability (which owns the decision), shown in the case file.
 */
public interface CasePriority {

    /** Empty before the case was first scored. */
    Optional<Priority> of(CaseFile caseFile);

    record Priority(Integer score, java.time.Instant scoredAt, List<Factor> factors, List<Contribution> contributions) {
    }

    /** One input of the decision: its label (涉众规模（人）), the value it was given and how that reads. */
    record Factor(String label, Object value, String display) {
    }

    /** One matched row: what it says (涉众 30–99 人) and the points it adds. */
    record Contribution(String description, Object points) {
    }
}
