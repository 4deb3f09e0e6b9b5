package cn.elderguard.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs work as ONE engine command: every engine call inside it joins that command's context, so the engine writes its
 * rows in one flush (batched statements) when the work ends, not once per call. It joins the caller's Spring
 * transaction like any engine call. Batch intake stores a chunk of leads this way (docs/decisions/042-batch-intake.md).
 */
@Component
public class OneEngineCommand {

    private final ProcessEngineConfigurationImpl configuration;

    OneEngineCommand(ProcessEngineConfiguration configuration) {
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    public void run(Runnable work) {
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            work.run();
            return null;
        });
    }
}
