package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.elderguard.system.InvalidFormSubmissionException;
import cn.elderguard.engine.UserTaskListener;

/**
 * Checks a completed task's variables against the rules of its Camunda Form (required, min/max,
 * minLength/maxLength, pattern) — the same rules the form enforces in the browser, read from the form
 * itself, so they are written once. A completion that breaks one is refused with the field named
 * (REST: 400) and nothing happens; it never becomes an incident. Fields the form can hide are only
 * checked when given. Which variables a completion may carry at all is {@link TaskVariableGuard}'s rule.
 */
@Component
class ValidateFormSubmission implements UserTaskListener {

    private final TaskForms forms;

    ValidateFormSubmission(TaskForms forms) {
        this.forms = forms;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        for (FormField field : forms.of(task).fields()) {
            if (field.editable()) {
                field.ruleProblem(task.getVariable(field.key())).ifPresent(problem -> problems.add(field.name() + "：" + problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormSubmissionException(problems);
        }
    }
}
