package cn.elderguard.system;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/** A task completion whose variables break its form's rules; each problem names the field. */
public class InvalidFormSubmissionException extends BadUserRequestException {

    private final List<String> problems;

    public InvalidFormSubmissionException(List<String> problems) {
        super("表单填写有误，未提交：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
