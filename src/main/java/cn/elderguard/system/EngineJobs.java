package cn.elderguard.system;

import java.util.Date;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
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
    public static void schedule(String handlerType, String configuration, Date due, int retries, String processDefinitionKey) {
        TimerEntity timer = new TimerEntity();
        prepare(timer, handlerType, configuration, retries, processDefinitionKey);
        timer.setDuedate(due);
        commandContext().getJobManager().schedule(timer);
    }

    /** A job that runs as soon as a job executor picks it up, after the current transaction commits. */
    public static void send(String handlerType, String configuration, int retries, String processDefinitionKey) {
        MessageEntity message = new MessageEntity();
        prepare(message, handlerType, configuration, retries, processDefinitionKey);
        commandContext().getJobManager().send(message);
    }

    /** Removes the pending jobs of this handler and configuration (e.g. a completed task's next deadline step). */
    public static void delete(String handlerType, String configuration) {
        CommandContext context = commandContext();
        context.getJobManager().findJobsByConfiguration(handlerType, configuration, null)
            .forEach(job -> context.getJobManager().deleteJob(job));
    }

    private static void prepare(JobEntity job, String handlerType, String configuration, int retries, String processDefinitionKey) {
        job.setJobHandlerType(handlerType);
        job.setJobHandlerConfigurationRaw(configuration);
        job.setRetries(retries);
        // Lets Cockpit and job queries tell which process a failing mail or deadline job belongs to.
        job.setProcessDefinitionKey(processDefinitionKey);
    }

    private static CommandContext commandContext() {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("engine jobs are created inside an engine command");
        }
        return context;
    }
}
