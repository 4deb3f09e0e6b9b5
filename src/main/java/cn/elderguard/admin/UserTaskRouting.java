package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RouteToUnitListener;
import cn.elderguard.engine.CaseProcessNames;

/**
 * Every user task is offered to a unit by the engine's own routing ({@link RouteToUnitListener}, added to every user
 * task, docs/decisions/031), and the model tells it whom: the task's {@code agency} extension property names agencies
 * the organisation knows ({@link Agency}), or {@code agencyVariable} names the process variable that holds one. A
 * task naming neither would fall to the case's responsible agency by accident (or, in a process without that
 * variable, fail its creation and strand the case); an unknown agency fails the task's creation. Whether a
 * jurisdiction has a unit of that agency is data that changes after deployment; routing reports that when the task
 * is created (docs/decisions/025).
 */
@Component
class UserTaskRouting implements DeploymentRule {

    static final String ID = "user-task-routing";

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
        if (task.property(RouteToUnitListener.AGENCY_PROPERTY).isEmpty() && task.property(RouteToUnitListener.AGENCY_VARIABLE_PROPERTY).isEmpty()) {
            violations.add(new DeploymentViolation(ID, task.id(),
                "任务 " + task.label() + " 没有指明承办部门：请在 Modeler 的「Extension properties」中添加扩展属性 "
                    + RouteToUnitListener.AGENCY_PROPERTY + "（如 CIVIL_AFFAIRS，多个用逗号分隔），或添加 "
                    + RouteToUnitListener.AGENCY_VARIABLE_PROPERTY + " 指明存放部门的流程变量（如 " + CaseProcessNames.VAR_RESPONSIBLE_AGENCY
                    + "，即受理时认定的行业主管部门）",
                "task " + task.id() + " names no agency: add the extension property (Modeler: \"Extension properties\") "
                    + RouteToUnitListener.AGENCY_PROPERTY + " (e.g. CIVIL_AFFAIRS, comma-separated) or "
                    + RouteToUnitListener.AGENCY_VARIABLE_PROPERTY + " naming the variable that holds the agency (e.g. "
                    + CaseProcessNames.VAR_RESPONSIBLE_AGENCY + ", the sector agency found at intake)"));
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

    private static boolean known(String agency) {
        return Arrays.stream(Agency.values()).anyMatch(known -> known.name().equals(agency));
    }
}
