package cn.elderguard.deadline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;

/** A completed task stops its deadline clock; {@link OnDelete} does the same for a cancelled one. */
@Component
class CloseDeadline implements UserTaskListener {

    private final TaskDeadlines deadlines;

    CloseDeadline(TaskDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    /** After the form checks: a refused completion leaves the clock running. */
    @Override
    public int order() {
        return 20;
    }

    @Override
    public void notify(DelegateTask task) {
        deadlines.close(task.getId());
    }

    /** A task removed without completion (interrupting event, cancelled branch or process). */
    @Component
    static class OnDelete extends CloseDeadline {

        OnDelete(TaskDeadlines deadlines) {
            super(deadlines);
        }

        @Override
        public String event() {
            return TaskListener.EVENTNAME_DELETE;
        }
    }
}
