package cn.elderguard.deadline;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/**
 * How punctually each unit of a region-code range worked in a period (the console's unit assessment, docs/assessment.md,
 * "Console assessment"): its tasks due in the period and the escalation steps recorded against it. The period's whole
 * finished weeks come from the figures {@link KeptWeeks} keeps (tasks due, and done by their due moment) and the open
 * tasks among them; the days before the first and after the last such week are counted from the deadlines. Work
 * without a unit is not counted.
 */
@Service
public class UnitPunctuality {

    /** Completed by the due moment: the assessment's "on time", also what {@link KeptWeeks} keeps per week. */
    static final String ON_TIME = "CASE WHEN COMPLETED_AT IS NOT NULL AND COMPLETED_AT <= DUE_AT THEN 1 ELSE 0 END";

    private final JdbcClient jdbc;
    private final KeptWeeks keptWeeks;

    UnitPunctuality(JdbcClient jdbc, KeptWeeks keptWeeks) {
        this.jdbc = jdbc;
        this.keptWeeks = keptWeeks;
    }

    /**
     * A unit's tasks due in the period: all of them, those completed at or before their due moment, those completed
     * after it, and those still open past it at {@code now}. The rest (open, not yet due) are {@link #notYetDue}.
     */
    public record Tasks(int due, int onTime, int late, int overdue) {

        public static final Tasks NONE = new Tasks(0, 0, 0, 0);

        public int notYetDue() {
            return due - onTime - late - overdue;
        }

        Tasks plus(Tasks other) {
            return new Tasks(due + other.due, onTime + other.onTime, late + other.late, overdue + other.overdue);
        }
    }

    /**
     * Tasks due in [{@code from}, {@code to}) of the units in {@code first}..{@code last}, optionally of one agency. A
     * kept week's tasks are all due before now: those not on time are late if completed and overdue if open, so only its
     * open ones are counted (EG_IDX_TASK_DEADLINE_BOARD's open section); the edges are read from EG_IDX_TASK_DEADLINE_DUE.
     */
    public Map<UnitKey, Tasks> tasks(String first, String last, Agency agency, Instant from, Instant to, Instant now) {
        DeadlineFilter filter = new DeadlineFilter(first, last, agency);
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = KeptWeeks.weekOf(from); KeptWeeks.start(week.plusWeeks(1)).compareTo(to) <= 0; week = week.plusWeeks(1)) {
            if (!KeptWeeks.start(week).isBefore(from) && KeptWeeks.settled(week, now)) {
                weeks.add(week);
            }
        }
        keptWeeks.keep(weeks);
        Map<UnitKey, Tasks> tasks = new HashMap<>();
        Map<UnitKey, long[]> kept = weeks.isEmpty() ? null : kept(filter, weeks);
        if (kept == null) {
            counted(filter, from, to, now, tasks);
            return tasks;
        }
        Instant keptFrom = KeptWeeks.start(weeks.get(0));
        Instant keptTo = KeptWeeks.start(weeks.get(weeks.size() - 1).plusWeeks(1));
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Timestamp.from(keptFrom)).addValue("to", Timestamp.from(keptTo));
        jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*) FROM EG_TASK_DEADLINE WHERE COMPLETED_AT IS NULL AND "
                + DeadlineBoard.scope(filter, params) + " AND DUE_AT >= :from AND DUE_AT < :to AND AGENCY IS NOT NULL GROUP BY AGENCY, REGION_CODE")
            .paramSource(params)
            .query(rs -> {
                kept.computeIfAbsent(unit(rs), key -> new long[2]);
                long[] figures = kept.get(unit(rs));
                tasks.put(unit(rs), new Tasks((int) figures[0], (int) figures[1], (int) (figures[0] - figures[1] - rs.getLong(3)),
                    rs.getInt(3)));
            });
        kept.forEach((unit, figures) -> tasks.putIfAbsent(unit, new Tasks((int) figures[0], (int) figures[1],
            (int) (figures[0] - figures[1]), 0)));
        counted(filter, from, keptFrom, now, tasks);
        counted(filter, keptTo, to, now, tasks);
        return tasks;
    }

    /**
     * The kept weeks' tasks due and on time per unit, or null if a week was dropped since it was kept (a write reaching
     * back into it): then the whole period is counted from the deadlines. One statement, so the weeks and their rows
     * are read from one snapshot.
     */
    private Map<UnitKey, long[]> kept(DeadlineFilter filter, List<LocalDate> weeks) {
        MapSqlParameterSource params = new MapSqlParameterSource("weeks", weeks.stream().map(Date::valueOf).toList());
        Map<UnitKey, long[]> kept = new HashMap<>();
        long[] weeksKept = new long[1];
        jdbc.sql("SELECT NULL, NULL, COUNT(*), 0 FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START IN (:weeks)"
                + " UNION ALL SELECT AGENCY, REGION_CODE, SUM(DUE), SUM(DUE_ON_TIME) FROM EG_DEADLINE_WEEK WHERE WEEK_START IN (:weeks) AND "
                + DeadlineBoard.scope(filter, params) + " AND AGENCY IS NOT NULL GROUP BY AGENCY, REGION_CODE")
            .paramSource(params)
            .query(rs -> {
                if (rs.getString(2) == null) {
                    weeksKept[0] = rs.getLong(3);
                } else {
                    kept.put(unit(rs), new long[] {rs.getLong(3), rs.getLong(4)});
                }
            });
        return weeksKept[0] == weeks.size() ? kept : null;
    }

    /** Tasks due in [{@code from}, {@code to}) counted from the deadlines, added to {@code tasks}. */
    private void counted(DeadlineFilter filter, Instant from, Instant to, Instant now, Map<UnitKey, Tasks> tasks) {
        if (!from.isBefore(to)) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
            .addValue("now", Timestamp.from(now));
        jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*), SUM(" + ON_TIME + "),"
                + " SUM(CASE WHEN COMPLETED_AT IS NOT NULL AND COMPLETED_AT > DUE_AT THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN COMPLETED_AT IS NULL AND DUE_AT < :now THEN 1 ELSE 0 END)"
                + " FROM EG_TASK_DEADLINE WHERE DUE_AT >= :from AND DUE_AT < :to AND " + DeadlineBoard.scope(filter, params)
                + " AND AGENCY IS NOT NULL GROUP BY AGENCY, REGION_CODE")
            .paramSource(params)
            .query(rs -> {
                tasks.merge(unit(rs), new Tasks(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)), Tasks::plus);
            });
    }

    /**
     * Escalation steps (not reminders) recorded in [{@code from}, {@code to}) against the units in {@code first}..{@code last},
     * optionally of one agency. Served by EG_IDX_ESCALATION_RECORDED (V19).
     */
    public Map<UnitKey, Integer> escalations(String first, String last, Agency agency, Instant from, Instant to) {
        Map<UnitKey, Integer> steps = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
            .addValue("kind", TaskDeadlines.ESCALATION);
        jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*) FROM EG_ESCALATION WHERE RECORDED_AT >= :from AND RECORDED_AT < :to AND "
                + DeadlineBoard.scope(new DeadlineFilter(first, last, agency), params) + " AND KIND = :kind AND AGENCY IS NOT NULL"
                + " GROUP BY AGENCY, REGION_CODE")
            .paramSource(params)
            .query(rs -> {
                steps.put(unit(rs), rs.getInt(3));
            });
        return steps;
    }

    private static UnitKey unit(ResultSet rs) throws SQLException {
        return new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2)));
    }
}
