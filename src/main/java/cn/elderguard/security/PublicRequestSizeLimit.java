package cn.elderguard.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Requests to the public API may not be larger than a tip can be; larger ones are refused unread. */
class PublicRequestSizeLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 100 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/public/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BYTES || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"title\":\"内容过长\",\"status\":413,\"detail\":\"提交的内容不能超过 100KB\","
                + "\"errors\":[{\"field\":\"description\",\"message\":\"提交的内容不能超过 100KB\"}]}");
            return;
        }
        chain.doFilter(request, response);
    }
}
