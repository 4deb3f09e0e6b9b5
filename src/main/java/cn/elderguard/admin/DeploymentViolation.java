package cn.elderguard.admin;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One breach of a {@link DeploymentRule}: the element (e.g. a DMN rule's id) and what is wrong, in Chinese for
 * administrators and in English for Camunda Modeler's log. The engine REST API reports it as a parse problem
 * of its file, so Modeler shows it like any other deployment error.
 */
public record DeploymentViolation(String ruleId, String elementId, String chinese, String english) implements Problem {

    @Override
    public String getMessage() {
        return "元素 " + elementId + "，规则 " + ruleId + "：" + chinese + " / element " + elementId + ", rule " + ruleId + ": "
            + english;
    }

    /** The model APIs give no positions; 0 means "unknown", as for the engine's own problems without one. */
    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return List.of(elementId);
    }
}
