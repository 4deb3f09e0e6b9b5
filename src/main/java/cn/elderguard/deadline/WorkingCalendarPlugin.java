package cn.elderguard.deadline;

import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets every timer and due-date expression of every model count working days ({@code P3WD}, see
 * {@link WorkingDaysBusinessCalendar}); other expressions behave as in the stock engine.
 */
@Component
class WorkingCalendarPlugin extends AbstractProcessEnginePlugin {

    private final WorkingCalendar calendar;

    WorkingCalendarPlugin(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
            new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar()));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
            new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar()));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
