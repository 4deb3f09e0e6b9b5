package cn.elderguard.system;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: refuses what no door of the application serves, before any component parses
 * it (docs/decisions/015-bad-input-and-faults.md).
 *
 * <ul>
 *   <li>Paths Spring Security's firewall rejects ({@code ;}, {@code //}, {@code ..}, encoded slashes …): 400.
 *       Spring Security checks them too, but only after Spring's request-path parsing, which fails with a 500
 *       on such a path below the servlets of {@code /engine-rest} and {@code /camunda}.</li>
 *   <li>The error page asked for directly ({@code GET /error}): 404. Only the server's error dispatch renders it;
 *       asked for directly it has no error to show and answered 500 with status 999.</li>
 * </ul>
 */
class MalformedRequestFilter extends OncePerRequestFilter {

    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejected;
    private final String errorPath;

    MalformedRequestFilter(HttpFirewall firewall, RequestRejectedHandler rejected, String errorPath) {
        this.firewall = firewall;
        this.rejected = rejected;
        this.errorPath = errorPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            rejected.handle(request, response, e);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST
            && (request.getRequestURI().equals(errorPath) || request.getRequestURI().startsWith(errorPath + "/"))) {
            ProblemResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "未找到", "请求的地址不存在，请检查地址是否正确");
            return;
        }
        chain.doFilter(request, response);
    }
}
