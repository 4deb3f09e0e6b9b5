package cn.elderguard.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One keyed field of a deployed Camunda Form, with the rules the form itself states: what a submission may
 * carry for it (its type and options) and what makes a value valid (required, range, length, pattern).
 * A disabled or read-only field only shows a value; it is never submitted. A {@code hideable} field is shown only
 * while its {@code conditional} says so.
 */
public record FormField(String key, String label, String type, boolean editable, boolean hideable, boolean required, BigDecimal min,
                        BigDecimal max, Integer minLength, Integer maxLength, Pattern pattern, List<String> options, Object defaultValue) {

    static FormField of(JsonNode component) {
        JsonNode validate = component.path("validate");
        String key = component.path("key").asText();
        List<String> options = component.path("values").isArray()
            ? stream(component.path("values")).map(value -> value.path("value").asText()).toList() : List.of();
        return new FormField(key, component.path("label").asText(key), component.path("type").asText("textfield"),
            !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false), component.has("conditional"),
            // A field the form can hide is required only while it shows; the form enforces that.
            validate.path("required").asBoolean(false) && !component.has("conditional"),
            decimal(validate.get("min")), decimal(validate.get("max")),
            validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
            validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
            validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null, options,
            defaultValue(component.get("defaultValue")));
    }

    /** How the field is named in messages: key and the label the officer sees. */
    public String name() {
        return key + "（" + label + "）";
    }

    /**
     * Why a submitted value does not fit the field's kind (REST variable type and JSON value), or empty.
     * Numbers for number fields, true/false for checkboxes, one of the options for radios and selects, text
     * otherwise; never a serialized Java object, file or byte array. (NUL characters are refused for every
     * request body earlier, by system/RejectNulInRestRequests.)
     */
    public Optional<String> typeProblem(String restType, JsonNode value) {
        if (restType != null && List.of("Object", "Bytes", "File", "Xml").contains(restType)) {
            return Optional.of("不接受 " + restType + " 类型的值");
        }
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return switch (type) {
            case "number" -> value.isNumber() ? Optional.empty() : Optional.of("应为数字");
            case "checkbox" -> value.isBoolean() ? Optional.empty() : Optional.of("应为 true 或 false");
            case "checklist", "taglist" -> value.isArray() ? Optional.empty() : Optional.of("应为选项列表");
            default -> {
                if (!value.isTextual()) {
                    yield Optional.of("应为文字");
                }
                // A field the form can hide stands for a neutral value while hidden (未收取 for fees not collected),
                // which is not among its options; the domain's rules judge its value at completion.
                if (("radio".equals(type) || "select".equals(type)) && !hideable && !options.isEmpty() && !options.contains(value.asText())) {
                    yield Optional.of("取值“" + value.asText() + "”不在可选项 " + options + " 中");
                }
                yield Optional.empty();
            }
        };
    }

    /** Why a value (as the engine holds it at completion) breaks the form's rules, or empty. */
    public Optional<String> ruleProblem(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return required ? Optional.of("必填") : Optional.empty();
        }
        if ("number".equals(type)) {
            BigDecimal amount;
            try {
                amount = new BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                return Optional.of("须为数字");
            }
            if (min != null && amount.compareTo(min) < 0) {
                return Optional.of("不能小于 " + min.toPlainString());
            }
            if (max != null && amount.compareTo(max) > 0) {
                return Optional.of("不能大于 " + max.toPlainString());
            }
        }
        String text = value.toString();
        if (minLength != null && text.length() < minLength) {
            return Optional.of("至少 " + minLength + " 个字符");
        }
        if (maxLength != null && text.length() > maxLength) {
            return Optional.of("不能超过 " + maxLength + " 个字符");
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            return Optional.of("格式不正确");
        }
        return Optional.empty();
    }

    /** The value the form starts with when the task has none: text, true/false or a number (a long where it is whole). */
    private static Object defaultValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.isValueNode() ? node.asText() : null;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : new BigDecimal(node.asText());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
