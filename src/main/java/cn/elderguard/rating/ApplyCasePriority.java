package cn.elderguard.rating;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;
import cn.elderguard.lead.LeadDisposalProcess;

/** Every task of a rated case carries the case's LeadPriority score as its priority (inboxes sort by it). */
@Component
class ApplyCasePriority implements UserTaskListener {

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        // The case's variable; a task being created has none of its own, and asking it would cost a query.
        Integer priority = LeadDisposalProcess.casePriority(task.getExecution());
        if (priority != null) {
            task.setPriority(priority);
        }
    }
}
