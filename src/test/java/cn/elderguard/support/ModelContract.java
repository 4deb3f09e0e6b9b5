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
 * In a backing class, {@code KEY} is the process id, {@code FORM_*} form ids, {@code VAR_*} variable names,
 * {@code BEAN_*} the names of beans the model calls (engine/ModelBean) and every other String constant an element id
 * (flow node or sequence flow). Names every case process shares are in one class of their own (engine/CaseProcessNames).
 * A decision's class has {@code KEY}/{@code *_KEY} constants for decision ids and the others for output names.
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
        Set<String> messages = new TreeSet<>();
        instance.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class).forEach(message -> messages.add(message.getName()));
        constants.forEach((name, value) -> {
            if (name.startsWith("MESSAGE_")) {
                if (!messages.remove(value)) {
                    violations.add(file + ": " + owner + "." + name + " = " + value + " names no message of the model; make it the message's name");
                }
            } else if (name.startsWith("FORM_")) {
                formConstants.add(value);
            } else if (!name.equals("KEY") && !name.startsWith("VAR_") && !name.startsWith("BEAN_")) {
                elementConstants.add(value);
                if (!elements.contains(value)) {
                    violations.add(file + ": " + owner + "." + name + " = " + value + " names no element of the model;"
                        + " rename the constant's value to the element's new id (or remove the constant) and update its users");
                }
            }
        });
        messages.forEach(message -> violations.add(file + ": message " + message + " has no MESSAGE_ constant in " + owner + "; add one"));
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

    /**
     * The variables and beans of a model against its backing class and the shared one: every variable the model, its
     * forms and its decisions' inputs name has a VAR_ constant, so does every variable it passes to a called process
     * (in that process's class), every bean it names has a BEAN_ constant, and every BEAN_ constant is a bean it names.
     *
     * @param backingByKey process key → backing class, for the variables passed to called processes
     */
    public List<String> checkNames(Path model, Class<?> backing, Class<?> shared, Map<String, Class<?>> backingByKey) {
        List<String> violations = new ArrayList<>();
        String file = model.getFileName().toString();
        String owner = backing.getSimpleName();
        ModelNames.Usage usage = ModelNames.usage(model);
        Set<String> variables = new TreeSet<>(variablesOf(model, usage));
        Set<String> declared = values(backing, "VAR_");
        declared.addAll(values(shared, "VAR_"));
        for (String variable : variables) {
            if (!declared.contains(variable)) {
                violations.add(file + ": variable " + variable + " has no VAR_ constant in " + owner + " (or " + shared.getSimpleName()
                    + " if every case process has it); add one");
            }
        }
        usage.passedTo().forEach((calledKey, passed) -> {
            Class<?> called = backingByKey.get(calledKey);
            if (called == null) {
                return;
            }
            Set<String> calledDeclared = values(called, "VAR_");
            calledDeclared.addAll(values(shared, "VAR_"));
            passed.stream().filter(variable -> !calledDeclared.contains(variable)).forEach(variable -> violations.add(file
                + ": variable " + variable + " passed to " + calledKey + " has no VAR_ constant in " + called.getSimpleName() + "; add one"));
        });
        Set<String> beans = values(backing, "BEAN_");
        Set<String> sharedBeans = values(shared, "BEAN_");
        for (String bean : usage.beans()) {
            if (!beans.contains(bean) && !sharedBeans.contains(bean)) {
                violations.add(file + ": bean " + bean + " has no BEAN_ constant in " + owner + "; add one and use it in the bean's @ModelBean");
            }
        }
        for (String bean : beans) {
            if (!usage.beans().contains(bean)) {
                violations.add(owner + ": BEAN_ constant " + bean + " names no bean " + file + " uses; remove it or use the bean");
            }
        }
        return violations;
    }

    /**
     * VAR_ constants that name nothing: every variable constant of the classes is a variable some model, form or
     * decision input names, or one the application sets ({@code setByApplication}, engine/ApplicationVariables).
     */
    public List<String> unusedVariables(Collection<Class<?>> classes, Collection<Path> models, Set<String> setByApplication) {
        Set<String> used = new TreeSet<>(setByApplication);
        for (Path model : models) {
            ModelNames.Usage usage = ModelNames.usage(model);
            used.addAll(variablesOf(model, usage));
            usage.passedTo().values().forEach(used::addAll);
        }
        List<String> violations = new ArrayList<>();
        for (Class<?> type : classes) {
            constants(type).forEach((name, value) -> {
                if (name.startsWith("VAR_") && !used.contains(value)) {
                    violations.add(type.getSimpleName() + "." + name + " = " + value + " is no variable of a model, form or decision,"
                        + " nor one the application sets; remove it or declare it where the application sets it");
                }
            });
        }
        return violations;
    }

    /**
     * A decision table file against its class: every decision has a {@code KEY}/{@code *_KEY} constant, every such
     * constant names a decision of the file, every other constant an output of one.
     */
    public static List<String> checkDecisions(Path dmn, Class<?> backing) {
        List<String> violations = new ArrayList<>();
        String file = dmn.getFileName().toString();
        String owner = backing.getSimpleName();
        Map<String, Set<String>> outputs = ModelNames.decisionOutputs(dmn);
        Set<String> allOutputs = new TreeSet<>();
        outputs.values().forEach(allOutputs::addAll);
        Set<String> keys = new TreeSet<>();
        constants(backing).forEach((name, value) -> {
            if (name.equals("KEY") || name.endsWith("_KEY")) {
                keys.add(value);
                if (!outputs.containsKey(value)) {
                    violations.add(file + ": " + owner + "." + name + " = " + value + " names no decision of the file; make it the decision's id");
                }
            } else if (!allOutputs.contains(value)) {
                violations.add(file + ": " + owner + "." + name + " = " + value + " names no output of the file's decisions; make it the output's name");
            }
        });
        outputs.keySet().stream().filter(decision -> !keys.contains(decision)).forEach(decision ->
            violations.add(file + ": decision " + decision + " has no KEY constant in " + owner + "; add one"));
        return violations;
    }

    /** A model's variables: its own, its forms' fields, and the inputs of the decision files it calls (bpmn/*.dmn beside it). */
    private Set<String> variablesOf(Path model, ModelNames.Usage usage) {
        Set<String> variables = new TreeSet<>(usage.variables());
        Map<String, Set<String>> keys = formKeys();
        usage.formRefs().forEach(form -> variables.addAll(keys.getOrDefault(form, Set.of())));
        if (!usage.decisionRefs().isEmpty()) {
            try (Stream<Path> files = Files.list(model.toAbsolutePath().getParent())) {
                for (Path dmn : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                    Map<String, Set<String>> inputs = ModelNames.decisionInputs(dmn);
                    if (usage.decisionRefs().stream().anyMatch(inputs::containsKey)) {
                        inputs.values().forEach(variables::addAll);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return variables;
    }

    /** Form id → the keys of its fields. */
    private Map<String, Set<String>> formKeys() {
        Map<String, Set<String>> keys = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : formIds().values()) {
            try {
                com.fasterxml.jackson.databind.JsonNode form = json.readTree(Files.readString(forms.resolve(file)));
                Set<String> fields = new TreeSet<>();
                form.findValues("key").forEach(key -> fields.add(key.asText()));
                keys.put(form.path("id").asText(), fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static Set<String> values(Class<?> type, String prefix) {
        Set<String> values = new TreeSet<>();
        constants(type).forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                values.add(value);
            }
        });
        return values;
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
