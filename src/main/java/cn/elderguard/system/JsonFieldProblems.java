package cn.elderguard.system;

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
            message = "取值无效：" + format.getValue();
        } else {
            message = "取值无效";
        }
        return Optional.of(new FieldProblem(field, message));
    }
}
