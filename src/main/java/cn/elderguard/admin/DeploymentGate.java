package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Every new deployment passes the {@link DeploymentRule}s before the engine parses it, whichever door it
 * comes through: the application's own deployment at start-up, Camunda Modeler and any other
 * {@code POST /engine-rest/deployment/create}. It runs inside the deployment's command, so a refusal
 * rolls the deployment back: no deployment row, no definitions (docs/decisions/017).
 */
class DeploymentGate implements Deployer {

    private final Supplier<List<DeploymentRule>> rules;

    DeploymentGate(Supplier<List<DeploymentRule>> rules) {
        this.rules = rules;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // The engine calls its deployers again when it reloads an older deployment into its cache; that one
        // passed the gate of its day and must stay runnable.
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, List<DeploymentViolation>> violations = new TreeMap<>();
        List<DeploymentRule> all = rules.get();
        Map<String, byte[]> files = new TreeMap<>();
        deployment.getResources().values().forEach(resource -> files.put(resource.getName(), resource.getBytes()));
        for (ResourceEntity resource : deployment.getResources().values()) {
            for (DeploymentRule rule : all) {
                if (rule.appliesTo(resource.getName())) {
                    List<DeploymentViolation> found = rule.check(resource.getName(), resource.getBytes(), files);
                    if (!found.isEmpty()) {
                        violations.computeIfAbsent(resource.getName(), name -> new ArrayList<>()).addAll(found);
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new DeploymentRefusedException(violations);
        }
    }
}
