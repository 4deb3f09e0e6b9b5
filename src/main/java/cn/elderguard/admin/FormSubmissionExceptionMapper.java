package cn.elderguard.admin;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import cn.elderguard.system.DatabaseUnavailableMappers;

/**
 * The engine wraps whatever a task listener throws into a generic engine exception, which the engine REST
 * API answers with 500. A completion refused by {@link ValidateFormSubmission} is the caller's mistake:
 * answered 400, in the REST API's own error format, with the problems listed. Everything else is left to
 * the REST API's own handler.
 */
@Component
class FormSubmissionExceptionMapper implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(EngineExceptionMapper.class);
        config.register(RestExceptionMapper.class);
    }

    /** Thrown by the engine straight through (complete). */
    @Priority(1)
    public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler engineHandler = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response unavailable = databaseUnavailable(exception);
            if (unavailable != null) {
                return unavailable;
            }
            Response invalid = invalidSubmission(exception);
            return invalid != null ? invalid : engineHandler.toResponse(exception);
        }
    }

    /** Re-wrapped by the REST resource (submit-form). */
    @Priority(1)
    public static class RestExceptionMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler restHandler = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response unavailable = databaseUnavailable(exception);
            if (unavailable != null) {
                return unavailable;
            }
            Response invalid = invalidSubmission(exception);
            return invalid != null ? invalid : restHandler.toResponse(exception);
        }
    }

    /** An unreachable database: 503 with the Chinese problem (system/DatabaseUnavailableMappers, decision 016). */
    static Response databaseUnavailable(Throwable exception) {
        return DatabaseUnavailableMappers.response(exception);
    }

    static Response invalidSubmission(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormSubmissionException invalid) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "InvalidRequestException");
                body.put("message", invalid.getMessage());
                body.put("problems", invalid.problems());
                return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return null;
    }
}
