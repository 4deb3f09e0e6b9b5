package cn.elderguard.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.engine.ModelBeans;
import cn.elderguard.engine.ApplicationVariables;

/**
 * Rule fields-from-forms (docs/modeler.md): every variable a model's expressions read, and every DMN input, is
 * something a case can actually hold: a field of the deployment's forms, a variable the application sets
 * ({@link ApplicationVariables}), or one the models set themselves (a result variable, an output parameter, a
 * called process's input, a decision's output). A condition on a misspelt or removed field would otherwise fail
 * every case that reaches it. Forms not in the deployment (a decision table deployed alone) count as the latest
 * deployed processes have them.
 */
@Component
class FieldsFromForms implements DeploymentRule {

    static final String ID = "fields-from-forms";
    private static final Set<String> SET_BY_ATTRIBUTE = Set.of("resultVariable", "elementVariable", "errorCodeVariable",
        "errorMessageVariable", "escalationCodeVariable");

    private final ModelBeans beans;
    private final List<ApplicationVariables> applicationVariables;
    private final Supplier<Map<String, Set<String>>> deployedForms;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    FieldsFromForms(ModelBeans beans, List<ApplicationVariables> applicationVariables, ObjectProvider<RepositoryService> repository) {
        this(beans, applicationVariables, () -> deployedForms(repository.getObject()));
    }

    /** @param deployedForms the forms deployed already: form id → its field keys */
    FieldsFromForms(ModelBeans beans, List<ApplicationVariables> applicationVariables, Supplier<Map<String, Set<String>>> deployedForms) {
        this.beans = beans;
        this.applicationVariables = applicationVariables;
        this.deployedForms = deployedForms;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return ModelFiles.isBpmn(resourceName) || ModelFiles.isDmn(resourceName);
    }

    /** A file judged with the other files of its deployment (its forms, decisions, called processes). */
    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        return check(resourceName, content, context.resources());
    }

    List<DeploymentViolation> check(String resourceName, byte[] content, Map<String, byte[]> deployment) {
        Optional<Document> document = ModelSources.parse(content);
        if (document.isEmpty()) {
            return List.of();
        }
        Set<String> known = known(deployment);
        ExpressionCheck check = new ExpressionCheck(beans.allowlist());
        List<DeploymentViolation> violations = new ArrayList<>();
        if (ModelFiles.isBpmn(resourceName)) {
            for (ModelSources.Expression expression : ModelSources.bpmnExpressions(document.get())) {
                for (String variable : check.check(expression.text()).variables()) {
                    if (!known.contains(variable)) {
                        violations.add(violation(expression.elementId(), expression.where(), expression.text(), variable));
                    }
                }
            }
        } else {
            for (ModelSources.DecisionExpression input : ModelSources.decisionExpressions(document.get())) {
                if (!"inputExpression".equals(input.kind())) {
                    continue;
                }
                Set<String> read = input.juel() ? check.check(input.text()).variables() : input.feel() ? FeelText.names(input.text()) : Set.of();
                for (String variable : read) {
                    if (!known.contains(variable)) {
                        violations.add(violation(input.elementId(), input.kind(), input.text(), variable));
                    }
                }
            }
        }
        return violations;
    }

    private static DeploymentViolation violation(String elementId, String where, String text, String variable) {
        return new DeploymentViolation(ID, elementId,
            where + " 的表达式 " + text + " 读取变量 " + variable + "，但它既不是表单字段，也不是应用程序或模型设置的变量；"
                + "请在表单中加入键为 " + variable + " 的字段（与模型一起部署），或改为读取已有字段",
            where + ": the expression " + text + " reads the variable " + variable + ", which is neither a form field nor a variable"
                + " the application or the models set; add a field with key " + variable + " to a form (deployed with the model) or"
                + " read an existing field");
    }

    /**
     * Everything a case can hold: form fields, the application's variables, what the deployment's models set. A form
     * not in this deployment counts as deployed (Modeler's "deploy changed only" leaves unchanged forms out).
     */
    private Set<String> known(Map<String, byte[]> deployment) {
        Set<String> known = new TreeSet<>();
        applicationVariables.forEach(declared -> known.addAll(declared.setByApplication()));
        Map<String, Set<String>> forms = new HashMap<>();
        for (Map.Entry<String, byte[]> file : deployment.entrySet()) {
            String name = file.getKey();
            if (name.endsWith(".form")) {
                form(file.getValue(), JSON).ifPresent(form -> forms.put(form.id(), keys(form)));
            } else if (ModelFiles.isBpmn(name) || ModelFiles.isDmn(name)) {
                ModelSources.parse(file.getValue()).ifPresent(document -> known.addAll(setByModel(document)));
            }
        }
        deployedForms.get().forEach(forms::putIfAbsent);
        forms.values().forEach(known::addAll);
        return known;
    }

    /** The latest deployed processes' forms (form id → field keys), read from their deployments. */
    static Map<String, Set<String>> deployedForms(RepositoryService repository) {
        Map<String, Set<String>> forms = new HashMap<>();
        Set<String> deployments = new HashSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (!deployments.add(definition.getDeploymentId())) {
                continue;
            }
            for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
                if (resource.endsWith(".form")) {
                    try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
                        form(in.readAllBytes(), JSON).ifPresent(form -> forms.putIfAbsent(form.id(), keys(form)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return forms;
    }

    private static Optional<TaskForms.Form> form(byte[] content, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(content);
            return Optional.of(new TaskForms.Form(node.path("id").asText(), TaskForms.fields(node)));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Set<String> keys(TaskForms.Form form) {
        Set<String> keys = new HashSet<>();
        form.fields().forEach(field -> keys.add(field.key()));
        return keys;
    }

    /** Variables a BPMN or DMN file sets: result variables, outputs, variables passed to a called process. */
    private static Set<String> setByModel(Document document) {
        Set<String> set = new HashSet<>();
        for (Element element : ModelSources.all(document.getDocumentElement())) {
            String name = element.getLocalName();
            if (ModelSources.CAMUNDA_BPMN.equals(element.getNamespaceURI())) {
                if ("inputParameter".equals(name) || "outputParameter".equals(name)) {
                    set.add(element.getAttribute("name"));
                } else if ("in".equals(name) || "out".equals(name)) {
                    set.add(element.getAttribute("target"));
                } else if ("formField".equals(name)) {
                    set.add(element.getAttribute("id"));
                }
                continue;
            }
            for (String attribute : SET_BY_ATTRIBUTE) {
                if (element.hasAttributeNS(ModelSources.CAMUNDA_BPMN, attribute)) {
                    set.add(element.getAttributeNS(ModelSources.CAMUNDA_BPMN, attribute));
                }
            }
            // DMN: a decision's outputs (required decisions feed them to the next), a literal expression's variable.
            if ("output".equals(name) || "variable".equals(name)) {
                set.add(element.getAttribute("name"));
            }
        }
        set.remove("");
        return set;
    }
}
