package cn.elderguard.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The NUL rule (U+0000, {@link RejectNulCharacters}) for the JSON that the engine's and the webapps' REST APIs
 * read — task forms submitted from Tasklist or by other systems, variables — which Camunda deserializes with its
 * own object mapper. Answered 400 in the engine REST API's error format, naming the field; without it PostgreSQL
 * refused the value when the task completed, and the API answered 500 (docs/decisions/015-bad-input-and-faults.md).
 */
@Priority(Priorities.ENTITY_CODER)
public class RejectNulInRestRequests implements ContainerRequestFilter {

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !isJson(type)) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String field = fieldWithNul(body);
        if (field != null) {
            String problem = field + "：" + RejectNulCharacters.MESSAGE;
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "InvalidRequestException");
            error.put("message", "输入有误，未提交：" + problem);
            error.put("problems", List.of(problem));
            request.abortWith(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(JSON.writeValueAsString(error)).build());
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    /** The path (e.g. {@code variables.notes.value}) of the first name or text containing U+0000, or null. */
    static String fieldWithNul(byte[] body) {
        try (JsonParser parser = JSON_FACTORY.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                    && RejectNulCharacters.containsNul(parser.getText())) {
                    return path(parser.getParsingContext().pathAsPointer().toString());
                }
            }
        } catch (IOException malformed) {
            // Not JSON after all: Camunda answers that itself.
        }
        return null;
    }

    private static String path(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.substring(Math.min(1, pointer.length())).split("/")) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
