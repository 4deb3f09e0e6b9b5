package cn.elderguard.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins are throttled per client address and per account, and never lock an account for good
 * (docs/security.md, "Logins"): the engine delays an account after each failure, doubling up to a cap
 * (configured in application.yaml, never a permanent lock), and this filter answers 429 to an address that
 * failed too often in the current window, before its password is even checked. Every failure is logged.
 * Login attempts are requests with HTTP Basic credentials (any door) and the webapps' login form.
 */
class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final String ACTION = "login-failure";
    private static final int MAX_LOGIN_FORM = 8 * 1024;
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final ClientRateLimiter limiter;
    private final int failuresPerClient;
    private final Duration window;

    LoginThrottle(ClientRateLimiter limiter, int failuresPerClient, Duration window) {
        this.limiter = limiter;
        this.failuresPerClient = failuresPerClient;
        this.window = window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (isWebappLogin(request)) {
            // The login form's body is read here for the account's name and served again to the login resource.
            request = new BufferedBodyRequest(request, request.getInputStream().readNBytes(MAX_LOGIN_FORM));
        }
        Optional<String> account = attemptedAccount(request);
        if (account.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = blocked(request);
        if (wait.isPresent()) {
            log.warn("登录被限制：账号 {}，来源 {}，该来源近期登录失败过多", account.get(), request.getRemoteAddr());
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"title\":\"登录失败次数过多\",\"status\":429,\"detail\":\"该地址登录失败次数过多，请 "
                + minutes + " 分钟后再试；忘记密码请联系系统管理员\"}");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            log.warn("登录失败：账号 {}，来源 {}，{} {}", account.get(), request.getRemoteAddr(), request.getMethod(), request.getRequestURI());
            try {
                limiter.count(request, ACTION, window);
            } catch (DataAccessException e) {
                log.debug("Failed login not counted: the database is unavailable", e);
            }
        }
    }

    private Optional<Duration> blocked(HttpServletRequest request) {
        try {
            return limiter.blocked(request, ACTION, failuresPerClient, window);
        } catch (DataAccessException e) {
            // Without the database no password can be checked either; the login itself reports the outage.
            return Optional.empty();
        }
    }

    /** The account a request tries to log in as, if it is a login attempt. */
    private static Optional<String> attemptedAccount(HttpServletRequest request) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.of("(无法解析)");
            }
        }
        if (request instanceof BufferedBodyRequest form) {
            String body = new String(form.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(Arrays.stream(body.split("&")).filter(pair -> pair.startsWith("username="))
                .map(pair -> URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8)).findFirst().orElse(""));
        }
        return Optional.empty();
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(EngineRestPath.withinApplication(request)).matches();
    }
}
