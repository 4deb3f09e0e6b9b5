package cn.elderguard.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.EscalationLadder;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.engine.EngineJobs;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.Now;
import cn.elderguard.rating.TaskPriority;
import cn.elderguard.engine.CaseProcessNames;

/**
 * The deadline of every user task (docs/domain.md §7). On creation the task gets its due date from its
 * {@link ServiceLevel} and one engine job for its next deadline step: step 0 is the reminder before due,
 * step n ≥ 1 the n-th escalation after due, which offers the task to rung n of the unit's
 * {@link EscalationLadder} (leaders, then 处非办 of the same level, then one level up …) while it stays
 * with the unit, raises its priority and writes an escalation record. Each step's job schedules the next;
 * completing the task removes the pending job. The jobs run in the engine, so one node runs each, once.
 */
@Service
public class TaskDeadlines {

    static final String JOB_TYPE = "eg-task-deadline";
    static final String REMINDER = EscalationKind.REMINDER.name();
    static final String ESCALATION = EscalationKind.ESCALATION.name();
    static final int JOB_RETRIES = 5;
    private static final Logger log = LoggerFactory.getLogger(TaskDeadlines.class);
    private static final String COLUMNS = "TASK_ID, CASE_ID, PROCESS_DEFINITION_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, INSTITUTION_NAME, AGENCY, REGION_CODE,"
        + " DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP";

    private final JdbcClient jdbc;
    private final ServiceLevels serviceLevels;
    private final WorkingCalendar calendar;
    private final EscalationLadder ladder;
    private final OrganisationRepository organisation;
    private final ApplicationEventPublisher events;
    private final KeptWeeks keptWeeks;

    TaskDeadlines(JdbcClient jdbc, ServiceLevels serviceLevels, WorkingCalendar calendar, EscalationLadder ladder,
                  OrganisationRepository organisation, ApplicationEventPublisher events, KeptWeeks keptWeeks) {
        this.jdbc = jdbc;
        this.serviceLevels = serviceLevels;
        this.calendar = calendar;
        this.ladder = ladder;
        this.organisation = organisation;
        this.events = events;
        this.keptWeeks = keptWeeks;
    }

    /** A task was created: due date, deadline row, first step's job, mail to the candidates. */
    void open(DelegateTask task) {
        String processKey = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
        ServiceLevel level = serviceLevels.of(processKey, task.getTaskDefinitionKey());
        ZonedDateTime created = now();
        // A due date the model sets (e.g. a rectification deadline) wins over the service level.
        ZonedDateTime due = task.getDueDate() != null
            ? task.getDueDate().toInstant().atZone(Now.zone())
            : calendar.plus(created, level.dueDays(), level.workingDays());
        task.setDueDate(Date.from(due.toInstant()));

        List<String> groups = task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
        UnitKey unit = groups.stream().map(GroupIds::unitOf).flatMap(Optional::stream).findFirst()
            .or(() -> Optional.ofNullable(task.getAssignee()).flatMap(organisation::person).map(Person::unit))
            .orElse(null);
        Deadline deadline = new Deadline(task.getId(), caseId(task.getExecution().getProcessBusinessKey()),
            task.getProcessDefinitionId(), processKey,
            task.getTaskDefinitionKey(), task.getName(), text(task.getExecution().getVariable(CaseProcessNames.VAR_INSTITUTION_NAME)), unit, due,
            level.workingDays(), level.reminderDaysBefore(), level.escalationDaysAfter(), 0);
        int first = level.reminderDaysBefore() > 0 && deadline.moment(0, calendar).isAfter(created) ? 0 : 1;
        jdbc.sql("INSERT INTO EG_TASK_DEADLINE (TASK_ID, CASE_ID, PROCESS_INSTANCE_ID, PROCESS_DEFINITION_ID, PROCESS_KEY, TASK_KEY,"
                + " TASK_NAME, INSTITUTION_NAME, AGENCY, REGION_CODE, CREATED_AT, DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE,"
                + " ESCALATION_DAYS_AFTER, NEXT_STEP) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(deadline.taskId(), deadline.caseId(), task.getProcessInstanceId(), deadline.processDefinitionId(), processKey,
                deadline.taskKey(),
                deadline.taskName(), deadline.institutionName(), unit == null ? null : unit.agency().name(),
                unit == null ? null : unit.region().value(), timestamp(created), timestamp(due), level.workingDays(),
                level.reminderDaysBefore(), join(level.escalationDaysAfter()), first)
            .update();
        keptWeeks.touched(due.isBefore(created) ? due.toInstant() : created.toInstant());
        schedule(deadline.withNextStep(first));
        events.publishEvent(new DeadlineEvent.Assigned(deadline.facts(), groups));
    }

