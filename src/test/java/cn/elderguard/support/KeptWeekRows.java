package cn.elderguard.support;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.system.Now;

/**
 * Deadline rows a test writes straight into EG_TASK_DEADLINE bypass deadline/TaskDeadlines, which drops the kept weeks
 * a write dated back reaches (docs/console.md, "Weekly trend"). Such a test drops them as that write path would, so a
 * week kept by an earlier test on the same database does not hide its rows.
 */
public final class KeptWeekRows {

    private KeptWeekRows() {
    }

    /** Drops the kept weeks from the one holding {@code earliest} on: what a deadline write dated then does. */
    public static void writtenBackTo(JdbcClient jdbc, Instant earliest) {
        Date week = Date.valueOf(earliest.atZone(Now.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        jdbc.sql("DELETE FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START >= ?").param(week).update();
        jdbc.sql("DELETE FROM EG_DEADLINE_WEEK WHERE WEEK_START >= ?").param(week).update();
    }
}
