package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RouteToUnitListener;

/**
 * Every user task is offered to a unit: it has the create listener {@code ${routeToUnit}}
 * ({@link RouteToUnitListener}), and its {@code agency} extension property names agencies the organisation knows
 * ({@link Agency}). A task without the listener is offered to nobody; an unknown agency fails the task's creation
 * and strands the case. Whether a jurisdiction has a unit of that agency is data that changes after deployment;
 * routing reports that when the task is created (docs/decisions/025).
 */
@Component
class UserTaskRouting implements DeploymentRule {

    static final String ID = "user-task-routing";
    static final String LISTENER = "${routeToUnit}";

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
        ModelFiles.bpmn(content).ifPresent(model -> UserTasks.in(model).forEach(task -> check(task, violations)));
        return violations;
    }

    private static void check(UserTasks task, List<DeploymentViolation> violations) {
        if (!routed(task)) {
            violations.add(new DeploymentViolation(ID, task.id(),
                "任务 " + task.label() + " 没有分派到单位：请在 Modeler 的「Task listeners」中添加 Event type 为 create、类型 Delegate expression、"
                    + "值为 " + LISTENER + " 的监听器，并用扩展属性（Extension properties）agency 指明承办部门（如 CIVIL_AFFAIRS）",
                "task " + task.id() + " is offered to no unit: add a task listener (Modeler: \"Task listeners\") with event type create,"
                    + " listener type Delegate expression and value " + LISTENER + ", and name the agency in the extension property agency"
                    + " (e.g. CIVIL_AFFAIRS)"));
        }
        task.property(RouteToUnitListener.AGENCY_PROPERTY).ifPresent(agencies -> {
            List<String> unknown = Arrays.stream(agencies.split(",")).map(String::trim).filter(name -> !known(name)).toList();
            if (!unknown.isEmpty()) {
                String allowed = Arrays.stream(Agency.values()).map(a -> a.name() + "（" + a.label() + "）").collect(Collectors.joining("、"));
                violations.add(new DeploymentViolation(ID, task.id(),
                    "任务 " + task.label() + " 的扩展属性 agency 含未知部门 " + String.join("、", unknown) + "；请改为以下之一（多个用逗号分隔）：" + allowed,
                    "task " + task.id() + "'s extension property agency names unknown agencies " + String.join(", ", unknown)
                        + "; use some of " + Arrays.stream(Agency.values()).map(Agency::name).collect(Collectors.joining(", "))
                        + " (comma-separated)"));
            }
        });
        task.property(RouteToUnitListener.UNIT_ROLE_PROPERTY).filter(role -> !RouteToUnitListener.LEADERS.equals(role)).ifPresent(role ->
            violations.add(new DeploymentViolation(ID, task.id(),
                "任务 " + task.label() + " 的扩展属性 unitRole 为 " + role + "；只能为 " + RouteToUnitListener.LEADERS
                    + "（交单位领导办理），交承办人员办理时请删去该属性",
                "task " + task.id() + "'s extension property unitRole is " + role + "; it can only be " + RouteToUnitListener.LEADERS
                    + " (the unit's leaders); remove it to offer the task to the unit's officers")));
    }

    private static boolean routed(UserTasks task) {
        ExtensionElements extensions = task.task().getExtensionElements();
        return extensions != null && extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
            .anyMatch(listener -> "create".equals(listener.getCamundaEvent()) && LISTENER.equals(listener.getCamundaDelegateExpression()));
    }

    private static boolean known(String agency) {
        return Arrays.stream(Agency.values()).anyMatch(known -> known.name().equals(agency));
    }
}
