package cn.elderguard.organisation;

import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;


/** The logged-in user of an application request, as a person of the organisation and an access scope. */
@Component
public class CurrentUser {

    private final OrganisationRepository organisation;

    CurrentUser(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    public String id() {
        return authentication().getName();
    }

    /**
     * Who acts now, wherever the code runs: inside an engine command (a delegate, a listener, a deployment) the
     * engine's authenticated user, otherwise the request's login; empty for the engine's own jobs and for start-up.
     * The one way to name the actor of a record (timeline, verification, deployment).
     */
    public static Optional<String> actorId() {
        CommandContext command = Context.getCommandContext();
        if (command != null && command.getAuthenticatedUserId() != null) {
            return Optional.of(command.getAuthenticatedUserId());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
            ? Optional.empty() : Optional.of(authentication.getName());
    }

    public boolean isAdmin() {
        return authentication().getAuthorities().stream().anyMatch(a -> Groups.CAMUNDA_ADMIN.equals(a.getAuthority()));
    }

    /** Whether the user belongs to {@code groupId} (the authorities are the user's engine groups). */
    public boolean hasGroup(String groupId) {
        return authentication().getAuthorities().stream().anyMatch(a -> groupId.equals(a.getAuthority()));
    }

    public Optional<Person> person() {
        return organisation.person(id());
    }

    public AccessScope scope() {
        if (isAdmin()) {
            return AccessScope.everything();
        }
        return person().map(CurrentUser::scopeOf).orElse(AccessScope.none());
    }

    static AccessScope scopeOf(Person person) {
        UnitKey unit = person.unit();
        return switch (person.role()) {
            case ADMIN -> AccessScope.everything();
            case SERVICE_ACCOUNT -> new AccessScope(AccessScope.Kind.SERVICE_ACCOUNT, unit.region(), unit);
            case LEADING_GROUP -> new AccessScope(AccessScope.Kind.SUPERVISOR, unit.region(), unit);
            case OFFICER, UNIT_LEADER -> new AccessScope(unit.agency() == Agency.CHUFEI_OFFICE
                ? AccessScope.Kind.SUPERVISOR : AccessScope.Kind.UNIT, unit.region(), unit);
        };
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no logged-in user");
        }
        return authentication;
    }
}