    /** The task was completed or deleted: its deadline is kept (for the record) and its pending step removed. */
    void close(String taskId) {
        ZonedDateTime completed = now();
        jdbc.sql("UPDATE EG_TASK_DEADLINE SET COMPLETED_AT = ? WHERE TASK_ID = ? AND COMPLETED_AT IS NULL")
            .params(timestamp(completed), taskId).update();
        keptWeeks.touched(completed.toInstant());
        EngineJobs.delete(JOB_TYPE, taskId);
    }

    /**
     * The task was moved to another version of its process (docs/modeler.md, migrating running cases): its due
     * date, service level and pending step stay as they were; the row and the pending job name the new
     * definition and the task's id there (a renamed task keeps its deadline under its new id).
     */
    public void migrated(String taskId, String processDefinitionId, String taskKey) {
        jdbc.sql("UPDATE EG_TASK_DEADLINE SET PROCESS_DEFINITION_ID = ?, TASK_KEY = ? WHERE TASK_ID = ?")
            .params(processDefinitionId, taskKey, taskId).update();
        EngineJobs.moveTo(JOB_TYPE, taskId, processDefinitionId);
    }

    /**
     * The task's due date was changed (Tasklist's 到期日, docs/tasklist.md): the deadline moves with it, so the
     * reminder and escalations follow the new date, and the steps already taken stay taken. A due date cannot be
     * cleared: every task has a deadline (docs/domain.md §7).
     */
    void moved(DelegateTask task) {
        if (task.getDueDate() == null) {
            throw new InvalidInputException("到期日", "每项任务都有办理时限，到期日不能清除；如需延期，请选择新的到期日");
        }
        Optional<Deadline> open = jdbc.sql("SELECT " + COLUMNS + " FROM EG_TASK_DEADLINE WHERE TASK_ID = ? AND COMPLETED_AT IS NULL")
            .param(task.getId()).query(TaskDeadlines::deadline).optional();
        ZonedDateTime due = task.getDueDate().toInstant().atZone(Now.zone());
        if (open.isEmpty() || open.get().due().toInstant().equals(due.toInstant())) {
            return;
        }
        Deadline before = open.get();
        Deadline moved = new Deadline(before.taskId(), before.caseId(), before.processDefinitionId(), before.processKey(),
            before.taskKey(), before.taskName(), before.institutionName(), before.unit(), due, before.workingDays(),
            before.reminderDaysBefore(), before.escalationDaysAfter(), before.nextStep());
        int next = before.nextStep();
        if (next == 0 && !moved.moment(0, calendar).isAfter(now())) {
            next = 1;
        }
        jdbc.sql("UPDATE EG_TASK_DEADLINE SET DUE_AT = ?, NEXT_STEP = ? WHERE TASK_ID = ?")
            .params(timestamp(due), next, task.getId()).update();
        Instant earlier = before.due().toInstant().isBefore(due.toInstant()) ? before.due().toInstant() : due.toInstant();
        Instant later = before.due().toInstant().isBefore(due.toInstant()) ? due.toInstant() : before.due().toInstant();
        keptWeeks.touched(earlier, later);
        EngineJobs.delete(JOB_TYPE, task.getId());
        if (next >= 0) {
            schedule(moved.withNextStep(next));
        }
    }

    /** Runs the task's next deadline step (called by {@link DeadlineStepJob}). */
    void takeNextStep(String taskId) {
        Optional<Deadline> open = jdbc.sql("SELECT " + COLUMNS + " FROM EG_TASK_DEADLINE WHERE TASK_ID = ? AND COMPLETED_AT IS NULL")
            .param(taskId).query(TaskDeadlines::deadline).optional();
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (open.isEmpty() || task == null) {
            return;
        }
        Deadline deadline = open.get();
        int step = deadline.nextStep();
        List<EscalationLadder.Step> rungs = deadline.unit() == null ? List.of() : ladder.of(deadline.unit());
        EscalationLadder.Step rung = step > 0 && step < rungs.size() ? rungs.get(step) : null;
        if (step == 0) {
            record(deadline, step, REMINDER, null);
            events.publishEvent(new DeadlineEvent.ReminderDue(deadline.facts(), candidateGroups(task)));
        } else {
            if (rung != null) {
                if (!candidateGroups(task).contains(rung.groupId())) {
                    task.addCandidateGroup(rung.groupId());
                }
                task.setPriority(TaskPriority.escalated(task.getPriority()));
                events.publishEvent(new DeadlineEvent.Escalated(deadline.facts(), rung.groupId(), step));
            }
            record(deadline, step, ESCALATION, rung == null ? null : rung.groupId());
        }
        int next = step + 1;
        // Steps beyond the top of the ladder are not taken; without a unit only the service level counts.
        boolean more = next <= deadline.escalationDaysAfter().size() && (deadline.unit() == null || next < rungs.size());
        if (step == 0) {
            jdbc.sql("UPDATE EG_TASK_DEADLINE SET NEXT_STEP = ? WHERE TASK_ID = ?").params(more ? next : -1, taskId).update();
        } else {
            // The console's ESCALATED state and its "escalated to" read the step taken from the row (docs/console.md).
            jdbc.sql("UPDATE EG_TASK_DEADLINE SET NEXT_STEP = ?, ESCALATION_STEP = ?, ESCALATED_TO = ? WHERE TASK_ID = ?")
                .params(more ? next : -1, step, rung == null ? null : rung.groupId(), taskId).update();
        }
        if (more) {
            schedule(deadline.withNextStep(next));
        } else {
            log.debug("Task {} reached the last deadline step {}", taskId, step);
        }
    }

