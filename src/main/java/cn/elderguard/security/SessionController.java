package cn.elderguard.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.Now;

/**
 * Who is logged in, log-out, and the CSRF token ElderGuard's pages send back with every change they make
 * (only requests authenticated by the browser session need it; HTTP Basic callers do not).
 */
@RestController
class SessionController {

    private final CurrentUser currentUser;

    SessionController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/api/session")
    Map<String, Object> session(CsrfToken csrf) {
        return Map.of(
            "userId", currentUser.id(),
            "displayName", currentUser.person().map(p -> p.displayName()).orElse(currentUser.id()),
            "scope", currentUser.scope(),
            "admin", currentUser.isAdmin(),
            "timeZone", Now.zone().getId(),
            "csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
    }

    /**
     * Ends the browser session: the webapps keep their login in it, so this logs out of Tasklist and every page at
     * once (the pages' 退出登录). Needs the CSRF token, so another site cannot log a person out.
     */
    @PostMapping("/api/session/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
