package cn.elderguard.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import cn.elderguard.security.BufferedBodyRequest;
import cn.elderguard.security.EngineCaller;
import cn.elderguard.security.EngineRestPath;

/**
 * People write process data only through forms (docs/security.md, "Variables"): on every engine REST door
 * that writes variables, a task takes exactly the editable fields of its deployed form, typed as the form
 * says; a process instance or execution (administrators only) takes only fields of its process's forms; every
 * other door that could carry variables (message, signal, modification, migration …) takes none. Routing and
 * case variables (jurisdiction, responsible agency, risk level …) are on no form, so no user can write them.
 * A refused request answers 400 naming each field and its rule, and reaches no engine resource.
 */
class TaskVariableGuard extends OncePerRequestFilter {

    private static final int MAX_BODY = 1024 * 1024;
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private enum Scope { TASK, PROCESS_INSTANCE, EXECUTION, NONE }

    /** A door that writes variables, where its request names them, and which fields it may take. */
    private record VariableDoor(Pattern methods, Pattern path, Scope scope, BiFunction<EngineRestPath, JsonNode, Map<String, JsonNode>> variables) {
    }

    private static final List<VariableDoor> DOORS = List.of(
        door("POST", "/task/" + ID + "/(complete|submit-form)", Scope.TASK, (path, body) -> members(body, "variables")),
        door("POST", "/task/" + ID + "/(variables|localVariables)", Scope.TASK, TaskVariableGuard::modifications),
        door("PUT", "/task/" + ID + "/(variables|localVariables)/[^/]+", Scope.TASK, (path, body) -> named(path, 3, body)),
        door("DELETE", "/task/" + ID + "/(variables|localVariables)/[^/]+", Scope.TASK, (path, body) -> named(path, 3, NullNode.getInstance())),
        door("POST", "/process-instance/" + ID + "/variables", Scope.PROCESS_INSTANCE, TaskVariableGuard::modifications),
        door("PUT", "/process-instance/" + ID + "/variables/[^/]+", Scope.PROCESS_INSTANCE, (path, body) -> named(path, 3, body)),
        door("DELETE", "/process-instance/" + ID + "/variables/[^/]+", Scope.PROCESS_INSTANCE, (path, body) -> named(path, 3, NullNode.getInstance())),
        door("POST", "/execution/" + ID + "/localVariables", Scope.EXECUTION, TaskVariableGuard::modifications),
        door("PUT", "/execution/" + ID + "/localVariables/[^/]+", Scope.EXECUTION, (path, body) -> named(path, 3, body)),
        door("DELETE", "/execution/" + ID + "/localVariables/[^/]+", Scope.EXECUTION, (path, body) -> named(path, 3, NullNode.getInstance())),
        // Files and byte arrays are on no form.
        door("POST", "/(task|process-instance|execution)/" + ID + "/(variables|localVariables)/[^/]+/data", Scope.NONE,
            (path, body) -> named(path, 3, NullNode.getInstance())),
        door("POST", "/task/" + ID + "/(resolve|bpmnError|bpmnEscalation)", Scope.NONE, (path, body) -> members(body, "variables")),
        door("POST", "/external-task/[^/]+/(complete|bpmnError|failure)", Scope.NONE, (path, body) -> members(body, "variables", "localVariables")),
        door("POST", "/message", Scope.NONE, (path, body) -> members(body, "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope")),
        door("POST", "/(signal|condition|process-instance/variables-async)", Scope.NONE, (path, body) -> members(body, "variables")),
        door("POST", "/execution/" + ID + "/(signal|messageSubscriptions/[^/]+/trigger)", Scope.NONE, (path, body) -> members(body, "variables")),
        door("POST", "/(process-instance/" + ID + "/modification(-async)?|modification/execute(Async)?)", Scope.NONE,
            (path, body) -> instructionVariables(body)),
        door("POST", "/migration/execute(Async)?", Scope.NONE, (path, body) -> members(body.path("migrationPlan"), "variables")),
        door("POST|PUT|DELETE", "/case-.*", Scope.NONE, (path, body) -> members(body, "variables", "modifications")));

    private final ProcessEngine engine;
    private final TaskForms forms;
    private final ObjectMapper json;

