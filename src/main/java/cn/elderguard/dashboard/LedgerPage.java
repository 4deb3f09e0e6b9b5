package cn.elderguard.dashboard;

import java.util.ArrayList;
import java.util.List;

import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.InvalidInputException.FieldProblem;

/**
 * One page of a console list (docs/console.md, "Scope"): {@code page} counts from 0, {@code size} is at most
 * {@value #MAX_SIZE}, {@code total} counts the items of all pages.
 */
public record LedgerPage<T>(List<T> items, int page, int size, long total) {

    static final int MAX_SIZE = 200;

    /** 400 naming {@code page} or {@code size} when they are out of range. */
    static void check(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "页码从 0 开始，不能为负数"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "每页条数须在 1 到 " + MAX_SIZE + " 之间"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static long offset(int page, int size) {
        return (long) page * size;
    }
}
