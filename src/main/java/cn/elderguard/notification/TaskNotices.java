package cn.elderguard.notification;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.GroupDirectory;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.Role;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.deadline.DeadlineEvent;
import cn.elderguard.system.Now;

/**
 * The mails about a task: to the people of the groups it is offered to (officers for an officer group,
 * leaders for a leader group) who have an address, in Chinese, with a link to the task in Tasklist.
 */
@Component
public class TaskNotices {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final OrganisationRepository organisation;
    private final GroupDirectory directory;
    private final MailOutbox outbox;
    private final String baseUrl;

    TaskNotices(OrganisationRepository organisation, GroupDirectory directory, MailOutbox outbox,
                @Value("${elderguard.base-url}") String baseUrl) {
        this.organisation = organisation;
        this.directory = directory;
        this.outbox = outbox;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** A new task: to the groups it is offered to. */
    @EventListener
    void assigned(DeadlineEvent.Assigned event) {
        sendToGroups(MailKind.TASK_ASSIGNED, event.task(), event.groups(), List.of(), Map.of());
    }

    /** The task falls due soon. */
    @EventListener
    void reminder(DeadlineEvent.ReminderDue event) {
        sendToGroups(MailKind.TASK_REMINDER, event.task(), event.groups(), List.of(), Map.of());
    }

    /** An escalation step offered the task to a group; the owing unit's leaders are copied. */
    @EventListener
    void escalated(DeadlineEvent.Escalated event) {
        DeadlineEvent.Task task = event.task();
        List<String> cc = task.unit() == null ? List.of()
            : addresses(organisation.people(task.unit(), List.of(Role.UNIT_LEADER))).stream().toList();
        sendToGroups(MailKind.TASK_ESCALATED, task, List.of(event.group()), cc,
            Map.of("step", event.step(), "escalatedToName", GroupIds.unitOf(event.group()).map(this::unitName).orElse(event.group())));
    }

    private void sendToGroups(MailKind kind, DeadlineEvent.Task task, Collection<String> groups, Collection<String> cc,
                              Map<String, Object> extra) {
        for (String group : groups) {
            for (Person person : directory.recipients(group)) {
                if (person.email() == null || person.email().isBlank()) {
                    continue;
                }
                Map<String, Object> variables = variables(task);
                variables.put("recipientName", person.displayName());
                variables.putAll(extra);
                Set<String> copy = new LinkedHashSet<>(cc);
                copy.remove(person.email());
                outbox.enqueue(kind, List.of(person.email()), copy, variables, task.taskId(), task.processDefinitionId());
            }
        }
    }

    private Map<String, Object> variables(DeadlineEvent.Task task) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("taskName", task.taskName());
        variables.put("institutionName", Objects.requireNonNullElse(task.institutionName(), "—"));
        variables.put("caseId", task.caseId() == null ? "—" : task.caseId());
        variables.put("due", DATE_TIME.format(task.due().withZoneSameInstant(Now.zone())));
        variables.put("unitName", task.unit() == null ? "—" : unitName(task.unit()));
        variables.put("link", taskLink(task.taskId()));
        return variables;
    }

    String taskLink(String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    String inboxLink() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }

    String unitName(UnitKey unit) {
        return organisation.unit(unit).map(Unit::name).orElse(unit.toString());
    }

    private static Set<String> addresses(List<Person> people) {
        Set<String> addresses = new LinkedHashSet<>();
        people.stream().map(Person::email).filter(e -> e != null && !e.isBlank()).forEach(addresses::add);
        return addresses;
    }
}
