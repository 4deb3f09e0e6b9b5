package cn.elderguard.security;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.GroupIds;

/**
 * Nothing is reachable without logging in (docs/decisions/004), except the public tip page.
 *
 * <ul>
 *   <li>Camunda webapps ({@code /camunda/**}): the webapps' own login, session and CSRF protection.</li>
 *   <li>Engine REST ({@code /engine-rest/**}): HTTP Basic against the identity service, checked by the
 *       engine's own filter so that the engine's authorization checks apply to the caller.</li>
 *   <li>Everything else: Spring Security. HTTP Basic against the same identity service (other systems),
 *       or the webapps' browser session (ElderGuard's pages; their changes carry a CSRF token). Public:
 *       actuator health and info, the tip page and its API ({@code /public/**}, rate-limited).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ENGINE_REST = "/engine-rest";
    /** Our servlet filters run after Spring Security's chain (order -100) and in this order among themselves. */
    static final int ENGINE_REST_AUTHENTICATION_ORDER = 10;
    /** The webapps' login; {@code next} is where the welcome app sends the person once logged in (its config.js). */
    static final String LOGIN_PAGE = "/camunda/app/welcome/default/";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
        + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** The engine REST API is open by default; this filter makes every call authenticate. */
    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new EngineRestAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns(ENGINE_REST + "/*");
        registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER);
        return registration;
    }

    /** After the engine REST login (the caller is known), before the engine's resources. */
    @Bean
    FilterRegistrationBean<EngineDoors> engineDoors(ProcessEngine engine, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new EngineDoors(engine, json));
        registration.setName("engine-doors");
        registration.addUrlPatterns(ENGINE_REST + "/*", EngineDoors.WEBAPP_API + "/*");
        registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER + 1);
        return registration;
    }

    /** Before any login is checked, whatever the door (docs/security.md, "Logins"). */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(ClientRateLimiter limiter,
                                                        @Value("${elderguard.login.failures-per-client}") int failuresPerClient,
                                                        @Value("${elderguard.login.window}") Duration window) {
        var registration = new FilterRegistrationBean<>(new LoginThrottle(limiter, failuresPerClient, window));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** Webapps and engine REST authenticate themselves (above); Spring Security stays out of their way. */
    @Bean
    @Order(1)
    SecurityFilterChain camundaOwnedPaths(HttpSecurity http) throws Exception {
        return http
            // Ant matchers: these paths belong to Jersey servlets, which Spring MVC's matchers do not see.
            .securityMatcher(new OrRequestMatcher(
                AntPathRequestMatcher.antMatcher("/camunda/**"), AntPathRequestMatcher.antMatcher(ENGINE_REST + "/**")))
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .headers(headers -> headers.disable())
            .requestCache(cache -> cache.disable())
            .securityContext(context -> context.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, ProcessEngine engine) throws Exception {
        return http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(Groups.CAMUNDA_ADMIN)
                // "/" only redirects to the webapps' login page; /assets holds stylesheets and scripts.
                .requestMatchers("/", "/error", "/favicon.ico", "/assets/**", "/public/**").permitAll()
                // Service accounts submit leads and read back their own receipts, nothing else (docs/security.md).
                .requestMatchers(HttpMethod.GET, "/api/leads/mine").access(SecurityConfiguration::peopleOnly)
                .requestMatchers(HttpMethod.POST, "/api/leads", "/api/leads/batch").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/leads/{id}").authenticated()
                .anyRequest().access(SecurityConfiguration::peopleOnly))
            .addFilterBefore(new CamundaSessionAuthenticationFilter(engine.getName()), BasicAuthenticationFilter.class)
            .addFilterBefore(new PublicRequestSizeLimit(), BasicAuthenticationFilter.class)
            .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(SecurityConfiguration::toLoginAndBack,
                    AntPathRequestMatcher.antMatcher("/app/**"))
                .defaultAuthenticationEntryPointFor(apiEntryPoint(), request -> true))
            // Only a genuine HTTP Basic call without a session (another system) has no cookie to forge; any request
            // that carries a session needs the token, whatever else it sends. The public API authenticates nobody.
            .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::basicWithoutSession,
                    AntPathRequestMatcher.antMatcher("/public/**"))
                // Every request is "authenticated" anew from the webapps' session; renewing the token each time
                // would invalidate the one a page just fetched.
                .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
            // The session is the webapps' (which renew its id at login); changing its id on every request that
            // the bridge authenticates would log out the browser's other requests in flight.
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                .sessionFixation(fixation -> fixation.none()))
            .build();
    }

    static boolean basicWithoutSession(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
            && request.getRequestedSessionId() == null && request.getSession(false) == null;
    }

    private static AuthorizationDecision peopleOnly(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        boolean person = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)
            && user.getAuthorities().stream().noneMatch(authority -> GroupIds.LEAD_INTAKE.equals(authority.getAuthority()));
        return new AuthorizationDecision(person);
    }

    /** A page asked for without a login: to the login, and back to that page afterwards. */
    private static void toLoginAndBack(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws java.io.IOException {
        String page = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?next="
            + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8) + "#!/login");
    }

    /**
     * 401 for API calls. Scripts of our pages (X-Requested-With) get no Basic challenge, so an expired
     * session never pops up the browser's password dialog.
     */
    private static AuthenticationEntryPoint apiEntryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("ElderGuard");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (request.getHeader("X-Requested-With") != null) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"title\":\"请先登录\",\"status\":401,\"detail\":\"登录已过期，请重新登录\"}");
            } else {
                basic.commence(request, response, e);
            }
        };
    }
}
