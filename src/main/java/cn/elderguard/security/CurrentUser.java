package cn.elderguard.security;

import java.util.Optional;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.Role;

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
            return AccessScope.all();
        }
        return person().map(CurrentUser::scopeOf).orElse(AccessScope.none());
    }

    static AccessScope scopeOf(Person person) {
        if (person.role() == Role.ADMIN) {
            return AccessScope.all();
        }
        boolean supervisor = person.unit().agency() == Agency.CHUFEI_OFFICE || person.role() == Role.LEADING_GROUP
            || person.role() == Role.SERVICE_ACCOUNT;
        return new AccessScope(false, person.unit().region(), supervisor ? null : person.unit().agency());
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no logged-in user");
        }
        return authentication;
    }
}
