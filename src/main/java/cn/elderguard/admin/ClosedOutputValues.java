package cn.elderguard.admin;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.DecisionOutputContract;

/**
 * Decision outputs are closed lists (docs/decisions/017):
 * <ol>
 * <li>a decision-table output that declares output values ({@code outputValues}) gets from every rule one of
 * those values, written as it is declared (a typo such as {@code "YELOW"} is refused, not deployed);</li>
 * <li>an output the application reads ({@link DecisionOutputContract}) is kept and declares exactly the values
 * the application knows.</li>
 * </ol>
 * The engine's DMN engine does not check output values at all; without this rule a misspelt colour deploys
 * and breaks the next case rated.
 */
@Component
class ClosedOutputValues implements DeploymentRule {

    static final String ID = "closed-output-values";

    private final List<DecisionOutputContract> contracts;

    ClosedOutputValues(List<DecisionOutputContract> contracts) {
        this.contracts = contracts;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return resourceName.endsWith(".dmn") || resourceName.endsWith(".dmn11.xml");
    }

    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (ModelException e) {
            // Not a readable DMN file: the engine's own DMN deployer, which runs next, reports that.
            return List.of();
        }
        List<DeploymentViolation> violations = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            DecisionTable table = decision.getExpression() instanceof DecisionTable t ? t : null;
            if (table != null) {
                checkRules(table, violations);
            }
            for (DecisionOutputContract contract : contracts) {
                if (contract.decisionKey().equals(decision.getId())) {
                    checkContract(decision, table, contract, violations);
                }
            }
        }
        return violations;
    }

    private static void checkRules(DecisionTable table, List<DeploymentViolation> violations) {
        List<Output> outputs = List.copyOf(table.getOutputs());
        int number = 0;
        for (Rule rule : table.getRules()) {
            number++;
            List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
            for (int i = 0; i < outputs.size() && i < entries.size(); i++) {
                Output output = outputs.get(i);
                if (output.getOutputValues() == null) {
                    continue;
                }
                List<String> declared = literals(text(output.getOutputValues()));
                String entry = entries.get(i).getText() == null ? "" : entries.get(i).getText().getTextContent().trim();
                String ruleId = rule.getId() != null ? rule.getId() : "#" + number;
                if (entry.isEmpty()) {
                    violations.add(new DeploymentViolation(ID, ruleId,
                        "输出 " + name(output) + "为空，而该输出声明了取值列表 " + String.join(",", declared) + "；请填入列表中的一个值",
                        "output " + output.getName() + " is empty, but the output declares the values " + String.join(",", declared)
                            + "; fill in one of them"));
                } else if (!declared.contains(entry)) {
                    violations.add(new DeploymentViolation(ID, ruleId,
                        "输出 " + name(output) + "的取值 " + entry + " 不在该输出声明的取值列表 " + String.join(",", declared)
                            + " 中；请改为列表中的一个值",
                        "output " + output.getName() + " gives " + entry + ", which is not among the output's declared values "
                            + String.join(",", declared) + "; use one of them"));
                }
            }
        }
    }

    private static void checkContract(Decision decision, DecisionTable table, DecisionOutputContract contract,
                                      List<DeploymentViolation> violations) {
        List<String> expected = contract.values().stream().map(value -> "\"" + value + "\"").toList();
        String expectedText = String.join(",", expected);
        Output output = table == null ? null : table.getOutputs().stream()
            .filter(candidate -> contract.outputName().equals(candidate.getName())).findFirst().orElse(null);
        if (output == null) {
            violations.add(new DeploymentViolation(ID, decision.getId(),
                "决策 " + decision.getId() + " 须为决策表，且保留输出 " + contract.outputName() + "（应用程序读取该输出，取值为 "
                    + expectedText + "）",
                "decision " + decision.getId() + " must be a decision table that keeps the output " + contract.outputName()
                    + " (the application reads it; values " + expectedText + ")"));
            return;
        }
        List<String> declared = output.getOutputValues() == null ? List.of() : literals(text(output.getOutputValues()));
        if (!new HashSet<>(declared).equals(Set.copyOf(expected)) || declared.size() != expected.size()) {
            String declaredText = declared.isEmpty() ? "（未声明）" : String.join(",", declared);
            violations.add(new DeploymentViolation(ID, output.getId() != null ? output.getId() : decision.getId(),
                "输出 " + contract.outputName() + " 须声明取值列表，且恰为 " + expectedText + "（应用程序只认识这些值），现为 "
                    + declaredText,
                "output " + contract.outputName() + " must declare exactly the output values " + expectedText
                    + " (the application knows no others); it declares "
                    + (declared.isEmpty() ? "none" : String.join(",", declared))));
        }
    }

    private static String text(UnaryTests tests) {
        return tests.getText() == null ? "" : tests.getText().getTextContent();
    }

    private static String name(Output output) {
        String label = output.getLabel();
        String name = output.getName() != null ? output.getName() : output.getId();
        return label == null || label.isBlank() ? name + " " : name + "「" + label + "」";
    }

    /** The comma-separated values of an output-values list, as written ("RED" keeps its quotes). */
    static List<String> literals(String unaryTests) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < unaryTests.length(); i++) {
            char c = unaryTests.charAt(i);
            if (quoted && c == '\\' && i + 1 < unaryTests.length()) {
                current.append(c).append(unaryTests.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                values.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            values.add(current.toString().trim());
        }
        return values.stream().filter(value -> !value.isEmpty()).collect(Collectors.toList());
    }
}
