package cn.elderguard.organisation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The ladder an overdue duty climbs (docs/domain.md §1.5): the unit's officers → its leaders → the 处非办 of the same
 * level → the 处非办 one level up … → the provincial 处非办, where it ends. Levels without a 处非办 are
 * skipped; a 处非办's own ladder does not repeat itself.
 */
@Service
public class EscalationLadder {

    private final OrganisationRepository organisation;

    EscalationLadder(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    public List<Step> of(UnitKey unit) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(steps.size(), StepKind.OFFICERS, unit, unit.officerGroup()));
        steps.add(new Step(steps.size(), StepKind.UNIT_LEADERS, unit, unit.leaderGroup()));
        for (Unit chufei : organisation.units(Agency.CHUFEI_OFFICE, unit.region().selfAndAncestors())) {
            if (!chufei.key().equals(unit)) {
                steps.add(new Step(steps.size(), StepKind.CHUFEI_OFFICE, chufei.key(), chufei.officerGroup()));
            }
        }
        return List.copyOf(steps);
    }

    public enum StepKind { OFFICERS, UNIT_LEADERS, CHUFEI_OFFICE }

    /** One rung: {@code rank} 0 is where the work starts; the last rung is the top of the ladder. */
    public record Step(int rank, StepKind kind, UnitKey unit, String groupId) {
    }
}
