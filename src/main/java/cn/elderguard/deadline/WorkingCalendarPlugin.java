package cn.elderguard.deadline;

import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import cn.elderguard.system.TimeZoneSetting;

/**
 * Lets every timer and due-date expression of every model count working days ({@code P3WD}, see
 * {@link WorkingDaysBusinessCalendar}) and reads cron cycles in the configured zone ({@link ZonedCycleBusinessCalendar});
 * other expressions behave as in the stock engine.
 */
@Component
class WorkingCalendarPlugin extends AbstractProcessEnginePlugin {

    private final WorkingCalendar calendar;

    /** The zone setting is a parameter so that it is applied before the engine schedules its first timer. */
    WorkingCalendarPlugin(WorkingCalendar calendar, TimeZoneSetting zone) {
        this.calendar = calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
            new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar()));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
            new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar()));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new ZonedCycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
