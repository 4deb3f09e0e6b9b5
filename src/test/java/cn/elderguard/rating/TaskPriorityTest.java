package cn.elderguard.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.elderguard.lead.RiskLevel;

/** Red and orange work first, then new leads, yellow, green (docs/deadlines.md, "Priorities"). */
class TaskPriorityTest {

    @Test
    void redAndOrangeComeBeforeANewLeadWhichComesBeforeYellowAndGreenWhateverTheirScores() {
        int lowestRed = TaskPriority.of(RiskLevel.RED, 0);
        int highestOrange = TaskPriority.of(RiskLevel.ORANGE, 100);
        int lowestOrange = TaskPriority.of(RiskLevel.ORANGE, 0);
        int newLead = TaskPriority.of(null, null);
        int highestYellow = TaskPriority.of(RiskLevel.YELLOW, 100);
        int lowestYellow = TaskPriority.of(RiskLevel.YELLOW, 0);
        int highestGreen = TaskPriority.of(RiskLevel.GREEN, 100);

        assertThat(lowestRed).isGreaterThan(highestOrange);
        assertThat(lowestOrange).isGreaterThan(newLead);
        assertThat(newLead).isGreaterThanOrEqualTo(highestYellow);
        assertThat(lowestYellow).isGreaterThan(highestGreen);
        // The case: a red case scored 40 was below a new tip's engine default of 50.
        assertThat(TaskPriority.of(RiskLevel.RED, 40)).isEqualTo(420).isGreaterThan(newLead);
    }

    @Test
    void theScoreOrdersWithinAColour() {
        assertThat(TaskPriority.of(RiskLevel.RED, 80)).isGreaterThan(TaskPriority.of(RiskLevel.RED, 40));
        assertThat(TaskPriority.of(RiskLevel.GREEN, null)).isEqualTo(TaskPriority.GREEN);
        assertThat(TaskPriority.of(RiskLevel.ORANGE, 500)).isEqualTo(TaskPriority.ORANGE + 50);
    }

    @Test
    void escalationRaisesATaskWithinItsBandNeverAboveAMoreSeriousColour() {
        int yellow = TaskPriority.of(RiskLevel.YELLOW, 60);
        assertThat(TaskPriority.escalated(yellow)).isEqualTo(yellow + TaskPriority.ESCALATION_STEP);

        int late = yellow;
        for (int step = 0; step < 20; step++) {
            late = TaskPriority.escalated(late);
        }
        assertThat(late).isEqualTo(299).isLessThan(TaskPriority.of(RiskLevel.ORANGE, 0));
        // Tasks created before the bands (engine default 50) escalate within 0–99.
        assertThat(TaskPriority.escalated(95)).isEqualTo(99);
    }
}
