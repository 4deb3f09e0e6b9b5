package cn.elderguard.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A login to the Camunda webapps over HTTP, as a browser does it: the page hands out the CSRF token, the login
 * keeps the session cookie. {@link #client()} sends the cookies; changing requests need {@link #csrfToken()}.
 */
public final class WebappSession {

    private final HttpClient client;
    private final CookieManager cookies;

    private WebappSession(HttpClient client, CookieManager cookies) {
        this.client = client;
        this.cookies = cookies;
    }

    /** Logs {@code user} in to Tasklist at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}). */
    public static WebappSession login(String baseUrl, String user, String password) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).build(),
            HttpResponse.BodyHandlers.discarding());
        String token = csrfToken(cookies);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("X-XSRF-TOKEN", token).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (login.statusCode() != 200) {
            throw new AssertionError("login of " + user + " failed: HTTP " + login.statusCode() + " " + login.body());
        }
        // The login starts a new session; the next read hands out that session's token, as it does for Tasklist.
        client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default")).build(),
            HttpResponse.BodyHandlers.discarding());
        return new WebappSession(client, cookies);
    }

    public HttpClient client() {
        return client;
    }

    /** The current token: the login hands out a new one with the new session. */
    public String csrfToken() {
        return csrfToken(cookies);
    }

    private static String csrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue).reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("the webapps set no XSRF-TOKEN cookie"));
    }
}
