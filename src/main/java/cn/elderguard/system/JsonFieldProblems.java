package cn.elderguard.system;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.elderguard.system.InvalidInputException.FieldProblem;

/**
 * JSON that does not fit its type, as the field it names and its rule in Chinese: unknown fields, NUL characters,
 * values not of the field's type (an unknown enum code). One mapping for the API's 400 and for batch intake's items.
 */
public final class JsonFieldProblems {

    private JsonFieldProblems() {
    }

    /** The field ({@code institution.name}, {@code leads[3]}) and its rule; empty when the failure names no field. */
    public static Optional<FieldProblem> of(JsonMappingException mapping) {
        if (mapping.getPath().isEmpty()) {
            return Optional.empty();
        }
        String field = mapping.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (mapping instanceof UnrecognizedPropertyException) {
            message = "未知字段";
        } else if (mapping instanceof RejectNulCharacters.NulCharacterException) {
            message = RejectNulCharacters.MESSAGE;
        } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
            && format.getTargetType().isEnum()) {
            message = "取值无效：" + format.getValue() + "，应为 " + List.of(format.getTargetType().getEnumConstants());
        } else if (mapping instanceof InvalidFormatException format) {
            message = "取值无效：" + format.getValue() + "，" + expected(format.getTargetType());
        } else {
            message = "取值无效：类型不符，请按接口说明（docs/intake.md）填写";
        }
        return Optional.of(new FieldProblem(field, message));
    }

    /** What the field takes, so that the caller knows what to send instead. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "请按接口说明（docs/intake.md）填写";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "应为数字，如 500000";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "应为 true 或 false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "应为日期或时间，如 2026-12-01 或 2026-12-01T09:30:00+08:00";
        }
        return "请按接口说明（docs/intake.md）填写";
    }
}
