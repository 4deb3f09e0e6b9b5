package cn.elderguard.engine;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of process variables as forms submit them (numbers may arrive as Long, Integer or Double;
 * an empty optional field may be missing or blank).
 */
public final class Variables {

    private Variables() {
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    public static Integer integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.intValue();
        }
        return value == null || value.toString().isBlank() ? null : Integer.valueOf(value.toString().trim());
    }

    public static BigDecimal decimal(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().trim());
    }
}
