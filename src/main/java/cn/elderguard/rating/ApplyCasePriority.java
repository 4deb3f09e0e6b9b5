package cn.elderguard.rating;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;
import cn.elderguard.lead.LeadDisposalProcess;

/**
 * Every task gets its case's priority (docs/deadlines.md, "Priorities"): by the case's colour and LeadPriority score,
 * red and orange first, a lead not yet rated next. Tasks of a hand-over (a called process) take the calling case's.
 */
@Component
class ApplyCasePriority implements UserTaskListener {

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        // The case's variables; a task being created has none of its own, and asking it would cost a query.
        DelegateExecution scope = task.getExecution();
        DelegateExecution caller = scope.getProcessInstance().getSuperExecution();
        if (LeadDisposalProcess.riskLevel(scope) == null && caller != null) {
            scope = caller;
        }
        task.setPriority(TaskPriority.of(LeadDisposalProcess.riskLevel(scope), LeadDisposalProcess.casePriority(scope)));
    }
}
