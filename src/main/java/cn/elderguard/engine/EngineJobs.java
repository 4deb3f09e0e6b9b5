package cn.elderguard.engine;

import java.util.Date;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * Creates and removes ElderGuard's own engine jobs (deadline steps, mail). They are rows in the engine's
 * job table, so every node's job executor competes for them and exactly one runs each, in its own
 * transaction, with the engine's retries and incidents. Must be called inside an engine command (a
 * listener, delegate or job handler), so the job commits with the work that created it.
 */
public final class EngineJobs {

    private EngineJobs() {
    }

    /** A job that runs at {@code due}. */
    public static void schedule(String handlerType, String configuration, Date due, int retries, String processDefinitionId) {
        TimerEntity timer = new TimerEntity();
        prepare(timer, handlerType, configuration, retries, processDefinitionId);
        timer.setDuedate(due);
        commandContext().getJobManager().schedule(timer);
    }

    /**
     * A job that runs as soon as a job executor picks it up, after the current transaction commits. Executors
     * acquire higher {@code priority} first (application.yaml acquires by priority; timers have 0).
     */
    public static void send(String handlerType, String configuration, int retries, long priority, String processDefinitionId) {
        MessageEntity message = new MessageEntity();
        prepare(message, handlerType, configuration, retries, processDefinitionId);
        message.setPriority(priority);
        commandContext().getJobManager().send(message);
    }

    /** Removes the pending jobs of this handler and configuration (e.g. a completed task's next deadline step). */
    public static void delete(String handlerType, String configuration) {
        CommandContext context = commandContext();
        context.getJobManager().findJobsByConfiguration(handlerType, configuration, null)
            .forEach(job -> context.getJobManager().deleteJob(job));
    }

    /** The pending jobs of this handler and configuration now belong to another process definition (a migrated case). */
    public static void moveTo(String handlerType, String configuration, String processDefinitionId) {
        commandContext().getJobManager().findJobsByConfiguration(handlerType, configuration, null)
            .forEach(job -> belongTo(job, processDefinitionId));
    }

    private static void prepare(JobEntity job, String handlerType, String configuration, int retries, String processDefinitionId) {
        job.setJobHandlerType(handlerType);
        job.setJobHandlerConfigurationRaw(configuration);
        job.setRetries(retries);
        // The job (not a process instance) belongs to the process whose work caused it, so that Cockpit
        // lists its incident under that process when it finally fails.
        if (processDefinitionId != null) {
            belongTo(job, processDefinitionId);
        }
    }

    private static void belongTo(JobEntity job, String processDefinitionId) {
        ProcessDefinitionEntity definition = commandContext().getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(processDefinitionId);
        job.setProcessDefinitionId(definition.getId());
        job.setProcessDefinitionKey(definition.getKey());
        job.setDeploymentId(definition.getDeploymentId());
    }

    private static CommandContext commandContext() {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("engine jobs are created inside an engine command");
        }
        return context;
    }
}
