package cn.elderguard.engine;

import java.io.IOException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The JSON mapper of Camunda's REST APIs, with one repair: Tasklist changes a task's due or follow-up date by
 * sending the whole task back ({@code PUT /task/{id}}), its read-only {@code camundaFormRef} included, which the
 * stock mapper cannot build (an interface) and so refused every such change. The form reference is read-only
 * (the engine ignores it on update), so it is skipped on the way in and written unchanged on the way out
 * (docs/tasklist.md). Everything else is Camunda's own configuration.
 */
@Priority(1)
@Produces({MediaType.APPLICATION_JSON, "application/hal+json"})
public class CamundaRestJson implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper())
        .addMixIn(CamundaFormRef.class, ReadOnlyFormRef.class);

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }

    @JsonDeserialize(using = SkipFormRef.class)
    interface ReadOnlyFormRef {
    }

    /** Reads past the value and yields nothing. */
    static class SkipFormRef extends JsonDeserializer<CamundaFormRef> {
        @Override
        public CamundaFormRef deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            parser.skipChildren();
            return null;
        }
    }
}
