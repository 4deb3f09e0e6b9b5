package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DrgElement;
import org.springframework.stereotype.Component;

import cn.elderguard.lead.LeadDisposalProcess;

/**
 * Element ids follow the project's pattern (docs/modeler.md, "element-ids"): a process or decision is named in
 * PascalCase like its file ({@code LeadDisposal}, {@code RiskRating}); every other element a person sees in
 * Camunda Modeler's ID field is its kind, an underscore and PascalCase: {@code Task_VerifyLead},
 * {@code Gateway_RiskLevel}, {@code StartEvent_LeadReported}, {@code SequenceFlow_RiskRed}. The ids are what service
 * levels, tests, the case timeline and migration mappings refer to; Modeler's generated ids
 * ({@code Activity_0x1y2z3}, {@code Flow_0abc123}) say nothing and change with every copy. Ids Modeler shows no
 * field for (diagram shapes, event definitions, messages, errors, decision-table rows) are not checked
 * (docs/decisions/025).
 */
@Component
class ElementIds implements DeploymentRule {

    static final String ID = "element-ids";
    static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final String EXAMPLE_TASK = LeadDisposalProcess.TASK_VERIFY_LEAD.substring(LeadDisposalProcess.TASK_VERIFY_LEAD.indexOf('_') + 1);
    /** A name to show after each prefix in messages, from the shipped models. */
    private static final Map<String, String> EXAMPLES = Map.of(
        "Task", EXAMPLE_TASK, "Gateway", "RiskLevel", "Event", "FollowUpDue", "SubProcess", "Review", "BoundaryEvent", "Overdue", "StartEvent", "LeadReported",
        "EndEvent", "CaseClosed", "SequenceFlow", "RiskRed", "Lane", "CivilAffairs");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return ModelFiles.isBpmn(resourceName) || ModelFiles.isDmn(resourceName);
    }

    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        List<DeploymentViolation> violations = new ArrayList<>();
        if (ModelFiles.isBpmn(resourceName)) {
            ModelFiles.bpmn(content).ifPresent(model -> {
                model.getModelElementsByType(Process.class).forEach(process -> checkName(process.getId(), "流程", "process", violations));
                model.getModelElementsByType(Collaboration.class).forEach(element -> checkPrefixed(element, List.of(), violations));
                model.getModelElementsByType(Participant.class).forEach(element -> checkPrefixed(element, List.of(), violations));
                model.getModelElementsByType(Lane.class).forEach(element -> checkPrefixed(element, List.of(), violations));
                model.getModelElementsByType(FlowElement.class).stream()
                    // A data object has no shape of its own: Modeler shows its reference, which is checked.
                    .filter(element -> !(element instanceof DataObject))
                    .forEach(element -> checkPrefixed(element, family(element), violations));
            });
        } else {
            ModelFiles.dmn(content).ifPresent(model -> model.getModelElementsByType(DrgElement.class).forEach(element -> {
                if (element instanceof Decision) {
                    checkName(element.getId(), "决策", "decision", violations);
                } else {
                    check(element.getId(), List.of(typeName(element.getElementType().getTypeName())), violations);
                }
            }));
        }
        return violations;
    }

    /**
     * The one prefix of a flow element's kind (the same pattern bpmnlint's element-ids rule checks): tasks and call
     * activities {@code Task_}, sub-processes {@code SubProcess_}, start/end/boundary events their own, other events
     * {@code Event_}, gateways {@code Gateway_}, flows {@code SequenceFlow_}; anything else its own type name.
     */
    private static List<String> family(FlowElement element) {
        if (element instanceof SubProcess) {
            return List.of("SubProcess");
        }
        if (element instanceof Activity) {
            return List.of("Task");
        }
        if (element instanceof Gateway) {
            return List.of("Gateway");
        }
        if (element instanceof StartEvent) {
            return List.of("StartEvent");
        }
        if (element instanceof EndEvent) {
            return List.of("EndEvent");
        }
        if (element instanceof BoundaryEvent) {
            return List.of("BoundaryEvent");
        }
        if (element instanceof Event) {
            return List.of("Event");
        }
        if (element instanceof SequenceFlow) {
            return List.of("SequenceFlow");
        }
        return List.of(typeName(element.getElementType().getTypeName()));
    }

    private static void checkPrefixed(BaseElement element, List<String> family, List<DeploymentViolation> violations) {
        check(element.getId(), family.isEmpty() ? List.of(typeName(element.getElementType().getTypeName())) : family, violations);
    }

    private static void check(String id, List<String> prefixes, List<DeploymentViolation> violations) {
        if (id == null) {
            return;
        }
        int underscore = id.indexOf('_');
        if (underscore > 0 && prefixes.contains(id.substring(0, underscore)) && NAME.matcher(id.substring(underscore + 1)).matches()) {
            return;
        }
        String example = prefixes.get(0) + "_" + EXAMPLES.getOrDefault(prefixes.get(0), EXAMPLE_TASK);
        String allowed = String.join("_、", prefixes) + "_";
        violations.add(new DeploymentViolation(ID, id,
            "元素编号 " + id + " 不符合项目规范：应为前缀 " + allowed + " 之一加英文大驼峰名称，如 " + example + "。请在 Camunda Modeler 中选中该元素，"
                + "在属性面板「General」的 ID 栏改名（Modeler 自动生成的 Activity_0x1y2z3、Flow_0abc 之类编号须改掉）；"
                + "已有任务改名时，办理时限按新编号另设，运行中的案件须迁移",
            "id " + id + " does not follow the project's pattern: one of the prefixes " + String.join("_, ", prefixes) + "_ and a"
                + " PascalCase name, e.g. " + example + ". Select the element in Camunda Modeler and rename it in the ID field of the"
                + " General section (generated ids such as Activity_0x1y2z3 or Flow_0abc must go); a renamed task needs its service"
                + " level set for the new id, and running cases need migrating"));
    }

    private static void checkName(String id, String kind, String kindEnglish, List<DeploymentViolation> violations) {
        if (id != null && !NAME.matcher(id).matches()) {
            violations.add(new DeploymentViolation(ID, id,
                kind + "编号 " + id + " 不符合项目规范：应为英文大驼峰名称、不带前缀和下划线，与文件名相同（如 LeadDisposal.bpmn 的流程 LeadDisposal）。"
                    + "请在 Camunda Modeler 中点击画布空白处（或选中决策），在属性面板「General」的 ID 栏改名；改名即成为新的" + kind
                    + "，办理时限须按新编号另设",
                kindEnglish + " id " + id + " does not follow the project's pattern: PascalCase without prefix or underscore, the same"
                    + " as its file name (LeadDisposal.bpmn holds process LeadDisposal). Rename it in Camunda Modeler's ID field"
                    + " (click the empty canvas, or select the decision); a renamed " + kindEnglish + " is a new one and needs its"
                    + " service levels set for the new id"));
        }
    }

    /** {@code userTask} → {@code UserTask}. */
    private static String typeName(String xmlName) {
        return Character.toUpperCase(xmlName.charAt(0)) + xmlName.substring(1);
    }
}
