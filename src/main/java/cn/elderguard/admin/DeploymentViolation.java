package cn.elderguard.admin;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One breach of a {@link DeploymentRule}: the element (e.g. a DMN rule's id; {@code null} when the whole file is
 * meant) and what is wrong, in Chinese for administrators and in English for Camunda Modeler's log, with the line
 * and column where a parser knows them (0 otherwise). The engine REST API reports it as a parse problem of its
 * file, so Modeler shows it like any other deployment error.
 */
public record DeploymentViolation(String ruleId, String elementId, String chinese, String english, int line, int column)
    implements Problem {

    /** A violation at an element: the model APIs give no positions. */
    public DeploymentViolation(String ruleId, String elementId, String chinese, String english) {
        this(ruleId, elementId, chinese, english, 0, 0);
    }

    @Override
    public String getMessage() {
        String where = line > 0 ? "第 " + line + " 行第 " + column + " 列，" : "";
        String whereEnglish = line > 0 ? "line " + line + ", column " + column + ", " : "";
        String element = elementId == null ? "" : "元素 " + elementId + "，";
        String elementEnglish = elementId == null ? "" : "element " + elementId + ", ";
        return where + element + "规则 " + ruleId + "：" + chinese + " / " + whereEnglish + elementEnglish + "rule " + ruleId + ": "
            + english;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}
