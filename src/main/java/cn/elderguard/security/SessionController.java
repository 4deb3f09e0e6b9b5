package cn.elderguard.security;

import java.util.Map;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.organisation.CurrentUser;

/**
 * Who is logged in, and the CSRF token ElderGuard's pages send back with every change they make
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
            "csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
    }
}