    private void schedule(Deadline deadline) {
        EngineJobs.schedule(JOB_TYPE, deadline.taskId(), Date.from(deadline.moment(deadline.nextStep(), calendar).toInstant()),
            JOB_RETRIES, deadline.processDefinitionId());
    }

    private void record(Deadline deadline, int step, String kind, String escalatedTo) {
        jdbc.sql("INSERT INTO EG_ESCALATION (TASK_ID, CASE_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY, REGION_CODE, DUE_AT,"
                + " STEP, KIND, ESCALATED_TO, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(deadline.taskId(), deadline.caseId(), deadline.processKey(), deadline.taskKey(), deadline.taskName(),
                deadline.unit() == null ? null : deadline.unit().agency().name(),
                deadline.unit() == null ? null : deadline.unit().region().value(), timestamp(deadline.due()), step, kind,
                escalatedTo, timestamp(now()))
            .update();
    }

    private static List<String> candidateGroups(TaskEntity task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    }

    private static ZonedDateTime now() {
        return Now.local();
    }

    private static Timestamp timestamp(ZonedDateTime time) {
        return Timestamp.from(time.toInstant());
    }

    private static String join(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }

    private static Long caseId(String businessKey) {
        try {
            return businessKey == null ? null : Long.valueOf(businessKey);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static Deadline deadline(ResultSet rs, int row) throws SQLException {
        String agency = rs.getString("AGENCY");
        UnitKey unit = agency == null ? null : new UnitKey(Agency.valueOf(agency), RegionCode.of(rs.getString("REGION_CODE")));
        return new Deadline(rs.getString("TASK_ID"), (Long) rs.getObject("CASE_ID", Long.class),
            rs.getString("PROCESS_DEFINITION_ID"), rs.getString("PROCESS_KEY"),
            rs.getString("TASK_KEY"), rs.getString("TASK_NAME"), rs.getString("INSTITUTION_NAME"), unit,
            rs.getTimestamp("DUE_AT").toInstant().atZone(Now.zone()), rs.getBoolean("WORKING_DAYS"),
            rs.getInt("REMINDER_DAYS_BEFORE"),
            Arrays.stream(rs.getString("ESCALATION_DAYS_AFTER").split(",")).map(Integer::valueOf).toList(), rs.getInt("NEXT_STEP"));
    }

    /** A task's deadline as stored: the service level is copied so later changes do not move it. */
    record Deadline(String taskId, Long caseId, String processDefinitionId, String processKey, String taskKey, String taskName,
                    String institutionName, UnitKey unit, ZonedDateTime due, boolean workingDays, int reminderDaysBefore,
                    List<Integer> escalationDaysAfter, int nextStep) {

        /** When step {@code step} is due: the reminder before the due moment, escalations after it. */
        ZonedDateTime moment(int step, WorkingCalendar calendar) {
            return step == 0
                ? calendar.plus(due, -reminderDaysBefore, workingDays)
                : calendar.plus(due, escalationDaysAfter.get(step - 1), workingDays);
        }

        Deadline withNextStep(int step) {
            return new Deadline(taskId, caseId, processDefinitionId, processKey, taskKey, taskName, institutionName, unit, due,
                workingDays, reminderDaysBefore, escalationDaysAfter, step);
        }

        DeadlineEvent.Task facts() {
            return new DeadlineEvent.Task(taskId, processDefinitionId, taskName, caseId, institutionName, unit, due);
        }
    }
}
