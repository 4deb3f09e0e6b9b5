package cn.elderguard.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.elderguard.system.Now;

/**
 * Registers the {@link EngineJobHandler} beans with the engine and gives their jobs a retry delay: the
 * engine's own strategy retries a job without a BPMN activity at once, three times, which would turn a
 * five-minute SMTP outage into lost mail. Other jobs keep the engine's strategy.
 */
@Component
class EngineJobsPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<EngineJobHandler> handlers;
    private Map<String, EngineJobHandler> byType = Map.of();

    EngineJobsPlugin(ObjectProvider<EngineJobHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        byType = handlers.orderedStream().collect(Collectors.toMap(EngineJobHandler::getType, Function.identity()));
        List<JobHandler> custom = configuration.getCustomJobHandlers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
        custom.addAll(byType.values());
        configuration.setCustomJobHandlers(custom);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory engineDefault = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, exception) -> new RetryLater(jobId, exception, engineDefault.getCommand(jobId, exception)));
    }

    /** Retries an ElderGuard job after its handler's delay; hands any other job to the engine's strategy. */
    private final class RetryLater extends JobRetryCmd {

        private final Command<Object> engineDefault;

        RetryLater(String jobId, Throwable exception, Command<Object> engineDefault) {
            super(jobId, exception);
            this.engineDefault = engineDefault;
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            EngineJobHandler handler = job == null ? null : byType.get(job.getJobHandlerType());
            if (handler == null) {
                return engineDefault.execute(commandContext);
            }
            job.unlock();
            logException(job);
            job.setDuedate(new Date(Now.date().getTime() + handler.retryDelay().toMillis()));
            // At zero retries the engine raises an incident (visible in Cockpit) instead of trying again.
            decrementRetries(job);
            notifyAcquisition(commandContext);
            return null;
        }
    }
}
