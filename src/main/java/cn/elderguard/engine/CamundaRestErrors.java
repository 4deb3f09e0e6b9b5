package cn.elderguard.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.system.DatabaseUnavailable;
import cn.elderguard.system.InvalidFormSubmissionException;
import cn.elderguard.system.InvalidInputException;

/**
 * Jersey exception mappers for the REST APIs of the engine ({@code /engine-rest}) and of the webapps
 * ({@code /camunda/api}, what Tasklist calls), the same on both doors:
 * <ul>
 *   <li>a failure caused by an unreachable database is 503 with the Chinese problem (docs/decisions/016);</li>
 *   <li>a completion refused by a form's or the case's rules ({@link InvalidFormSubmissionException}, thrown by a
 *       task listener, which the engine wraps) is the caller's mistake: 400 with the problems listed, in the REST
 *       API's own error format; so is a change a task listener refuses ({@link InvalidInputException});</li>
 *   <li>the engine's refusals a person meets in Tasklist (a missing permission, a task claimed by someone else) keep
 *       their status and format, with a Chinese message that says what to do instead (docs/tasklist.md);</li>
 *   <li>everything else goes to Camunda's own handler of the same type, unchanged.</li>
 * </ul>
 * Priority 1 puts them before Camunda's handlers of the same exception type.
 */
public final class CamundaRestErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CamundaRestErrors() {
    }

    /** ElderGuard's answer to {@code failure}, or null for Camunda's own. */
    static Response response(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormSubmissionException invalid) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "InvalidRequestException");
                body.put("message", invalid.getMessage());
                body.put("problems", invalid.problems());
                return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException refused) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", AuthorizationException.class.getSimpleName());
                body.put("message", EngineRefusals.explain(refused));
                body.put("userId", refused.getUserId());
                body.put("missingAuthorizations", refused.getMissingAuthorizations().stream().map(CamundaRestErrors::missing).toList());
                return Response.status(Response.Status.FORBIDDEN).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (cause instanceof InvalidInputException invalid) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "InvalidRequestException");
                body.put("message", invalid.getMessage());
                return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", TaskAlreadyClaimedException.class.getSimpleName());
                body.put("message", EngineRefusals.explain(claimed));
                return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        if (!DatabaseUnavailable.isCause(failure)) {
            return null;
        }
        try {
            return Response.status(DatabaseUnavailable.STATUS)
                .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .type("application/problem+json;charset=UTF-8")
                .entity(JSON.writeValueAsString(DatabaseUnavailable.body()))
                .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Camunda's own format of a missing authorization. */
    private static Map<String, Object> missing(MissingAuthorization missing) {
        Map<String, Object> dto = new LinkedHashMap<>();
        dto.put("permissionName", missing.getViolatedPermissionName());
        dto.put("resourceName", missing.getResourceType());
        dto.put("resourceId", missing.getResourceId());
        return dto;
    }

    /** The engine's exceptions (commands that wrap a JDBC failure). */
    @Priority(1)
    public static class ForEngine implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response unavailable = response(exception);
            return unavailable != null ? unavailable : camunda.toResponse(exception);
        }
    }

    /** Exceptions the REST resources re-wrap. */
    @Priority(1)
    public static class ForRest implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response unavailable = response(exception);
            return unavailable != null ? unavailable : camunda.toResponse(exception);
        }
    }

    /** Everything else, e.g. Spring's CannotCreateTransactionException when a command cannot get a connection. */
    @Priority(1)
    public static class ForAny implements ExceptionMapper<Throwable> {

        private final ExceptionHandler camunda = new ExceptionHandler();

        @Override
        public Response toResponse(Throwable exception) {
            Response unavailable = response(exception);
            return unavailable != null ? unavailable : camunda.toResponse(exception);
        }
    }
}
