package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Rule no-scripts (docs/modeler.md): script tasks, {@code camunda:script} (listeners, input/output), conditions in a
 * script language and DMN expressions in a language other than FEEL or JUEL run code the gate cannot read; they are
 * refused unless the administrator setting {@code elderguard.models.script-languages} names the language
 * (docs/decisions/024). No script engine is on the classpath today.
 */
@Component
class NoScripts implements DeploymentRule {

    static final String ID = "no-scripts";

    private final Set<String> allowed;

    NoScripts(ModelProperties properties) {
        this.allowed = properties.scriptLanguages().stream().map(language -> language.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    }

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
        Optional<Document> document = ModelSources.parse(content);
        if (document.isEmpty()) {
            return List.of();
        }
        List<ModelSources.Script> scripts = new ArrayList<>();
        if (ModelFiles.isBpmn(resourceName)) {
            scripts.addAll(ModelSources.bpmnScripts(document.get()));
        } else {
            for (ModelSources.DecisionExpression expression : ModelSources.decisionExpressions(document.get())) {
                if (!expression.juel() && !expression.feel()) {
                    scripts.add(new ModelSources.Script(expression.elementId(), expression.kind(), expression.language()));
                }
            }
            Element definitions = document.get().getDocumentElement();
            String language = definitions.getAttribute("expressionLanguage").toLowerCase(Locale.ROOT);
            if (!language.isBlank() && !language.contains("feel") && !"juel".equals(language)) {
                scripts.add(new ModelSources.Script(ModelSources.idOf(definitions), "definitions@expressionLanguage", language));
            }
        }
        return scripts.stream().filter(script -> !allowed.contains(script.language()))
            .map(script -> new DeploymentViolation(ID, script.elementId(),
                script.where() + " 使用脚本语言 " + script.language() + "，未获准许；请改用表达式或允许的 bean，"
                    + "或由管理员在 elderguard.models.script-languages 中准许该语言（当前准许：" + (allowed.isEmpty() ? "无" : String.join("、", allowed)) + "）",
                script.where() + " uses the script language " + script.language() + ", which is not allowed; use an expression or an"
                    + " allowlisted bean, or have an administrator allow the language in elderguard.models.script-languages (allowed now: "
                    + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")"))
            .toList();
    }
}
