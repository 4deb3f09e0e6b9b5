package cn.elderguard.deadline;

/**
 * An open task's state on the console (docs/console.md, "Deadlines"), at the moment of the request. Each state beyond
 * {@link #OPEN} narrows the open tasks by one SQL condition; the console's counts and lists use the same condition
 * ({@link DeadlineBoard}), so a number's list holds exactly the tasks it counts.
 */
public enum DeadlineState {
    OPEN("办理中", null),
    DUE_SOON("临期", "DUE_AT >= :now AND DUE_AT < :soon"),
    OVERDUE("逾期", "DUE_AT < :now"),
    ESCALATED("已升级督办", "ESCALATION_STEP > 0");

    private final String label;
    private final String condition;

    DeadlineState(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    public String label() {
        return label;
    }

    /** The condition on an open task's EG_TASK_DEADLINE row, parameters {@code :now} and {@code :soon}; null for OPEN. */
    String condition() {
        return condition;
    }
}
