package cn.elderguard.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which engine REST and webapp API doors a person may use at all (docs/security.md, "Engine REST and webapps").
 * Closed unless listed: administrators use every door, people the doors Tasklist needs, service accounts none.
 * Behind an open door the engine's own authorizations still decide which tasks and cases a person sees and
 * works (docs/decisions/006); this table only keeps people away from doors whose data the engine does not
 * scope to units (jobs, metrics, statistics, users, deployments …).
 */
final class EngineDoorRules {

    enum Access {
        /** Also without logging in (the webapps' login). */
        ANYONE,
        /** Any logged-in person (not a service account); the engine scopes what they see to their units. */
        PERSON,
        /** A person about themselves only (their own password). */
        SELF,
        /** Administrators only. */
        ADMIN,
        /** Nobody, administrators included: cases and their processes start only through the application. */
        CLOSED
    }

    private record Door(Pattern methods, Pattern path, Access access) {
        boolean matches(String method, String candidate) {
            return methods.matcher(method).matches() && path.matcher(candidate).matches();
        }
    }

    /** Engine ids are UUIDs (the starter's strong id generator); process definition ids are key:version:uuid. */
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String DEFINITION_ID = "[^/:]+:[0-9]+:" + ID;
    private static final String KEY = "[A-Za-z_][A-Za-z0-9_.-]*";
    private static final String DEFINITION = "(" + DEFINITION_ID + "|key/" + KEY + "(/tenant-id/[^/]+)?)";
    private static final String NAME = "[^/]+";

    /** Engine-relative doors ({@code /engine-rest/…} and {@code /camunda/api/engine/engine/{engine}/…}); first match wins. */
    private static final List<Door> ENGINE = List.of(
        door("GET", "/engine", Access.PERSON),
        // Tasks: lists and counts scoped by the engine to the person's units; the work the candidates may do.
        door("GET|POST", "/task(/count)?", Access.PERSON),
        // A task's comments and attachments as lists only: the engine hands out a single one by its id without
        // checking that the caller may read the task (seen in AuthorizationMatrixTest).
        door("GET", "/task/" + ID + "(/form|/deployed-form|/rendered-form|/form-variables|/identity-links|/comment|/attachment)?",
            Access.PERSON),
        door("GET", "/task/" + ID + "/(variables|localVariables)(/" + NAME + ")?", Access.PERSON),
        // Completions carry only the task form's fields (admin/TaskVariableGuard). Writing a task's variables
        // otherwise needs more than the candidates' TASK_WORK: administrators only, with the same rule.
        door("POST", "/task/" + ID + "/(claim|unclaim|complete|submit-form|comment/create)", Access.PERSON),
        // Tasklist's 到期日 and 跟进日期 save the whole task; the engine lets people change these two dates only
        // (TaskDatesCommandChecker).
        door("PUT", "/task/" + ID, Access.PERSON),
        // Tasklist's inboxes.
        door("GET|OPTIONS", "/filter", Access.PERSON),
        door("GET", "/filter/count", Access.PERSON),
        door("GET|OPTIONS", "/filter/" + ID, Access.PERSON),
        door("GET|POST", "/filter/" + ID + "/(list|count|singleResult)", Access.PERSON),
        // Models: names, diagrams and forms (read by everyone, docs/decisions/006); never a start.
        door("POST", "/process-definition/" + DEFINITION + "/(start|submit-form)", Access.CLOSED),
        door("GET", "/process-definition(/count)?", Access.PERSON),
        door("GET", "/process-definition/" + DEFINITION
            + "(/xml|/diagram|/startForm|/deployed-start-form|/rendered-form|/form-variables)?", Access.PERSON),
        // A task's history tab.
        door("GET", "/history/user-operation(/count)?", Access.PERSON),
        // Names of people and groups shown beside tasks; one's own password.
        door("GET|OPTIONS", "/user", Access.PERSON),
        door("GET", "/user/count", Access.PERSON),
        door("GET", "/user/" + NAME + "/profile", Access.PERSON),
        door("PUT", "/user/" + NAME + "/credentials", Access.SELF),
        door("GET|OPTIONS", "/group", Access.PERSON),
        door("GET", "/group/count", Access.PERSON),
        door("GET", "/group/" + NAME, Access.PERSON),
        door("GET", "/identity/groups", Access.PERSON),
        door("GET|POST", "/identity/password-policy", Access.PERSON),
        door("GET", "/authorization/check", Access.PERSON));

    /** The webapps' own APIs below {@code /camunda/api} (the engine's copy is matched by {@link #ENGINE}). */
    private static final List<Door> WEBAPP = List.of(
        door("GET", "/admin/auth/user/" + NAME, Access.ANYONE),
        door("POST", "/admin/auth/user/" + NAME + "/(logout|login/" + NAME + ")", Access.ANYONE),
        // The apps' own scripts and styles, loaded before the login form shows; no data.
        door("GET", "/(tasklist|welcome|cockpit|admin)/plugin/" + NAME + "/static/.+", Access.ANYONE));

    private EngineDoorRules() {
    }

    /** The access rule of an engine-relative path. */
    static Access engine(String method, String path) {
        return firstMatch(ENGINE, method, path);
    }

    /** The access rule of a path below {@code /camunda/api} that is not the engine's copy. */
    static Access webapp(String method, String path) {
        return firstMatch(WEBAPP, method, path);
    }

    private static Access firstMatch(List<Door> doors, String method, String path) {
        return doors.stream().filter(door -> door.matches(method, path)).map(Door::access).findFirst().orElse(Access.ADMIN);
    }

    private static Door door(String methods, String path, Access access) {
        return new Door(Pattern.compile(methods), Pattern.compile(path), access);
    }
}
