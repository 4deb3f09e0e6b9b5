package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads one JUEL expression with the engine's own parser and walks its syntax tree against the allowlist
 * (docs/modeler.md, rule expression-allowlist): variable reads, literals, comparisons, arithmetic, boolean logic,
 * {@code empty}, {@code ?:}; a {@link ModelBean} by name and the methods it lists; a few read-only properties of
 * the engine's {@code execution} and {@code task}. Everything else is refused: other method calls, other property or
 * bracket access (the way to reflection: {@code x.class}, {@code getClass()}, {@code forName}), EL functions.
 */
final class ExpressionCheck {

    /** What the engine puts into every expression besides variables and beans (its VariableScopeElResolver). */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");
    /** Read by the engine, not a variable either. */
    static final String AUTHENTICATED_USER = "authenticatedUserId";
    /** Properties of {@link #ENGINE_OBJECTS} that read a plain value and reach nothing else. */
    static final Set<String> ENGINE_OBJECT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey", "businessKey",
        "processDefinitionId", "currentActivityId", "activityInstanceId", "eventName", "taskDefinitionKey", "name", "assignee",
        "tenantId");
    private static final Set<String> REFLECTION = Set.of("class", "getClass", "forName", "getMethod", "getDeclaredMethod",
        "getMethods", "getDeclaredField", "getField", "getConstructor", "newInstance", "invoke", "classLoader", "getClassLoader",
        "loadClass", "getRuntime", "exec", "processEngineServices", "getProcessEngineServices", "processEngine", "getProcessEngine");

    /** The engine's parser with the features its expression factory enables (method calls, varargs). */
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Map<String, Set<String>> beans;

    /** @param beans the allowlist: bean name → methods models may call on it */
    ExpressionCheck(Map<String, Set<String>> beans) {
        this.beans = beans;
    }

    /** One refused part of an expression, e.g. {@code getClass()}, and why. */
    record Refusal(String part, String chinese, String english) {
    }

    /**
     * The outcome for one expression: what is refused (empty: allowed), the variables it reads and the beans it
     * names. A text that does not parse is one refusal.
     */
    record Result(List<Refusal> refusals, Set<String> variables, Set<String> beansNamed, boolean singleBean) {

        boolean allowed() {
            return refusals.isEmpty();
        }
    }

    Result check(String text) {
        Node root;
        try {
            root = PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return new Result(List.of(new Refusal(text, "表达式无法解析（" + e.getMessage() + "）", "does not parse (" + e.getMessage() + ")")),
                Set.of(), Set.of(), false);
        }
        Walk walk = new Walk();
        walk.visit(root);
        Node single = root instanceof AstEval eval ? eval.getChild(0) : null;
        boolean singleBean = single instanceof AstIdentifier identifier && beans.containsKey(identifier.getName());
        return new Result(List.copyOf(walk.refusals), Set.copyOf(walk.variables), Set.copyOf(walk.beansNamed), singleBean);
    }

    private final class Walk {

        final List<Refusal> refusals = new ArrayList<>();
        final Set<String> variables = new LinkedHashSet<>();
        final Set<String> beansNamed = new LinkedHashSet<>();

        void visit(Node node) {
            if (node instanceof AstText || node instanceof AstLiteral) {
                return;
            }
            if (node instanceof AstIdentifier identifier) {
                read(identifier.getName());
            } else if (node instanceof AstMethod method) {
                call(method);
            } else if (node instanceof AstDot dot) {
                property(dot);
            } else if (node instanceof AstBracket bracket) {
                refusals.add(new Refusal(bracket.getChild(0) + "[…]", "不允许用方括号取值（[…]）；请直接读取变量",
                    "bracket access ([…]) is not allowed; read the variable directly"));
                visitChildren(bracket);
            } else if (node instanceof AstFunction function) {
                refusals.add(new Refusal(function.getName() + "()", "函数 " + function.getName() + " 不在允许列表中；模型只能调用允许的 bean 方法",
                    "the function " + function.getName() + " is not on the allowlist; models may call only allowlisted bean methods"));
                visitChildren(function);
            } else if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested || node instanceof AstBinary
                || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstParameters) {
                visitChildren(node);
            } else {
                refusals.add(new Refusal(String.valueOf(node), "不允许的表达式成分 " + node, "the expression part " + node + " is not allowed"));
            }
        }

        private void visitChildren(Node node) {
            for (int i = 0; i < node.getCardinality(); i++) {
                visit(node.getChild(i));
            }
        }

        private void read(String name) {
            if (beans.containsKey(name)) {
                beansNamed.add(name);
            } else if (!ENGINE_OBJECTS.contains(name) && !AUTHENTICATED_USER.equals(name)) {
                variables.add(name);
            }
        }

        private void call(AstMethod method) {
            Node target = method.getChild(0);
            Node parameters = method.getChild(1);
            if (target instanceof AstDot dot) {
                String name = propertyName(dot);
                Node prefix = dot.getChild(0);
                if (prefix instanceof AstIdentifier bean && beans.containsKey(bean.getName())) {
                    beansNamed.add(bean.getName());
                    if (!beans.get(bean.getName()).contains(name)) {
                        refusals.add(new Refusal(bean.getName() + "." + name + "()",
                            "方法 " + name + " 不在 bean " + bean.getName() + " 的允许列表中（允许：" + allowed(bean.getName(), "、", "无") + "）",
                            "the method " + name + " is not on the allowlist of bean " + bean.getName() + " (allowed: "
                                + allowed(bean.getName(), ", ", "none") + ")"));
                    }
                } else if (prefix instanceof AstIdentifier object && ENGINE_OBJECTS.contains(object.getName())) {
                    refusals.add(new Refusal(object.getName() + "." + name + "()",
                        "不允许调用 " + object.getName() + " 的方法（" + name + "）；只可读取其属性 " + String.join("、", ENGINE_OBJECT_PROPERTIES),
                        "methods of " + object.getName() + " may not be called (" + name + "); only its properties "
                            + String.join(", ", ENGINE_OBJECT_PROPERTIES) + " may be read"));
                } else {
                    refusals.add(refusedMethod(name, prefix));
                    visit(prefix);
                }
            } else {
                refusals.add(new Refusal(String.valueOf(target), "不允许调用该方法；模型只能调用允许的 bean 方法",
                    "this method call is not allowed; models may call only allowlisted bean methods"));
                visitChildren(target);
            }
            visit(parameters);
        }

        private Refusal refusedMethod(String name, Node prefix) {
            String on = prefix instanceof AstIdentifier identifier ? identifier.getName() : null;
            if (REFLECTION.contains(name)) {
                return new Refusal(name + "()", "方法 " + name + " 不在允许列表中（反射或系统调用，一律禁止）",
                    "the method " + name + " is not on the allowlist (reflection or system access is never allowed)");
            }
            if (on != null) {
                return new Refusal(on + "." + name + "()",
                    "方法 " + name + " 不在允许列表中：" + on + " 不是可供模型调用的 bean（可用：" + String.join("、", beans.keySet()) + "）",
                    "the method " + name + " is not on the allowlist: " + on + " is not a bean models may call (allowed: "
                        + String.join(", ", beans.keySet()) + ")");
            }
            return new Refusal(name + "()", "方法 " + name + " 不在允许列表中；模型只能调用允许的 bean 方法",
                "the method " + name + " is not on the allowlist; models may call only allowlisted bean methods");
        }

        private void property(AstDot dot) {
            String name = propertyName(dot);
            Node prefix = dot.getChild(0);
            if (prefix instanceof AstIdentifier object && ENGINE_OBJECTS.contains(object.getName()) && ENGINE_OBJECT_PROPERTIES.contains(name)) {
                return;
            }
            String on = prefix instanceof AstIdentifier identifier ? identifier.getName() : String.valueOf(prefix);
            if (REFLECTION.contains(name)) {
                refusals.add(new Refusal(on + "." + name, "属性 " + name + " 不在允许列表中（反射或系统调用，一律禁止）",
                    "the property " + name + " is not on the allowlist (reflection or system access is never allowed)"));
            } else {
                refusals.add(new Refusal(on + "." + name, "不允许读取 " + on + "." + name + "；模型只能读取变量本身，以及 execution、task 的属性 "
                    + String.join("、", ENGINE_OBJECT_PROPERTIES), "reading " + on + "." + name + " is not allowed; models read variables"
                    + " themselves and only the properties " + String.join(", ", ENGINE_OBJECT_PROPERTIES) + " of execution and task"));
            }
            if (!(prefix instanceof AstIdentifier identifier && ENGINE_OBJECTS.contains(identifier.getName()))) {
                visit(prefix);
            }
        }

        private String allowed(String bean, String separator, String none) {
            Set<String> methods = beans.get(bean);
            return methods.isEmpty() ? none : String.join(separator, methods);
        }
    }

    /** The parser's dot node keeps its name to itself; it prints as ". name". */
    private static String propertyName(AstDot dot) {
        String printed = dot.toString();
        return printed.startsWith(". ") ? printed.substring(2) : printed;
    }
}
