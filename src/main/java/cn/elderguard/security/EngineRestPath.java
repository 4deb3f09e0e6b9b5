package cn.elderguard.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request lands in the engine's REST resources, whichever door it came through: the engine REST API
 * ({@code /engine-rest/task/…}, Camunda Modeler and other systems) or the webapps' copy of it
 * ({@code /camunda/api/engine/engine/default/task/…}, Tasklist). {@link #path()} is the part both share
 * ({@code /task/…}); the container has decoded it, and Spring Security's firewall has refused encoded slashes,
 * {@code ..} and {@code ;} before any filter of ours runs.
 */
public record EngineRestPath(Door door, String path) {

    public enum Door {
        /** {@code /engine-rest/…} with HTTP Basic. */
        ENGINE_REST,
        /** {@code /camunda/api/engine/engine/{engine}/…} with the webapps' session. */
        WEBAPP
    }

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/";

    /** The engine-relative path of a request to either door, or empty for any other request. */
    public static Optional<EngineRestPath> of(HttpServletRequest request) {
        String path = withinApplication(request);
        if (path.startsWith(ENGINE_REST + "/")) {
            return Optional.of(new EngineRestPath(Door.ENGINE_REST, path.substring(ENGINE_REST.length())));
        }
        if (path.startsWith(WEBAPP_ENGINE_API)) {
            // /camunda/api/engine/engine/ lists the engines; /camunda/api/engine/engine/default/task/… is the task resource
            String rest = path.substring(WEBAPP_ENGINE_API.length());
            int slash = rest.indexOf('/');
            return Optional.of(new EngineRestPath(Door.WEBAPP, slash < 0 ? "/engine" : rest.substring(slash)));
        }
        return Optional.empty();
    }

    /** The request's path below the context path, as the container decoded it. */
    static String withinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    /** The {@code n}-th segment of {@link #path()} ({@code /task/abc/claim}: 0 = task, 1 = abc). */
    public String segment(int n) {
        String[] segments = path.substring(1).split("/");
        return n < segments.length ? segments[n] : null;
    }
}
