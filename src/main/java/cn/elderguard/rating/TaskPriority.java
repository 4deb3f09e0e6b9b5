package cn.elderguard.rating;

import cn.elderguard.lead.RiskLevel;

/**
 * A task's priority (docs/deadlines.md, "Priorities"): red and orange work first, then new leads not yet rated,
 * then yellow, then green. Each colour has a band of 100; within it the case's LeadPriority score (0–100, docs/domain.md
 * §4.4) counts half, and each escalation step adds {@value #ESCALATION_STEP}, never beyond the band: a late task rises
 * above its peers, never above a more serious colour.
 */
public final class TaskPriority {

    public static final int RED = 400;
    public static final int ORANGE = 300;
    /** A lead not yet rated may be anything: it ranks with the most urgent yellow work. */
    public static final int NOT_YET_RATED = 250;
    public static final int YELLOW = 200;
    public static final int GREEN = 100;
    /** What each escalation step adds. */
    public static final int ESCALATION_STEP = 10;

    private static final int BAND = 100;

    private TaskPriority() {
    }

    /** The priority of a new task of a case of this colour and LeadPriority score (null: not yet rated). */
    public static int of(RiskLevel level, Integer score) {
        if (level == null) {
            return NOT_YET_RATED;
        }
        int base = switch (level) {
            case RED -> RED;
            case ORANGE -> ORANGE;
            case YELLOW -> YELLOW;
            case GREEN -> GREEN;
        };
        int points = score == null ? 0 : Math.max(0, Math.min(BAND, score));
        return base + points / 2;
    }

    /** The priority after one more escalation step: up by {@value #ESCALATION_STEP}, at most to the top of its band. */
    public static int escalated(int priority) {
        int top = Math.max(priority, (priority / BAND) * BAND + BAND - 1);
        return Math.min(top, priority + ESCALATION_STEP);
    }
}
