package cn.elderguard.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/**
 * How punctually each unit of a region-code range worked in a period (the console's unit assessment, docs/assessment.md,
 * "Console assessment"): its tasks due in the period and the escalation steps recorded against it, each in one grouped
 * query. Work without a unit is not counted.
 */
@Service
public class UnitPunctuality {

    private final JdbcClient jdbc;

    UnitPunctuality(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    }

    /**
     * Tasks due in [{@code from}, {@code to}) of the units in {@code first}..{@code last}, optionally of one agency.
     * Served by EG_IDX_TASK_DEADLINE_DUE (V19), read from the index alone.
     */
    public Map<UnitKey, Tasks> tasks(String first, String last, Agency agency, Instant from, Instant to, Instant now) {
        Map<UnitKey, Tasks> tasks = new HashMap<>();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*),"
                + " SUM(CASE WHEN COMPLETED_AT IS NOT NULL AND COMPLETED_AT <= DUE_AT THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN COMPLETED_AT IS NOT NULL AND COMPLETED_AT > DUE_AT THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN COMPLETED_AT IS NULL AND DUE_AT < :now THEN 1 ELSE 0 END)"
                + " FROM EG_TASK_DEADLINE WHERE DUE_AT >= :from AND DUE_AT < :to AND REGION_CODE BETWEEN :first AND :last"
                + " AND AGENCY IS NOT NULL" + (agency == null ? "" : " AND AGENCY = :agency") + " GROUP BY AGENCY, REGION_CODE")
            .params(parameters(first, last, agency, from, to)).param("now", at)
            .query(rs -> {
                tasks.put(new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2))),
                    new Tasks(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
            });
        return tasks;
    }

    /**
     * Escalation steps (not reminders) recorded in [{@code from}, {@code to}) against the units in {@code first}..{@code last},
     * optionally of one agency. Served by EG_IDX_ESCALATION_RECORDED (V19).
     */
    public Map<UnitKey, Integer> escalations(String first, String last, Agency agency, Instant from, Instant to) {
        Map<UnitKey, Integer> steps = new HashMap<>();
        jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*) FROM EG_ESCALATION WHERE RECORDED_AT >= :from AND RECORDED_AT < :to"
                + " AND REGION_CODE BETWEEN :first AND :last AND KIND = :kind AND AGENCY IS NOT NULL"
                + (agency == null ? "" : " AND AGENCY = :agency") + " GROUP BY AGENCY, REGION_CODE")
            .params(parameters(first, last, agency, from, to)).param("kind", TaskDeadlines.ESCALATION)
            .query(rs -> {
                steps.put(new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2))), rs.getInt(3));
            });
        return steps;
    }

    private static Map<String, Object> parameters(String first, String last, Agency agency, Instant from, Instant to) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("first", first);
        parameters.put("last", last);
        parameters.put("from", Timestamp.from(from));
        parameters.put("to", Timestamp.from(to));
        if (agency != null) {
            parameters.put("agency", agency.name());
        }
        return parameters;
    }
}
