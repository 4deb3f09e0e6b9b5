package cn.elderguard.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for everything a person uses in the browser: whoever is logged in to the Camunda webapps
 * (Tasklist…) is logged in to ElderGuard's own pages too, with the same user and groups.
 */
class CamundaSessionAuthenticationFilter extends OncePerRequestFilter {

    private final String engineName;

    CamundaSessionAuthenticationFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication login = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
            if (login instanceof UserAuthentication user) {
                List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
                    : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
