package cn.elderguard.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

/**
 * The engine's refusals in the words of the people who meet them in Tasklist: what happened and what to do
 * instead (docs/tasklist.md). The engine's own message names permissions and ids only a developer reads.
 */
public final class EngineRefusals {

    /** Supervisors (处非办, leading group) read the tasks of their jurisdiction; only the units offered a task work it. */
    public static final String ONLY_THE_UNIT_WORKS =
        "您可以查看本辖区的这项任务，但只能由承办单位（任务的候选组）认领和办理。如需推动办理，请联系承办单位或其负责人督办；"
            + "任务逾期后会按办理时限自动升级提醒。";
    /** Reassigning a task or changing its name, priority … is the administrators' (TASK_ASSIGN). */
    public static final String ONLY_DATES =
        "您可以认领和办理这项任务，并修改它的到期日和跟进日期；转给他人办理或修改任务的其他信息需由系统管理员操作。"
            + "如需他人接手，请取消认领，由本单位其他人员认领。";
    public static final String CANNOT_READ =
        "这项任务不属于您所在的单位，也不在您督查的辖区内，因此无法查看或办理。请刷新任务列表，只办理列表中显示的任务。";

    private static final Map<String, String> RESOURCES = Map.of(
        "Task", "任务", "ProcessInstance", "案件流程", "ProcessDefinition", "流程模型", "Deployment", "模型部署",
        "Filter", "任务过滤器", "User", "用户", "Group", "用户组", "Authorization", "权限设置", "Batch", "批量操作",
        "HistoricTask", "历史任务");

    private EngineRefusals() {
    }

    public static String explain(AuthorizationException refused) {
        List<MissingAuthorization> missing = refused.getMissingAuthorizations();
        boolean onTask = !missing.isEmpty() && missing.stream().anyMatch(m -> "Task".equals(m.getResourceType()));
        boolean toRead = missing.stream().allMatch(m -> "READ".equals(m.getViolatedPermissionName()));
        if (onTask && toRead) {
            return CANNOT_READ;
        }
        if (onTask && missing.stream().anyMatch(m -> "TASK_WORK".equals(m.getViolatedPermissionName()))) {
            return ONLY_THE_UNIT_WORKS;
        }
        if (onTask) {
            return ONLY_DATES;
        }
        String what = missing.isEmpty() ? "" : missing.stream()
            .map(m -> RESOURCES.getOrDefault(m.getResourceType(), m.getResourceType()) + "（" + m.getViolatedPermissionName() + "）")
            .distinct().reduce((a, b) -> a + "、" + b).map(list -> "缺少的权限：" + list + "。").orElse("");
        return "您没有执行此操作的权限。" + what + "如果这项工作确属您的职责，请联系系统管理员为您所在的单位授权。";
    }

    public static String explain(TaskAlreadyClaimedException claimed) {
        return "这项任务已由 " + claimed.getTaskAssignee() + " 认领，不能再认领。请刷新任务列表；如需接手，"
            + "请认领人取消认领，或请单位负责人重新分配。";
    }
}
