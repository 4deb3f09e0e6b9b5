package cn.elderguard.dashboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;

/**
 * Who has claimed the tasks of one page (the engine keeps the assignee, not our tables): one engine query per page,
 * names from the organisation's cached look-ups.
 */
@Component
class TaskAssignees {

    private final TaskService tasks;
    private final OrganisationRepository organisation;

    TaskAssignees(TaskService tasks, OrganisationRepository organisation) {
        this.tasks = tasks;
        this.organisation = organisation;
    }

    /** The assignee of each claimed task among {@code taskIds}; unclaimed and finished tasks are absent. */
    Map<String, Assignee> of(Collection<String> taskIds) {
        Map<String, Assignee> assignees = new HashMap<>();
        if (taskIds.isEmpty()) {
            return assignees;
        }
        List<Task> found = tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list();
        for (Task task : found) {
            if (task.getAssignee() != null) {
                String name = organisation.person(task.getAssignee()).map(Person::displayName).orElse(task.getAssignee());
                assignees.put(task.getId(), new Assignee(task.getAssignee(), name));
            }
        }
        return assignees;
    }

    record Assignee(String id, String name) {
    }
}
