package cn.elderguard.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deployed Camunda Forms of user tasks, parsed once per process definition and task (deployed forms never
 * change): what a submission may carry and what makes it valid, written once in the form itself.
 */
@Component
public class TaskForms {

    private final FormService forms;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ObjectMapper json;
    private final Map<String, Form> byTask = new ConcurrentHashMap<>();
    private final Map<String, Map<String, FormField>> byProcessDefinition = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<FormField>>> sharedInputsByProcessDefinition = new ConcurrentHashMap<>();

    TaskForms(@Lazy FormService forms, @Lazy TaskService tasks, @Lazy RepositoryService repository, ObjectMapper json) {
        this.forms = forms;
        this.tasks = tasks;
        this.repository = repository;
        this.json = json;
    }

    /** The form of a task inside the engine (a listener). */
    public Form of(DelegateTask task) {
        return byTask.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
            key -> task.getBpmnModelElementInstance().getCamundaFormRef() == null ? Form.NONE : parse(() -> forms.getDeployedTaskForm(task.getId())));
    }

    /**
     * The form of a task as the current engine user sees it; empty when the task does not exist or that user
     * may not read it (the engine then answers the request itself, so no form detail leaks to them).
     */
    public Optional<Form> ofVisibleTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return Optional.empty();
        }
        return Optional.of(byTask.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
            key -> task.getCamundaFormRef() == null ? Form.NONE : parse(() -> forms.getDeployedTaskForm(taskId))));
    }

    /** Every field of every task form of a process definition (the fields a user could ever have entered). */
    public Map<String, FormField> fieldsOfProcess(ProcessDefinition definition) {
        return byProcessDefinition.computeIfAbsent(definition.getId(), id -> {
            BpmnModelInstance model = repository.getBpmnModelInstance(id);
            List<String> formIds = model.getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaFormRef).filter(ref -> ref != null).toList();
            Map<String, FormField> fields = new LinkedHashMap<>();
            for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
                if (resource.endsWith(".form")) {
                    Form form = parse(() -> repository.getResourceAsStream(definition.getDeploymentId(), resource));
                    if (formIds.contains(form.id())) {
                        form.fields().forEach(field -> fields.putIfAbsent(field.key(), field));
                    }
                }
            }
            return Map.copyOf(fields);
        });
    }

    /**
     * The inputs (editable fields) of a task's form that another user task of the same process definition has on
     * its form too, a form used by two tasks counting twice: what one of them writes would open pre-filled in the
     * other (docs/forms.md, "Each task's inputs are its own"). Read from the deployment, so it works while the
     * task is being created.
     */
    public List<FormField> sharedInputs(String processDefinitionId, String taskDefinitionKey) {
        if (processDefinitionId == null) {
            return List.of();
        }
        return sharedInputsByProcessDefinition.computeIfAbsent(processDefinitionId, this::sharedInputs)
            .getOrDefault(taskDefinitionKey, List.of());
    }

    private Map<String, List<FormField>> sharedInputs(String processDefinitionId) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        Map<String, Form> formsById = new HashMap<>();
        for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                Form form = parse(() -> repository.getResourceAsStream(definition.getDeploymentId(), resource));
                formsById.put(form.id(), form);
            }
        }
        Map<String, List<FormField>> inputsByTask = new HashMap<>();
        Map<String, Integer> tasksPerInput = new HashMap<>();
        for (UserTask task : repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(UserTask.class)) {
            Form form = task.getCamundaFormRef() == null ? null : formsById.get(task.getCamundaFormRef());
            List<FormField> inputs = form == null ? List.of() : form.fields().stream().filter(FormField::editable).toList();
            inputsByTask.put(task.getId(), inputs);
            inputs.stream().map(FormField::key).distinct().forEach(key -> tasksPerInput.merge(key, 1, Integer::sum));
        }
        Map<String, List<FormField>> shared = new HashMap<>();
        inputsByTask.forEach((task, inputs) -> shared.put(task,
            inputs.stream().filter(input -> tasksPerInput.get(input.key()) > 1).toList()));
        return Map.copyOf(shared);
    }

    private Form parse(Supplier<InputStream> source) {
        try (InputStream in = source.get()) {
            JsonNode form = json.readTree(in);
            return new Form(form.path("id").asText(), fields(form));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keyed fields of a parsed Camunda Form, nested components included, in the form's order. */
    static List<FormField> fields(JsonNode form) {
        List<FormField> fields = new ArrayList<>();
        collect(form, fields);
        return List.copyOf(fields);
    }

    private static void collect(JsonNode container, List<FormField> fields) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                fields.add(FormField.of(component));
            }
            collect(component, fields);
        }
    }

    /** A deployed form: its id and keyed fields. */
    public record Form(String id, List<FormField> fields) {

        static final Form NONE = new Form("", List.of());

        public Optional<FormField> field(String key) {
            return fields.stream().filter(field -> field.key().equals(key)).findFirst();
        }
    }
}
