package cn.elderguard.deadline;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.scheduling.support.CronExpression;

import cn.elderguard.system.Now;

/**
 * The engine's "cycle" calendar with cron expressions read in the configured zone ({@code elderguard.time-zone}):
 * {@code 0 0 8 * * ?} is eight in the morning for the officers even on a server that runs in UTC (the stock
 * calendar reads cron in the server's zone). The next run is computed by whichever node's job executor runs the
 * timer, the same on every node. Repeating ISO cycles ({@code R3/PT1H}) go to the stock calendar.
 */
class ZonedCycleBusinessCalendar extends CycleBusinessCalendar {

    /** The engine's timers call this form (the others lead here), with the repeat offset of ISO cycles. */
    @Override
    public Date resolveDuedate(String description, Date startDate, long repeatOffset) {
        if (description.startsWith("R")) {
            return super.resolveDuedate(description, startDate, repeatOffset);
        }
        return next(description, startDate == null ? Now.date() : startDate, Now.zone());
    }

    /** The first time after {@code after} that the cron expression names, read in {@code zone}. */
    static Date next(String cron, Date after, ZoneId zone) {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron.trim());
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("Timer cycle '" + cron + "' is neither a cron expression nor an ISO repetition", e);
        }
        ZonedDateTime next = expression.next(after.toInstant().atZone(zone));
        return next == null ? after : Date.from(next.toInstant());
    }
}
