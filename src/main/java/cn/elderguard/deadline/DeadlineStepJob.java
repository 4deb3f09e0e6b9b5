package cn.elderguard.deadline;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.EngineJobHandler;

/** The engine job of a task's next deadline step; its configuration is the task id. */
@Component
class DeadlineStepJob implements EngineJobHandler {

    private final ObjectProvider<TaskDeadlines> deadlines;

    DeadlineStepJob(ObjectProvider<TaskDeadlines> deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public String getType() {
        return TaskDeadlines.JOB_TYPE;
    }

    @Override
    public void run(String taskId) {
        deadlines.getObject().takeNextStep(taskId);
    }
}
