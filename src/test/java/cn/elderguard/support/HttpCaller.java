package cn.elderguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user of the running application as a browser or another system is: HTTP Basic (another system, Camunda
 * Modeler) or the webapps' session (a person logged in to Tasklist, with its cookie and CSRF token), or nobody.
 */
public final class HttpCaller {

    private final String base;
    private final String user;
    private final String password;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpCaller(String base, String user, String password, boolean session) {
        this.base = base.replaceAll("/+$", "");
        this.user = user;
        this.password = password;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        this.client = session ? builder.cookieHandler(cookies).build() : builder.build();
    }

    /** HTTP Basic on every request, no cookies. */
    public static HttpCaller basic(int port, String user, String password) {
        return basic(local(port), user, password);
    }

    public static HttpCaller basic(String base, String user, String password) {
        return new HttpCaller(base, user, password, false);
    }

    public static HttpCaller anonymous(int port) {
        return anonymous(local(port));
    }

    public static HttpCaller anonymous(String base) {
        return new HttpCaller(base, null, null, true);
    }

    public static HttpCaller webappSession(int port, String user, String password) {
        return webappSession(local(port), user, password);
    }

    /** Logged in to the webapps (Tasklist) like a browser: session cookie, and the CSRF token on every change. */
    public static HttpCaller webappSession(String base, String user, String password) {
        HttpCaller caller = new HttpCaller(base, user, password, true);
        caller.send("GET", "/camunda/api/admin/auth/user/default", null, null);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Response login = caller.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
            "application/x-www-form-urlencoded");
        if (login.status() != 200) {
            throw new AssertionError("webapp login of " + user + " failed: " + login);
        }
        caller.send("GET", "/camunda/api/admin/auth/user/default", null, null);
        return caller;
    }

    /** A header sent with every following request (e.g. X-Forwarded-For to act from another address). */
    public HttpCaller with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    /** A POST with headers of its own besides the caller's (e.g. an Idempotency-Key per lead). */
    public Response post(String path, String json, Map<String, String> requestHeaders) {
        return send("POST", path, json, "application/json", requestHeaders);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, Map.of());
    }

    private Response send(String method, String path, String body, String contentType, Map<String, String> requestHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
            .header("X-Requested-With", "XMLHttpRequest");
        headers.forEach(request::header);
        requestHeaders.forEach(request::header);
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        webappCsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        if (user != null && client.cookieHandler().isEmpty()) {
            request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The webapps' CSRF token, from the cookie the webapps set. */
    public Optional<String> webappCsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue).findFirst();
    }

    private static String local(int port) {
        return "http://localhost:" + port;
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
