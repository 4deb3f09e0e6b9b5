package cn.elderguard.system;

import java.util.List;

/** Input that breaks a rule: answered with 400 and every field named with its rule; nothing is stored. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + "：" + p.message()).reduce((a, b) -> a + "；" + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One broken rule of one field. */
    public record FieldProblem(String field, String message) {
    }
}
