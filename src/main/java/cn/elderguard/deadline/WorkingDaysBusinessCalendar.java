package cn.elderguard.deadline;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.task.Task;

import cn.elderguard.system.Now;

/**
 * Lets the engine's timer and due-date expressions count working days: {@code P3WD} means three working
 * days (工作日) of {@link WorkingCalendar}. Anything else goes to the engine's own calendar, so ISO
 * durations and dates keep working. Registered for the engine's "duration" and "dueDate" calendars.
 */
class WorkingDaysBusinessCalendar implements BusinessCalendar {

    private static final Pattern WORKING_DAYS = Pattern.compile("P(-?\\d+)WD");

    private final WorkingCalendar calendar;
    private final BusinessCalendar standard;

    WorkingDaysBusinessCalendar(WorkingCalendar calendar, BusinessCalendar standard) {
        this.calendar = calendar;
        this.standard = standard;
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        Matcher matcher = WORKING_DAYS.matcher(description.trim());
        if (!matcher.matches()) {
            return standard.resolveDuedate(description, task);
        }
        return plus(task != null && task.getCreateTime() != null ? task.getCreateTime() : Now.date(), matcher);
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        Matcher matcher = WORKING_DAYS.matcher(description.trim());
        if (!matcher.matches()) {
            return standard.resolveDuedate(description, startDate);
        }
        return plus(startDate != null ? startDate : Now.date(), matcher);
    }

    private Date plus(Date start, Matcher matcher) {
        ZonedDateTime from = start.toInstant().atZone(Now.zone());
        return Date.from(calendar.plusWorkingDays(from, Integer.parseInt(matcher.group(1))).toInstant());
    }
}
