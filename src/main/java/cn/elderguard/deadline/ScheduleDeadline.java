package cn.elderguard.deadline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;

/** Every new user task gets its due date, its deadline steps and its assignment mail. */
@Component
class ScheduleDeadline implements UserTaskListener {

    private final TaskDeadlines deadlines;

    ScheduleDeadline(TaskDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    /** After routing and the case priority, so the unit and priority are known. */
    @Override
    public int order() {
        return 20;
    }

    @Override
    public void notify(DelegateTask task) {
        deadlines.open(task);
    }
}
