package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The deployment rules as one check of a set of files: the {@link DeploymentGate} runs it on every new
 * deployment, and code outside a deployment may ask whether files (e.g. a version deployed earlier) pass
 * today's rules (docs/modeler.md, "What the gate checks").
 */
@Component
public class DeploymentRules {

    private final ObjectProvider<DeploymentRule> rules;
    /** Lazy: the gate is part of the engine this needs only when called outside an engine command. */
    private final ObjectProvider<ProcessEngine> engine;

    DeploymentRules(ObjectProvider<DeploymentRule> rules, ObjectProvider<ProcessEngine> engine) {
        this.rules = rules;
        this.engine = engine;
    }

    /**
     * The violations per file of these files deployed together; empty when they pass. "Already deployed" means
     * what the engine holds now.
     */
    public Map<String, List<DeploymentViolation>> check(Map<String, byte[]> resources) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return check(resources, new DeployedModels(resources, current));
        }
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired()
            .execute(commandContext -> check(resources, new DeployedModels(resources, commandContext)));
    }

    /** The violations per file (in name order), the rules in their bean order. */
    Map<String, List<DeploymentViolation>> check(Map<String, byte[]> resources, DeploymentContext context) {
        Map<String, List<DeploymentViolation>> violations = new TreeMap<>();
        List<DeploymentRule> all = rules.orderedStream().toList();
        resources.forEach((name, content) -> {
            for (DeploymentRule rule : all) {
                if (rule.appliesTo(name)) {
                    List<DeploymentViolation> found = rule.check(name, content, context);
                    if (!found.isEmpty()) {
                        violations.computeIfAbsent(name, key -> new ArrayList<>()).addAll(found);
                    }
                }
            }
        });
        return violations;
    }

    /** What the engine has deployed, read inside the command that deploys (or checks). */
    private record DeployedModels(Map<String, byte[]> resources, CommandContext commandContext) implements DeploymentContext {

        @Override
        public boolean formDeployed(String formKey) {
            return commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey) != null;
        }

        @Override
        public boolean formDeployed(String formKey, int version) {
            return commandContext.getCamundaFormDefinitionManager()
                .findDefinitionByKeyVersionAndTenantId(formKey, version, null) != null;
        }

        @Override
        public boolean formDeployedWithTag(String formKey, String versionTag) {
            return commandContext.getCamundaFormDefinitionManager()
                .findDefinitionByKeyVersionTagAndTenantId(formKey, versionTag, null) != null;
        }
    }
}