    TaskVariableGuard(ProcessEngine engine, TaskForms forms, ObjectMapper json) {
        this.engine = engine;
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        Optional<EngineRestPath> call = EngineRestPath.of(request);
        VariableDoor door = call.flatMap(path -> DOORS.stream()
            .filter(candidate -> candidate.methods().matcher(request.getMethod()).matches() && candidate.path().matcher(path.path()).matches())
            .findFirst()).orElse(null);
        if (door == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, List.of("请求内容不能超过 1MB"));
            return;
        }
        JsonNode parsed;
        try {
            parsed = body.length == 0 || !isJson(request) ? NullNode.getInstance() : json.readTree(body);
        } catch (JacksonException e) {
            refuse(response, HttpStatus.BAD_REQUEST, List.of("请求内容不是有效的 JSON：" + e.getOriginalMessage()));
            return;
        }
        Map<String, JsonNode> variables = door.variables().apply(call.get(), parsed == null ? NullNode.getInstance() : parsed);
        Optional<List<String>> problems = variables.isEmpty() ? Optional.of(List.of())
            : problems(door.scope(), call.get().segment(1), variables, request);
        if (problems.isPresent() && !problems.get().isEmpty()) {
            refuse(response, HttpStatus.BAD_REQUEST, problems.get());
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** The problems of these variables on this door; empty optional when the caller may not see the task. */
    private Optional<List<String>> problems(Scope scope, String entityId, Map<String, JsonNode> variables, HttpServletRequest request) {
        return asCaller(request, () -> switch (scope) {
            case TASK -> forms.ofVisibleTask(entityId).map(form -> check(variables, form.fields(),
                "不是本任务表单（" + form.id() + "）的字段，不能提交"));
            case PROCESS_INSTANCE, EXECUTION -> processDefinition(scope, entityId).map(definition -> check(variables,
                List.copyOf(forms.fieldsOfProcess(definition).values()), "不是该流程任何表单的字段；路由和案件变量不能修改"));
            case NONE -> Optional.of(variables.keySet().stream()
                .map(name -> name + "：此接口不接受流程变量，请通过任务表单提交").toList());
        });
    }

    private static List<String> check(Map<String, JsonNode> variables, List<FormField> fields, String notAField) {
        List<String> problems = new ArrayList<>();
        variables.forEach((name, variable) -> {
            FormField field = fields.stream().filter(candidate -> candidate.key().equals(name) && candidate.editable()).findFirst().orElse(null);
            if (field == null) {
                problems.add(name + "：" + notAField);
                return;
            }
            String type = variable.path("type").isTextual() ? variable.path("type").asText() : null;
            field.typeProblem(type, variable.has("value") ? variable.get("value") : variable)
                .ifPresent(problem -> problems.add(field.name() + "：" + problem));
        });
        return problems;
    }

    private Optional<ProcessDefinition> processDefinition(Scope scope, String id) {
        String processInstanceId = id;
        if (scope == Scope.EXECUTION) {
            Execution execution = engine.getRuntimeService().createExecutionQuery().executionId(id).singleResult();
            if (execution == null) {
                return Optional.empty();
            }
            processInstanceId = execution.getProcessInstanceId();
        }
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? Optional.empty()
            : Optional.of(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()));
    }

    /**
     * Look-ups run as the caller, so a task or case they may not read stays unknown to them: the request then
     * goes on and the engine refuses it. The webapps set the engine user only later in their own filters.
     */
    private <T> T asCaller(HttpServletRequest request, java.util.function.Supplier<T> lookup) {
        IdentityService identity = engine.getIdentityService();
        if (identity.getCurrentAuthentication() != null) {
            return lookup.get();
        }
        EngineCaller caller = EngineCaller.of(request, engine).orElse(null);
        return caller == null ? lookup.get() : caller.run(engine, lookup);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, List<String> problems) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", "提交的变量有误，未做任何修改：" + String.join("；", problems));
        body.put("problems", problems);
        json.writeValue(response.getWriter(), body);
    }

    private static boolean isJson(HttpServletRequest request) {
        return request.getContentType() == null || request.getContentType().toLowerCase().contains("json");
    }

    private static Map<String, JsonNode> members(JsonNode body, String... fields) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode object = body.path(field);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                variables.put(entry.getKey(), entry.getValue());
            }
        }
        return variables;
    }

    private static Map<String, JsonNode> modifications(EngineRestPath path, JsonNode body) {
        Map<String, JsonNode> variables = members(body, "modifications");
        body.path("deletions").forEach(name -> variables.put(name.asText(), NullNode.getInstance()));
        return variables;
    }

    private static Map<String, JsonNode> named(EngineRestPath path, int segment, JsonNode body) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        variables.put(path.segment(segment), body);
        return variables;
    }

    private static Map<String, JsonNode> instructionVariables(JsonNode body) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        body.path("instructions").forEach(instruction -> variables.putAll(members(instruction, "variables")));
        return variables;
    }

    private static VariableDoor door(String methods, String path, Scope scope, BiFunction<EngineRestPath, JsonNode, Map<String, JsonNode>> variables) {
        return new VariableDoor(Pattern.compile(methods), Pattern.compile(path), scope, variables);
    }
}
