package cn.elderguard.admin;

import java.util.List;
import java.util.Map;

/**
 * One rule of the {@link DeploymentGate}: a check every deployment must pass, whichever door it comes
 * through (start-up, Camunda Modeler, engine REST). A rule is a Spring bean; the gate finds them all.
 */
public interface DeploymentRule {

    /** Short, stable id that reports name, e.g. {@code closed-output-values}. */
    String id();

    /** Whether this rule reads a resource of that name (by its file ending). */
    boolean appliesTo(String resourceName);

    /** What breaks the rule in one resource; empty when it passes. */
    List<DeploymentViolation> check(String resourceName, byte[] content);

    /**
     * The same, with every file of the deployment at hand (by resource name), for rules that judge a file by its
     * companions (e.g. a model by the forms deployed with it).
     */
    default List<DeploymentViolation> check(String resourceName, byte[] content, Map<String, byte[]> deployment) {
        return check(resourceName, content);
    }
}
