package cn.elderguard.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.Now;

/** What other capabilities may ask about open deadlines; they never read EG_TASK_DEADLINE themselves. */
@Service
public class OpenDeadlines {

    private final JdbcClient jdbc;

    OpenDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every unit with open tasks, with how many of them are overdue at {@code now}. */
    public List<UnitCount> countsByUnit(Instant now) {
        return jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*), SUM(CASE WHEN DUE_AT < ? THEN 1 ELSE 0 END)"
                + " FROM EG_TASK_DEADLINE WHERE COMPLETED_AT IS NULL AND AGENCY IS NOT NULL GROUP BY AGENCY, REGION_CODE")
            .param(Timestamp.from(now))
            .query((rs, row) -> new UnitCount(new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2))),
                rs.getLong(3), rs.getLong(4)))
            .list();
    }

    /** The unit's tasks overdue at {@code now}, the longest overdue first, at most {@code limit} (served by the unit index). */
    public List<OverdueTask> overdue(UnitKey unit, Instant now, int limit) {
        return jdbc.sql("SELECT TASK_NAME, INSTITUTION_NAME, CASE_ID, DUE_AT FROM EG_TASK_DEADLINE WHERE AGENCY = ? AND REGION_CODE = ?"
                + " AND COMPLETED_AT IS NULL AND DUE_AT < ? ORDER BY DUE_AT FETCH FIRST " + limit + " ROWS ONLY")
            .params(unit.agency().name(), unit.region().value(), Timestamp.from(now))
            .query((rs, row) -> new OverdueTask(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                rs.getTimestamp(4).toInstant().atZone(Now.zone())))
            .list();
    }

    public record UnitCount(UnitKey unit, long open, long overdue) {
    }

    public record OverdueTask(String taskName, String institutionName, Long caseId, ZonedDateTime due) {
    }
}
