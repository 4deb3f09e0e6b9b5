package cn.elderguard.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Role;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.Now;

/**
 * The escalation ledger as other capabilities read it: a case's reminders and escalation steps with who was notified
 * (the case timeline, docs/console.md), and the overdue and escalation marks of a batch of tasks (Tasklist's cards,
 * docs/tasklist.md). Callers decide who may read what; this class only reads.
 */
@Service
public class CaseEscalations {

    private final JdbcClient jdbc;
    private final DeadlineStates states;
    private final OrganisationRepository organisation;

    CaseEscalations(JdbcClient jdbc, DeadlineStates states, OrganisationRepository organisation) {
        this.jdbc = jdbc;
        this.states = states;
        this.organisation = organisation;
    }

    /**
     * Every reminder and escalation step of the case's tasks, oldest first (served by EG_IDX_ESCALATION_CASE). A
     * reminder went to the owing unit's officers, an escalation step to its rung's group (docs/deadlines.md); their
     * people are those of the organisation now, as the mail went to them.
     */
    public List<Step> ofCase(long caseId) {
        return jdbc.sql("SELECT TASK_ID, TASK_NAME, AGENCY, REGION_CODE, DUE_AT, STEP, KIND, ESCALATED_TO, RECORDED_AT"
                + " FROM EG_ESCALATION WHERE CASE_ID = ? ORDER BY RECORDED_AT, ID")
            .param(caseId)
            .query((rs, row) -> {
                String agency = rs.getString(3);
                UnitKey unit = agency == null ? null : new UnitKey(Agency.valueOf(agency), RegionCode.of(rs.getString(4)));
                boolean reminder = TaskDeadlines.REMINDER.equals(rs.getString(7));
                String group = reminder ? (unit == null ? null : unit.officerGroup()) : rs.getString(8);
                return new Step(rs.getString(1), rs.getString(2), reminder, rs.getInt(6), rs.getTimestamp(5).toInstant(),
                    rs.getTimestamp(9).toInstant(), unit == null ? null : states.unitName(unit), group,
                    group == null ? null : states.groupName(group), group == null ? List.of() : people(group));
            })
            .list();
    }

    /**
     * The marks of those of {@code taskIds} that have a deadline, in one query: overdue while open past due, by how
     * many calendar days (at least one) in the installation's zone, and the highest escalation step taken (0 for
     * none; the ledger's unique (TASK_ID, STEP) index serves the grouped maximum).
     */
    public Map<String, Mark> marks(Collection<String> taskIds) {
        Map<String, Mark> marks = new HashMap<>();
        if (taskIds.isEmpty()) {
            return marks;
        }
        Instant now = Now.instant();
        // The highest escalation step taken is kept on the deadline row (docs/console.md, "Deadlines").
        jdbc.sql("SELECT TASK_ID, DUE_AT, COMPLETED_AT, ESCALATION_STEP FROM EG_TASK_DEADLINE WHERE TASK_ID IN (:ids)")
            .param("ids", List.copyOf(taskIds))
            .query(rs -> {
                Instant due = rs.getTimestamp(2).toInstant();
                long days = rs.getTimestamp(3) == null ? DeadlineState.daysOverdue(due, now) : 0;
                marks.put(rs.getString(1), new Mark(days > 0, (int) days, rs.getInt(4)));
            });
        return marks;
    }

    /** The people of a unit's officer or leader group (leading groups are no rung of the ladder). */
    private List<Notified> people(String groupId) {
        Optional<UnitKey> unit = GroupIds.unitOf(groupId);
        if (unit.isEmpty()) {
            return List.of();
        }
        Role role = groupId.equals(unit.get().leaderGroup()) ? Role.UNIT_LEADER : Role.OFFICER;
        return organisation.people(unit.get(), List.of(role)).stream().map(p -> new Notified(p.userId(), p.displayName())).toList();
    }

    /**
     * A reminder ({@code reminder}) or escalation step of a task: the unit that owed the work, the group notified
     * ({@code notifiedGroup}, its name {@code notifiedGroupLabel}) and its people.
     */
    public record Step(String taskId, String taskName, boolean reminder, int step, Instant dueAt, Instant recordedAt, String unitName,
                       String notifiedGroup, String notifiedGroupLabel, List<Notified> notified) {
    }

    public record Notified(String id, String name) {
    }

    /** What Tasklist marks on a task: {@code 已逾期 N 天}, {@code 已升级督办·第 N 级}. */
    public record Mark(boolean overdue, int daysOverdue, int escalationStep) {
    }
}
