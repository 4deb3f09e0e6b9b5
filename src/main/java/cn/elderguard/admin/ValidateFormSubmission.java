package cn.elderguard.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.system.UserTaskListener;

/**
 * Checks a completed task's variables against the rules of its Camunda Form (required, min/max,
 * minLength/maxLength, pattern) — the same rules the form enforces in the browser, read from the form
 * itself, so they are written once. A completion that breaks one is refused with the field named
 * (REST: 400) and nothing happens; it never becomes an incident. Fields the form can hide are only
 * checked when given.
 */
@Component
class ValidateFormSubmission implements UserTaskListener {

    private final FormService forms;
    private final ObjectMapper json;
    /** Parsed rules per process definition and task; deployed forms never change. */
    private final Map<String, List<FieldRule>> rulesByTask = new ConcurrentHashMap<>();

    ValidateFormSubmission(@Lazy FormService forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        List<FieldRule> rules = rulesByTask.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
            key -> task.getBpmnModelElementInstance().getCamundaFormRef() == null ? List.of() : parse(task.getId()));
        List<String> problems = new ArrayList<>();
        for (FieldRule rule : rules) {
            rule.check(task.getVariable(rule.key())).ifPresent(problem ->
                problems.add(rule.key() + "（" + rule.label() + "）：" + problem));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormSubmissionException(problems);
        }
    }

    private List<FieldRule> parse(String taskId) {
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            List<FieldRule> rules = new ArrayList<>();
            collect(json.readTree(form), rules);
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode container, List<FieldRule> rules) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && component.has("validate")) {
                JsonNode validate = component.path("validate");
                rules.add(new FieldRule(component.path("key").asText(), component.path("label").asText(component.path("key").asText()),
                    validate.path("required").asBoolean(false) && !component.has("conditional"),
                    "number".equals(component.path("type").asText()),
                    decimal(validate.get("min")), decimal(validate.get("max")),
                    validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                    validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null));
            }
            collect(component, rules);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : new BigDecimal(node.asText());
    }

    private record FieldRule(String key, String label, boolean required, boolean number, BigDecimal min, BigDecimal max,
                             Integer minLength, Integer maxLength, Pattern pattern) {

        java.util.Optional<String> check(Object value) {
            if (value == null || (value instanceof String text && text.isBlank())) {
                return required ? java.util.Optional.of("必填") : java.util.Optional.empty();
            }
            if (number) {
                BigDecimal amount;
                try {
                    amount = new BigDecimal(value.toString());
                } catch (NumberFormatException e) {
                    return java.util.Optional.of("须为数字");
                }
                if (min != null && amount.compareTo(min) < 0) {
                    return java.util.Optional.of("不能小于 " + min.toPlainString());
                }
                if (max != null && amount.compareTo(max) > 0) {
                    return java.util.Optional.of("不能大于 " + max.toPlainString());
                }
            }
            String text = value.toString();
            if (minLength != null && text.length() < minLength) {
                return java.util.Optional.of("至少 " + minLength + " 个字符");
            }
            if (maxLength != null && text.length() > maxLength) {
                return java.util.Optional.of("不能超过 " + maxLength + " 个字符");
            }
            if (pattern != null && !pattern.matcher(text).matches()) {
                return java.util.Optional.of("格式不正确");
            }
            return java.util.Optional.empty();
        }
    }
}
