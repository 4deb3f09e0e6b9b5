package cn.elderguard.deadline;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

import cn.elderguard.organisation.UnitKey;

/**
 * What the deadline machinery did to a task, published synchronously inside the engine command that did it, so a
 * listener's writes (the mail outbox) commit or roll back with the step (docs/deadlines.md). Deadlines do not know
 * who listens: mail is the notification capability's business.
 */
public sealed interface DeadlineEvent {

    Task task();

    /** A new task was offered to {@code groups}. */
    record Assigned(Task task, List<String> groups) implements DeadlineEvent {
        public Assigned(Task task, Collection<String> groups) {
            this(task, List.copyOf(groups));
        }
    }

    /** The task falls due soon; {@code groups} are the ones it is offered to. */
    record ReminderDue(Task task, List<String> groups) implements DeadlineEvent {
        public ReminderDue(Task task, Collection<String> groups) {
            this(task, List.copyOf(groups));
        }
    }

    /** Escalation step {@code step} offered the task to {@code group}. */
    record Escalated(Task task, String group, int step) implements DeadlineEvent {
    }

    /** The task as the deadline knows it. */
    record Task(String taskId, String processDefinitionId, String taskName, Long caseId, String institutionName,
                UnitKey unit, ZonedDateTime due) {
    }
}
