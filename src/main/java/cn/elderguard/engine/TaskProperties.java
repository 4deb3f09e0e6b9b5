package cn.elderguard.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The extension properties (Camunda Modeler: "Extension properties") of a user task, through which a
 * model tells the generic listeners what the task is: {@code agency}, {@code measure}, {@code unitRole}…
 */
public final class TaskProperties {

    /** The measure a task carries out (e.g. {@code REFUND_ORDER}): recorded on the case and its timeline. */
    public static final String MEASURE = "measure";

    private TaskProperties() {
    }

    public static Optional<String> get(DelegateTask task, String name) {
        ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .filter(property -> name.equals(property.getCamundaName()))
            .map(CamundaProperty::getCamundaValue)
            .filter(value -> value != null && !value.isBlank())
            .findFirst();
    }
}
