package cn.elderguard.admin;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** The user tasks of a BPMN file's executable processes, each with its process key, for the task rules. */
record UserTasks(String processKey, UserTask task) {

    static List<UserTasks> in(BpmnModelInstance model) {
        return model.getModelElementsByType(UserTask.class).stream()
            .map(task -> new UserTasks(process(task).map(Process::getId).orElse(null), task))
            .filter(found -> found.processKey() != null)
            .toList();
    }

    String id() {
        return task.getId();
    }

    /** The task's extension property (Modeler: "Extension properties"), as the routing listener reads it. */
    Optional<String> property(String name) {
        ExtensionElements extensions = task.getExtensionElements();
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

    /** A task label for messages: 核查线索（Task_VerifyLead）. */
    String label() {
        return task.getName() == null || task.getName().isBlank() ? task.getId() : task.getName() + "（" + task.getId() + "）";
    }

    /** The executable process a task belongs to (tasks in subprocesses included). */
    private static Optional<Process> process(ModelElementInstance element) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof Process process) {
                return process.isExecutable() ? Optional.of(process) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
