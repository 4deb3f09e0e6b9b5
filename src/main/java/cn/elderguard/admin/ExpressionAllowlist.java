package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import cn.elderguard.engine.ModelBeans;

/**
 * Rule expression-allowlist (docs/modeler.md): every JUEL expression of a BPMN or DMN file uses only variable
 * reads, literals, comparisons, arithmetic, boolean logic and the {@link ModelBean}s with their listed methods
 * ({@link ExpressionCheck}); a delegate expression names exactly one such bean; no Java class
 * ({@code camunda:class}), no connector; no FEEL {@code external} (Java) function. A deployed model otherwise
 * runs any Java the application can reach (docs/decisions/024).
 */
@Component
class ExpressionAllowlist implements DeploymentRule {

    static final String ID = "expression-allowlist";

    private final ModelBeans beans;

    ExpressionAllowlist(ModelBeans beans) {
        this.beans = beans;
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
        ExpressionCheck check = new ExpressionCheck(beans.allowlist());
        List<DeploymentViolation> violations = new ArrayList<>();
        if (ModelFiles.isBpmn(resourceName)) {
            for (ModelSources.Expression expression : ModelSources.bpmnExpressions(document.get())) {
                checkJuel(check, expression.elementId(), expression.where(), expression.text(), violations);
            }
            checkJavaClassesAndConnectors(document.get(), violations);
        } else {
            for (ModelSources.DecisionExpression expression : ModelSources.decisionExpressions(document.get())) {
                if (expression.juel()) {
                    checkJuel(check, expression.elementId(), expression.kind(), expression.text(), violations);
                } else if (expression.feel() && FeelText.definesExternalFunction(expression.text())) {
                    violations.add(new DeploymentViolation(ID, expression.elementId(),
                        expression.kind() + " 定义了 FEEL 外部函数（external，调用 Java 方法）：" + expression.text()
                            + "；模型不能调用 Java，请改用 FEEL 内置函数或比较",
                        expression.kind() + " defines a FEEL external function (it calls Java): " + expression.text()
                            + "; models may not call Java, use FEEL's built-in functions or comparisons"));
                }
            }
        }
        return violations;
    }

    private void checkJuel(ExpressionCheck check, String elementId, String where, String text, List<DeploymentViolation> violations) {
        ExpressionCheck.Result result = check.check(text);
        if (!result.allowed()) {
            violations.add(new DeploymentViolation(ID, elementId,
                where + " 的表达式 " + text + " 不允许："
                    + result.refusals().stream().map(ExpressionCheck.Refusal::chinese).distinct().collect(Collectors.joining("；"))
                    + "。表达式只能读取变量、作比较和逻辑运算，或使用允许的 bean（" + String.join("、", beans.allowlist().keySet()) + "）",
                where + ": the expression " + text + " is not allowed: "
                    + result.refusals().stream().map(ExpressionCheck.Refusal::english).distinct().collect(Collectors.joining("; "))
                    + ". Expressions may read variables, compare and combine them, or use the allowlisted beans ("
                    + String.join(", ", beans.allowlist().keySet()) + ")"));
        } else if ((where.endsWith("@delegateExpression") || where.endsWith(":delegateExpression")) && !result.singleBean()) {
            violations.add(new DeploymentViolation(ID, elementId,
                where + " 的 " + text + " 不是允许的 bean；delegateExpression 须恰为其中之一，如 ${" + firstBean() + "}（允许："
                    + String.join("、", beans.allowlist().keySet()) + "）",
                where + ": " + text + " is not an allowlisted bean; a delegateExpression must name exactly one of them, e.g. ${"
                    + firstBean() + "} (allowed: " + String.join(", ", beans.allowlist().keySet()) + ")"));
        }
    }

    private String firstBean() {
        return beans.allowlist().keySet().stream().findFirst().orElse("bean");
    }

    /** camunda:class (and a listener's class) names any Java class; a connector calls out of the engine. */
    private static void checkJavaClassesAndConnectors(Document bpmn, List<DeploymentViolation> violations) {
        for (Element element : ModelSources.all(bpmn.getDocumentElement())) {
            if (ModelSources.CAMUNDA_BPMN.equals(element.getNamespaceURI()) && "connector".equals(element.getLocalName())) {
                violations.add(new DeploymentViolation(ID, ModelSources.idOf(element),
                    "camunda:connector 不允许（模型不能直接调用外部系统）；请改用允许的 bean",
                    "camunda:connector is not allowed (models may not call other systems directly); use an allowlisted bean"));
                continue;
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                boolean camundaClass = ModelSources.CAMUNDA_BPMN.equals(attribute.getNamespaceURI())
                    && ("class".equals(attribute.getLocalName()) || "variableMappingClass".equals(attribute.getLocalName()));
                boolean listenerClass = ModelSources.CAMUNDA_BPMN.equals(element.getNamespaceURI()) && attribute.getNamespaceURI() == null
                    && "class".equals(attribute.getName());
                if (camundaClass || listenerClass) {
                    violations.add(new DeploymentViolation(ID, ModelSources.idOf(element),
                        element.getNodeName() + " 的 " + attribute.getName() + "=\"" + attribute.getValue()
                            + "\" 引用 Java 类，不允许；请改用 delegateExpression 调用允许的 bean",
                        element.getNodeName() + " " + attribute.getName() + "=\"" + attribute.getValue()
                            + "\" names a Java class, which is not allowed; use a delegateExpression naming an allowlisted bean"));
                }
            }
        }
    }
}
