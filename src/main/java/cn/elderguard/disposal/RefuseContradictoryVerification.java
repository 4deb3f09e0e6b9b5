package cn.elderguard.disposal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.system.InvalidFormSubmissionException;
import cn.elderguard.engine.UserTaskListener;

/**
 * A verification whose facts contradict each other (prepaid fees collected but "未收取", collapsed yet stable …,
 * see {@link Verification}) is refused when the task completes, naming both fields: the engine REST API answers
 * 400, the task stays open and nothing is recorded (docs/forms.md).
 */
@Component
class RefuseContradictoryVerification implements UserTaskListener {

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    /** After the single-field checks of the form (order 0), before anything is recorded (order 10 and later). */
    @Override
    public int order() {
        return 5;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Verification.isVerificationTask(task)) {
            return;
        }
        List<String> contradictions = Verification.contradictions(task);
        if (!contradictions.isEmpty()) {
            throw new InvalidFormSubmissionException(contradictions);
        }
    }
}
