package cn.elderguard.admin;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Puts the {@link DeploymentGate} in front of the engine's own deployers (BPMN, DMN, forms). */
@Component
class DeploymentGatePlugin extends AbstractProcessEnginePlugin {

    private final DeploymentRules rules;

    DeploymentGatePlugin(DeploymentRules rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new DeploymentGate(rules));
    }
}
