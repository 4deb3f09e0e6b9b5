package cn.elderguard.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.security.EngineDoorRules.Access;

/**
 * Applies {@link EngineDoorRules} to the engine REST API and the webapps' APIs. Runs after the caller is
 * known: for {@code /engine-rest} after the engine's HTTP Basic filter, for {@code /camunda/api} from the
 * webapps' session (the Camunda webapps' own filters still check the session and CSRF token after this one).
 */
class EngineDoors extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineDoors.class);
    static final String WEBAPP_API = "/camunda/api";

    private final ProcessEngine engine;
    private final ObjectMapper json;

    EngineDoors(ProcessEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        String method = request.getMethod();
        Optional<EngineRestPath> engineCall = EngineRestPath.of(request);
        String within = EngineRestPath.withinApplication(request);
        Access access;
        if (engineCall.isPresent() && engineCall.get().door() == EngineRestPath.Door.ENGINE_REST) {
            access = EngineDoorRules.engine(method, engineCall.get().path());
        } else if (engineCall.isPresent()) {
            // The login page lists the engines before anybody has logged in.
            access = "/engine".equals(engineCall.get().path()) && "GET".equals(method)
                ? Access.ANYONE : EngineDoorRules.engine(method, engineCall.get().path());
        } else if (within.startsWith(WEBAPP_API + "/")) {
            access = EngineDoorRules.webapp(method, within.substring(WEBAPP_API.length()));
        } else {
            chain.doFilter(request, response);
            return;
        }
        EngineCaller caller = EngineCaller.of(request, engine).orElse(null);
        String refusal = refusal(access, caller, engineCall.orElse(null));
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        int status = caller == null ? HttpStatus.UNAUTHORIZED.value() : HttpStatus.FORBIDDEN.value();
        log.debug("Refused {} {} for {}: {}", method, within, caller == null ? "anonymous" : caller.userId(), access);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), Map.of(
            "type", status == 401 ? "AuthenticationException" : "AuthorizationException", "message", refusal));
    }

    /** Why the door stays closed for this caller, or null when it opens. */
    private static String refusal(Access access, EngineCaller caller, EngineRestPath call) {
        if (access == Access.ANYONE) {
            return null;
        }
        if (caller == null) {
            return "请先登录";
        }
        return switch (access) {
            case ANYONE -> null;
            case CLOSED -> "流程只能由 ElderGuard 启动（线索登记、定时任务、上级流程），不能通过引擎接口直接启动；请使用线索登记页面或 /api/leads";
            case ADMIN -> caller.admin() ? null : "该接口仅限系统管理员使用；如需办理请联系系统管理员";
            case PERSON -> caller.serviceAccount() && !caller.admin()
                ? "接口账号只能使用线索报送接口 /api/leads" : null;
            case SELF -> caller.admin() || (!caller.serviceAccount() && call != null && caller.userId().equals(call.segment(1)))
                ? null : "只能修改本人的密码";
        };
    }

}
