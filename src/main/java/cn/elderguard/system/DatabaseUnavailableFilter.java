package cn.elderguard.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 for a request that failed because the database is out of reach, whichever component met the
 * failure before any handler could: Spring Security's login (HTTP Basic checks the password in the engine's
 * tables), the engine REST API's login, the webapps' session filters, the public pages' rate limit. Without it
 * the failure reached the servlet container and became a 500. Health keeps its own format: a node that
 * cannot reach its database is {@code DOWN}, with or without credentials (docs/decisions/016-database-outage.md).
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final String healthPath;

    DatabaseUnavailableFilter(String healthPath) {
        this.healthPath = healthPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database cannot be reached, answered 503 ({})", request.getMethod(), request.getRequestURI(),
                e.getMessage());
            write(request, response);
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        String path = request.getRequestURI();
        if (path.equals(healthPath) || path.startsWith(healthPath + "/")) {
            response.resetBuffer();
            response.setStatus(DatabaseUnavailable.STATUS);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"status\":\"DOWN\"}");
            return;
        }
        ProblemResponses.write(response, DatabaseUnavailable.STATUS, DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL);
    }
}
