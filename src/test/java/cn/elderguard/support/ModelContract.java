package cn.elderguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RouteToUnitListener;
import cn.elderguard.engine.TaskProperties;

/**
 * A model, its backing class (e.g. LeadDisposalProcess), forms/ and the service levels cannot drift apart. Plain
 * reading of files and reflection, no engine: each check returns its violations, each naming the file, the element
 * and what to do, so that ModelContractTest can run it on the shipped models and on fixtures alike.
 * In a backing class, {@code KEY} is the process id, {@code FORM_*} form ids, {@code VAR_*} variable names and
 * every other String constant an element id (flow node or sequence flow).
 */
public final class ModelContract {

    /** What RecordOnTimeline and the case file store as a measure: an upper-case code such as REFUND_ORDER. */
    private static final Pattern MEASURE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Path forms;

    public ModelContract(Path forms) {
        this.forms = forms;
    }

    /** Form id ("id" of each forms/*.form) → file name. */
    public Map<String, String> formIds() {
        Map<String, String> ids = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(forms)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".form")).sorted().toList()) {
                ids.put(json.readTree(Files.readString(file)).path("id").asText(), file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    public String processKey(Path model) {
        return Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(Process.class).iterator().next().getId();
    }

    /** The model against its backing class and forms/. */
    public List<String> check(Path model, Class<?> backing) {
        List<String> violations = new ArrayList<>();
        String file = model.getFileName().toString();
        String owner = backing.getSimpleName();
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        String key = instance.getModelElementsByType(Process.class).iterator().next().getId();
        Map<String, String> constants = constants(backing);
        if (!key.equals(constants.get("KEY"))) {
            violations.add(file + ": process id " + key + " is not " + owner + ".KEY (" + constants.get("KEY") + "); make them equal");
        }
        Set<String> elements = new TreeSet<>();
        instance.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
        instance.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
        Set<String> elementConstants = new TreeSet<>();
        Set<String> formConstants = new TreeSet<>();
        constants.forEach((name, value) -> {
            if (name.startsWith("FORM_")) {
                formConstants.add(value);
            } else if (!name.equals("KEY") && !name.startsWith("VAR_")) {
                elementConstants.add(value);
                if (!elements.contains(value)) {
                    violations.add(file + ": " + owner + "." + name + " = " + value + " names no element of the model;"
                        + " rename the constant's value to the element's new id (or remove the constant) and update its users");
                }
            }
        });
        for (String element : elements) {
            if (!elementConstants.contains(element)) {
                violations.add(file + ": element " + element + " has no constant in " + owner + "; add one");
            }
        }
        Map<String, String> formIds = formIds();
        for (String form : formConstants) {
            if (!formIds.containsKey(form)) {
                violations.add(owner + ": form constant " + form + " names no form in " + forms + " (by its \"id\"); add the form or remove the constant");
            }
        }
        for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
            checkUserTask(file, owner, task, formIds.keySet(), formConstants, violations);
        }
        return violations;
    }

    private static void checkUserTask(String file, String owner, UserTask task, Set<String> formIds, Set<String> formConstants,
        List<String> violations) {
        String where = file + ": user task " + task.getId();
        String formRef = task.getCamundaFormRef();
        if (formRef == null || !formIds.contains(formRef)) {
            violations.add(where + " has formRef " + formRef + ", which names no form in forms/ (by its \"id\"); set the form's id or the formRef");
        } else if (!formConstants.contains(formRef)) {
            violations.add(where + " uses form " + formRef + ", which has no FORM_ constant in " + owner + "; add one");
        }
        for (CamundaProperty property : properties(task)) {
            String name = property.getCamundaName();
            String value = property.getCamundaValue() == null ? "" : property.getCamundaValue();
            if (RouteToUnitListener.AGENCY_PROPERTY.equals(name)) {
                for (String agency : value.split(",")) {
                    try {
                        Agency.valueOf(agency.trim());
                    } catch (IllegalArgumentException e) {
                        violations.add(where + ": property " + name + " = " + value + " has \"" + agency.trim()
                            + "\", no organisation/Agency value; use comma-separated Agency names such as PUBLIC_SECURITY");
                    }
                }
            } else if (TaskProperties.MEASURE.equals(name) && !MEASURE.matcher(value).matches()) {
                violations.add(where + ": property " + name + " = " + value + " is no measure code; use an upper-case code such as REFUND_ORDER");
            } else if (RouteToUnitListener.UNIT_ROLE_PROPERTY.equals(name) && !RouteToUnitListener.LEADERS.equals(value)) {
                violations.add(where + ": property " + name + " = " + value + " is not " + RouteToUnitListener.LEADERS + "; use it or remove the property");
            }
        }
    }

    /** Forms no backing class declares: a form is used by some process, so its id is a constant of that process's class. */
    public List<String> undeclaredForms(Collection<Class<?>> backing) {
        Set<String> declared = new TreeSet<>();
        backing.forEach(type -> constants(type).forEach((name, value) -> {
            if (name.startsWith("FORM_")) {
                declared.add(value);
            }
        }));
        List<String> violations = new ArrayList<>();
        formIds().forEach((id, file) -> {
            if (!declared.contains(id)) {
                violations.add(forms.resolve(file) + ": form " + id + " is declared in no backing class;"
                    + " add a FORM_ constant to the class of the process whose user task uses it");
            }
        });
        return violations;
    }

    /** Every (process, task) row of the service levels names a process and one of its user tasks ("*" stands for any). */
    public List<String> checkServiceLevels(Path serviceLevels, Collection<Path> models) {
        Map<String, Set<String>> userTasks = new TreeMap<>();
        for (Path model : models) {
            BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
            Set<String> tasks = new TreeSet<>();
            instance.getModelElementsByType(UserTask.class).forEach(task -> tasks.add(task.getId()));
            userTasks.put(instance.getModelElementsByType(Process.class).iterator().next().getId(), tasks);
        }
        List<String> violations = new ArrayList<>();
        Map<String, List<Map<String, Object>>> file;
        try {
            file = new Yaml().load(Files.readString(serviceLevels));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map<String, Object> row : file.get("service-levels")) {
            String process = String.valueOf(row.get("process"));
            String task = String.valueOf(row.get("task"));
            if (process.equals("*")) {
                continue;
            }
            if (!userTasks.containsKey(process)) {
                violations.add(serviceLevels + ": row (" + process + ", " + task + ") names no process in bpmn/; fix the process key or remove the row");
            } else if (!task.equals("*") && !userTasks.get(process).contains(task)) {
                violations.add(serviceLevels + ": row (" + process + ", " + task + ") names no user task of " + process + "; fix the task id or remove the row");
            }
        }
        return violations;
    }

    private static List<CamundaProperty> properties(UserTask task) {
        if (task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements().getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
            .flatMap(properties -> properties.getCamundaProperties().stream()).toList();
    }

    /** The public static String constants of a backing class, name → value. */
    private static Map<String, String> constants(Class<?> backing) {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : backing.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }
}
