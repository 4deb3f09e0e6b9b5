package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.elderguard.deadline.ServiceLevels;

/**
 * Every user task has a deadline someone chose: its own service level (process key + task id, in
 * deadline/service-levels.yaml or set by an administrator) or its own due date ({@code camunda:dueDate}). The
 * {@code *} default row alone is not enough: a new task's period is a decision, not an accident (docs/deadlines.md,
 * docs/decisions/025).
 */
@Component
class UserTaskServiceLevel implements DeploymentRule {

    static final String ID = "user-task-service-level";

    private final ServiceLevels serviceLevels;

    UserTaskServiceLevel(ServiceLevels serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return ModelFiles.isBpmn(resourceName);
    }

    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        List<DeploymentViolation> violations = new ArrayList<>();
        ModelFiles.bpmn(content).ifPresent(model -> {
            Map<String, Set<String>> withOwnLevel = new HashMap<>();
            for (UserTasks task : UserTasks.in(model)) {
                String dueDate = task.task().getCamundaDueDate();
                if ((dueDate == null || dueDate.isBlank())
                    && !withOwnLevel.computeIfAbsent(task.processKey(), serviceLevels::tasksWithOwnLevel).contains(task.id())) {
                    String path = "/api/service-levels/" + task.processKey() + "/" + task.id();
                    violations.add(new DeploymentViolation(ID, task.id(),
                        "任务 " + task.label() + " 没有办理时限：请先由管理员在「办理时限」页面（PUT " + path + "）为流程 " + task.processKey()
                            + " 的该任务设定时限后再部署，或在 Modeler 的「Task」中填写 Due date；默认行（*）不算，新任务的时限须有意设定",
                        "task " + task.id() + " has no service level: an administrator sets one for process " + task.processKey()
                            + " and this task first (page 办理时限, PUT " + path + "), or give the task a Due date in Modeler;"
                            + " the default row (*) does not count: a new task's period is chosen, not inherited"));
                }
            }
        });
        return violations;
    }
}
