package cn.elderguard.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of a case's timeline (台账). */
public record CaseEvent(long caseId, Instant occurredAt, Kind kind, String taskKey, String title, String actor, String agency,
                        String regionCode, Instant dueAt, BigDecimal amountYuan, Integer people, String notes) {

    /**
     * The title of a {@link Kind#HANDED_OVER} line: the hand-over's purpose code first (e.g. {@code TRANSFER_TO_POLICE}),
     * so that the transfers of one purpose can be counted by {@link #handOverTitlePrefix} (docs/campaigns.md, figures).
     */
    public static String handOverTitle(String purpose, String fromUnit, String toUnit) {
        return handOverTitlePrefix(purpose) + fromUnit + " 移交 " + toUnit;
    }

    public static String handOverTitlePrefix(String purpose) {
        return purpose + "：";
    }

    public enum Kind {
        /** A user task was completed; {@code taskKey} and the task's measure code say which. */
        TASK_COMPLETED,
        /** A measure of docs/domain.md §6 was taken ({@code taskKey} names the task, {@code title} the measure). */
        MEASURE,
        RATED,
        HANDED_OVER,
        RECEIVED,
        REPORTED_UPWARD,
        CLOSED,
        /** The case's process was moved to another version of its model (docs/modeler.md); {@code notes} says which. */
        MIGRATED,
        /** A photo or document was attached to the case or one of its leads; {@code title} names the file (docs/intake.md). */
        ATTACHED
    }
}
