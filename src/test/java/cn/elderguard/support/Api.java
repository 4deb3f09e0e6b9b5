package cn.elderguard.support;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON calls to the application's API as a given user (HTTP Basic), or anonymously. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    private Api(TestRestTemplate http) {
        this.http = http;
    }

    public static Api as(TestRestTemplate http, String user, String password) {
        return new Api(http.withBasicAuth(user, password));
    }

    /** The administrator of the test profile. */
    public static Api admin(TestRestTemplate http) {
        return as(http, "admin", "test-admin");
    }

    public static Api anonymous(TestRestTemplate http) {
        return new Api(http);
    }

    public Response post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return exchange(HttpMethod.POST, path, body, headers);
    }

    public Response put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body, Map.of());
    }

    public Response delete(String path) {
        return exchange(HttpMethod.DELETE, path, null, Map.of());
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null, Map.of());
    }

    private Response exchange(HttpMethod method, String path, Object body, Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        extraHeaders.forEach(headers::add);
        String json;
        try {
            json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        return new Response(response.getStatusCode().value(), response.getBody());
    }

    /** Status and body; {@link #json()} parses the body. */
    public record Response(int status, String body) {

        /** Fails unless the call succeeded (2xx); returns this response. */
        public Response ok() {
            if (status < 200 || status > 299) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            return this;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body == null ? "null" : body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The fields named by an RFC 9457 error body's {@code errors}. */
        public java.util.List<String> errorFields() {
            return json().path("errors").findValuesAsText("field");
        }
    }
}
