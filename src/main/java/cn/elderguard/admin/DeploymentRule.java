package cn.elderguard.admin;

import java.util.List;

/**
 * One rule of the {@link DeploymentGate}: a check every deployment must pass, whichever door it comes
 * through (start-up, Camunda Modeler, engine REST). A rule is a Spring bean; {@link DeploymentRules} finds them all.
 */
public interface DeploymentRule {

    /** Short, stable id that reports name, e.g. {@code closed-output-values}. */
    String id();

    /** Whether this rule reads a resource of that name (by its file ending). */
    boolean appliesTo(String resourceName);

    /**
     * What breaks the rule in one resource; empty when it passes. The context holds the deployment's other
     * files and answers what is deployed already (e.g. a form a task binds with {@code latest}).
     */
    List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context);
}
