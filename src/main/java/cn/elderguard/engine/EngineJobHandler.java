package cn.elderguard.engine;

import java.time.Duration;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * An ElderGuard job type run by the engine's job executor (see {@link EngineJobs}); every such bean is
 * registered with the engine by {@link EngineJobsPlugin}. A failing job is tried again after
 * {@link #retryDelay()} until its retries are used up, then it becomes an incident in Cockpit.
 * Implementations must not depend on engine services: they are created while the engine is configured.
 */
public interface EngineJobHandler extends JobHandler<EngineJobHandler.Configuration> {

    /** Runs the job inside the engine's transaction; throwing makes the engine retry it. */
    void run(String configuration);

    default Duration retryDelay() {
        return Duration.ofMinutes(5);
    }

    @Override
    default void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        run(configuration.value());
    }

    @Override
    default Configuration newConfiguration(String canonicalString) {
        return new Configuration(canonicalString);
    }

    @Override
    default void onDelete(Configuration configuration, JobEntity jobEntity) {
        // nothing to clean up: the configuration is a key into ElderGuard's tables
    }

    /** The job's configuration: the id of the row it works on. */
    record Configuration(String value) implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            return value;
        }
    }
}
