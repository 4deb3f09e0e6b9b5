package cn.elderguard.admin;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts the {@link DeploymentRecorder} after the engine's own deployers, which have then parsed every file. */
@Component
class DeploymentRecordPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DeploymentRecords> records;

    DeploymentRecordPlugin(ObjectProvider<DeploymentRecords> records) {
        this.records = records;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(new DeploymentRecorder(records::getObject));
    }
}
