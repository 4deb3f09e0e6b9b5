package cn.elderguard.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupDirectory;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.Now;

/**
 * A task's own due date and escalation state as the case file shows it (docs/case-file.md): when it is due, how that
 * was counted, whether it is overdue, and every reminder and escalation step taken so far with when and to whom.
 */
@Service
class DeadlineStates {

    private final JdbcClient jdbc;
    private final OrganisationRepository organisation;
    private final WorkingCalendar calendar;
    private final TaskService tasks;
    private final GroupDirectory directory;

    DeadlineStates(JdbcClient jdbc, OrganisationRepository organisation, WorkingCalendar calendar, TaskService tasks,
                   GroupDirectory directory) {
        this.tasks = tasks;
        this.directory = directory;
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.calendar = calendar;
    }

    /** The open tasks of the case's processes (every process of a case has the case id as business key), oldest first. */
    List<State> openOfCase(long caseId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).orderByTaskCreateTime().asc().list().stream()
            .map(task -> of(task.getId())).flatMap(Optional::stream).toList();
    }

    Optional<State> of(String taskId) {
        Optional<State> row = jdbc.sql("SELECT TASK_ID, CASE_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY, REGION_CODE, CREATED_AT,"
                + " DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP, COMPLETED_AT"
                + " FROM EG_TASK_DEADLINE WHERE TASK_ID = ?")
            .param(taskId).query(this::state).optional();
        return row.map(state -> state.withSteps(steps(taskId)));
    }

    private List<Step> steps(String taskId) {
        return jdbc.sql("SELECT STEP, KIND, ESCALATED_TO, RECORDED_AT FROM EG_ESCALATION WHERE TASK_ID = ? ORDER BY STEP")
            .param(taskId)
            .query((rs, row) -> {
                String kind = rs.getString(2);
                String to = rs.getString(3);
                return new Step(rs.getInt(1), kind, "REMINDER".equals(kind) ? "到期提醒" : "逾期督办（第 " + rs.getInt(1) + " 级）",
                    to, to == null ? null : directory.label(to), rs.getTimestamp(4).toInstant());
            })
            .list();
    }

    private State state(ResultSet rs, int row) throws SQLException {
        String agency = rs.getString("AGENCY");
        UnitKey unit = agency == null ? null : new UnitKey(Agency.valueOf(agency), RegionCode.of(rs.getString("REGION_CODE")));
        Instant due = rs.getTimestamp("DUE_AT").toInstant();
        Timestamp completed = rs.getTimestamp("COMPLETED_AT");
        Instant now = Now.instant();
        boolean workingDays = rs.getBoolean("WORKING_DAYS");
        int nextStep = rs.getInt("NEXT_STEP");
        List<Integer> escalationDays = Arrays.stream(rs.getString("ESCALATION_DAYS_AFTER").split(",")).map(Integer::valueOf).toList();
        int reminder = rs.getInt("REMINDER_DAYS_BEFORE");
        Instant nextStepAt = completed != null || nextStep < 0 || nextStep > escalationDays.size() ? null
            : (nextStep == 0 ? calendar.plus(due.atZone(Now.zone()), -reminder, workingDays)
                : calendar.plus(due.atZone(Now.zone()), escalationDays.get(nextStep - 1), workingDays)).toInstant();
        return new State(rs.getString("TASK_ID"), (Long) rs.getObject("CASE_ID", Long.class), rs.getString("PROCESS_KEY"),
            rs.getString("TASK_KEY"), rs.getString("TASK_NAME"), unit == null ? null : unitName(unit),
            rs.getTimestamp("CREATED_AT").toInstant(), due, workingDays, reminder, escalationDays,
            completed == null ? null : completed.toInstant(), completed == null && due.isBefore(now),
            nextStepAt, List.of());
    }

    private String unitName(UnitKey unit) {
        return organisation.unit(unit).map(Unit::name).orElse(unit.agency().label());
    }

    /**
     * A task's deadline: {@code overdue} while it is open past its due moment; {@code nextStepAt} when the next
     * reminder or escalation is due (null when none is left); {@code steps} those taken.
     */
    record State(String taskId, Long caseId, String processKey, String taskKey, String taskName, String unitName, Instant createdAt,
                 Instant due, boolean workingDays, int reminderDaysBefore, List<Integer> escalationDaysAfter, Instant completedAt,
                 boolean overdue, Instant nextStepAt, List<Step> steps) {

        State withSteps(List<Step> taken) {
            return new State(taskId, caseId, processKey, taskKey, taskName, unitName, createdAt, due, workingDays, reminderDaysBefore,
                escalationDaysAfter, completedAt, overdue, nextStepAt, taken);
        }
    }

    /** A step taken: {@code escalatedTo} is the group the task was offered to, {@code escalatedToName} its name. */
    record Step(int step, String kind, String label, String escalatedTo, String escalatedToName, Instant recordedAt) {
    }
}
