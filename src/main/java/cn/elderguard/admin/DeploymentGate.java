package cn.elderguard.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Every new deployment passes the {@link DeploymentRules} before the engine parses it, whichever door it
 * comes through: the application's own deployment at start-up, Camunda Modeler and any other
 * {@code POST /engine-rest/deployment/create}. It runs inside the deployment's command, so a refusal
 * rolls the deployment back: no deployment row, no definitions (docs/decisions/017).
 */
class DeploymentGate implements Deployer {

    private final DeploymentRules rules;

    DeploymentGate(DeploymentRules rules) {
        this.rules = rules;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // The engine calls its deployers again when it reloads an older deployment into its cache; that one
        // passed the gate of its day and must stay runnable.
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        // The files the engine is about to store: with "deploy changed only" the unchanged ones are not among them.
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        Map<String, List<DeploymentViolation>> violations = rules.check(resources);
        if (!violations.isEmpty()) {
            throw new DeploymentRefusedException(violations);
        }
    }
}
