package cn.elderguard.disposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.UserTaskListener;

/**
 * When a lead is verified again (a spot check or follow-up found new facts, the leader sent it back), the
 * previous verification's dependent facts leave the process before the new 核查线索 opens. The form does not
 * submit a fact it hides, so a value left from last time would otherwise count as said again — and contradict
 * the new facts (prepaid fees now 0 but their use still "operations"). See {@link Verification}, docs/forms.md.
 */
@Component
class ClearDependentVerificationFacts implements UserTaskListener {

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Verification.isVerificationTask(task)) {
            Verification.DEPENDENT_FACTS.keySet().forEach(fact -> task.getExecution().removeVariable(fact));
        }
    }
}
