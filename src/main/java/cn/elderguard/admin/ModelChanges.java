package cn.elderguard.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What changed in one definition between two versions of its file: the elements (flow nodes and sequence flows
 * of a process, rules, inputs and outputs of a decision, fields of a form) added, removed, renamed, or changed in
 * what the engine runs (a user task's form, a flow's source and target, an input's expression, a rule's entries,
 * a field's type). Element ids are what administrators, migrations and the code's backing classes name things by,
 * so the comparison is by id (docs/decisions/028).
 */
final class ModelChanges {

    /** What a definition is. */
    enum Kind { PROCESS, DECISION, FORM, FILE }

    /** What kind of element changed. */
    enum ElementKind { FLOW_NODE, SEQUENCE_FLOW, RULE, INPUT, OUTPUT, FIELD }

    /** How it changed. */
    enum Change { ADDED, REMOVED, RENAMED, CHANGED }

    /** One change; {@code before}/{@code after} are the name (ADDED, REMOVED, RENAMED) or the detail (CHANGED). */
    record ElementChange(ElementKind element, Change change, String elementId, String before, String after) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelChanges() {
    }

    /** The changes of definition {@code key} from {@code before} (null: there was none) to {@code after}. */
    static List<ElementChange> between(Kind kind, String key, byte[] before, byte[] after) {
        return compare(snapshot(kind, key, before), snapshot(kind, key, after));
    }

    /** An element as compared: its name for people and the detail the engine runs. */
    private record Element(ElementKind kind, String id, String name, String detail) {
    }

    private static List<ElementChange> compare(Collection<Element> before, Collection<Element> after) {
        Map<String, Element> old = index(before);
        Map<String, Element> now = index(after);
        List<ElementChange> changes = new ArrayList<>();
        for (Element element : after) {
            Element previous = old.get(element.kind() + "/" + element.id());
            if (previous == null) {
                changes.add(new ElementChange(element.kind(), Change.ADDED, element.id(), null, element.name()));
                continue;
            }
            if (!Objects.equals(previous.name(), element.name())) {
                changes.add(new ElementChange(element.kind(), Change.RENAMED, element.id(), previous.name(), element.name()));
            }
            if (!Objects.equals(previous.detail(), element.detail())) {
                changes.add(new ElementChange(element.kind(), Change.CHANGED, element.id(), previous.detail(), element.detail()));
            }
        }
        for (Element element : before) {
            if (!now.containsKey(element.kind() + "/" + element.id())) {
                changes.add(new ElementChange(element.kind(), Change.REMOVED, element.id(), element.name(), null));
            }
        }
        return changes;
    }

    private static Map<String, Element> index(Collection<Element> elements) {
        Map<String, Element> index = new LinkedHashMap<>();
        elements.forEach(element -> index.putIfAbsent(element.kind() + "/" + element.id(), element));
        return index;
    }

    private static List<Element> snapshot(Kind kind, String key, byte[] content) {
        if (content == null) {
            return List.of();
        }
        return switch (kind) {
            case PROCESS -> process(key, content);
            case DECISION -> decision(key, content);
            case FORM -> form(content);
            case FILE -> List.of();
        };
    }

    private static List<Element> process(String key, byte[] content) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        List<Element> elements = new ArrayList<>();
        model.getModelElementsByType(Process.class).stream().filter(process -> key.equals(process.getId()))
            .forEach(process -> flowElements(process.getFlowElements(), elements));
        return elements;
    }

    private static void flowElements(Collection<FlowElement> flowElements, List<Element> elements) {
        for (FlowElement element : flowElements) {
            if (element instanceof SequenceFlow flow) {
                elements.add(new Element(ElementKind.SEQUENCE_FLOW, flow.getId(), flow.getName(),
                    id(flow.getSource()) + " → " + id(flow.getTarget())));
            } else if (element instanceof FlowNode node) {
                String detail = node instanceof UserTask task && task.getCamundaFormRef() != null
                    ? "表单 " + task.getCamundaFormRef() + "（" + Objects.requireNonNullElse(task.getCamundaFormRefBinding(), "latest")
                        + (task.getCamundaFormRefVersion() != null ? " " + task.getCamundaFormRefVersion() : "") + "）"
                    : null;
                elements.add(new Element(ElementKind.FLOW_NODE, node.getId(), node.getName(), detail));
                if (node instanceof SubProcess subProcess) {
                    flowElements(subProcess.getFlowElements(), elements);
                }
            }
        }
    }

    private static List<Element> decision(String key, byte[] content) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        List<Element> elements = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!key.equals(decision.getId()) || !(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            for (Input input : table.getInputs()) {
                String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? null
                    : input.getInputExpression().getText().getTextContent().trim();
                elements.add(new Element(ElementKind.INPUT, input.getId(), input.getLabel(), expression));
            }
            for (Output output : table.getOutputs()) {
                elements.add(new Element(ElementKind.OUTPUT, output.getId() != null ? output.getId() : output.getName(), output.getLabel(),
                    output.getName()));
            }
            for (Rule rule : table.getRules()) {
                String entries = rule.getInputEntries().stream().map(entry -> text(entry.getText())).collect(Collectors.joining(" | "))
                    + " → " + rule.getOutputEntries().stream().map(entry -> text(entry.getText())).collect(Collectors.joining(" | "));
                String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent().trim();
                elements.add(new Element(ElementKind.RULE, rule.getId(), description, entries));
            }
        }
        return elements;
    }

    private static List<Element> form(byte[] content) {
        try {
            return TaskForms.fields(JSON.readTree(content)).stream()
                .map(field -> new Element(ElementKind.FIELD, field.key(), field.label(), field.type()))
                .toList();
        } catch (IOException e) {
            // The engine refuses a form that is not JSON before this runs (ModelDeployment and the form deployer).
            throw new IllegalStateException("form is not JSON: " + e.getMessage(), e);
        }
    }

    private static String id(ModelElementInstance element) {
        return element == null ? "" : element.getAttributeValue("id");
    }

    private static String text(ModelElementInstance text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().trim();
    }
}
