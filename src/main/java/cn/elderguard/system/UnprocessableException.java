package cn.elderguard.system;

import java.util.List;

/**
 * Input that is well-formed but cannot be carried out: answered with 422, a Chinese title, the detail and, where the
 * input has several problems, each of them. Capabilities subclass it so the API's error answers stay in one place.
 */
public class UnprocessableException extends RuntimeException {

    private final String title;
    private final String detail;
    private final List<?> problems;

    protected UnprocessableException(String message, String title, String detail, List<?> problems) {
        super(message);
        this.title = title;
        this.detail = detail;
        this.problems = List.copyOf(problems);
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Empty when the detail says it all. */
    public List<?> problems() {
        return problems;
    }
}
