package cn.elderguard.deadline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;

/** A changed due date moves the task's deadline clock with it ({@link TaskDeadlines#moved}). */
@Component
class MoveDeadline implements UserTaskListener {

    private final TaskDeadlines deadlines;

    MoveDeadline(TaskDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_UPDATE;
    }

    @Override
    public void notify(DelegateTask task) {
        deadlines.moved(task);
    }
}
