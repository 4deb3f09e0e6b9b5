package cn.elderguard.admin;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;

/**
 * Each task's inputs are its own (docs/forms.md, decision 034). An input name that several user tasks of a model
 * have on their forms ({@code notes}, {@code tipsterFeedback} …) would open pre-filled with whatever the last of them
 * wrote, and pressing 完成 would record those words as the new author's. So, as such a task is created, each shared
 * input gets a task-local variable holding the form's default (usually none): Tasklist's form variables then show
 * that, and a form submitted through Tasklist ({@code submit-form}) writes into it. As the task completes, before
 * its form is checked and recorded ({@link HandOver}), each such value goes to the process as before, so gateways,
 * delegates and the timeline read what this task's officer wrote, and the task keeps its own copy in history.
 * Inputs only one task has (the verification's facts, the routing decisions) still pre-fill: they can only hold that
 * task's own earlier answer or what the application derived from it.
 */
@Component
class OwnFormInputs implements UserTaskListener {

    private final TaskForms forms;

    OwnFormInputs(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        for (FormField input : forms.sharedInputs(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
            task.setVariableLocal(input.key(), input.defaultValue());
        }
    }

    /**
     * Hands a completed task's own inputs to the process. Only a form submission ({@code submit-form}, what Tasklist
     * sends; FormService#submitTaskForm) writes into the task's own variables; a plain completion with variables (the
     * Java API's or engine REST's {@code complete}) writes to the process directly, so there the task's variable
     * gives way and the process value just written counts.
     */
    @Component
    static class HandOver implements UserTaskListener {

        /** Before the form checks (0) and the timeline (10), which read the task's values. */
        static final int ORDER = -50;

        private final TaskForms forms;

        HandOver(TaskForms forms) {
            this.forms = forms;
        }

        @Override
        public String event() {
            return TaskListener.EVENTNAME_COMPLETE;
        }

        @Override
        public int order() {
            return ORDER;
        }

        @Override
        public void notify(DelegateTask task) {
            boolean formSubmitted = Context.getCommandInvocationContext() != null
                && Context.getCommandInvocationContext().getCommand() instanceof SubmitTaskFormCmd;
            for (FormField input : forms.sharedInputs(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
                if (!task.hasVariableLocal(input.key())) {
                    continue;
                }
                if (formSubmitted) {
                    task.getExecution().setVariable(input.key(), task.getVariableLocal(input.key()));
                } else {
                    task.removeVariableLocal(input.key());
                }
            }
        }
    }
}
