package cn.elderguard.notification;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.Role;
import cn.elderguard.organisation.Unit;

/**
 * A notice to units rather than about a task (a campaign's phase change, a reminder to send information reports):
 * one mail to each officer with an address, through the outbox, so it is sent with retries and never lost. Must be
 * called inside an engine command, like every mail.
 */
@Component
public class UnitNotices {

    private final OrganisationRepository organisation;
    private final MailOutbox outbox;
    private final String baseUrl;

    UnitNotices(OrganisationRepository organisation, MailOutbox outbox, @Value("${elderguard.base-url}") String baseUrl) {
        this.organisation = organisation;
        this.outbox = outbox;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Sends {@code title} and {@code text} (plain text, Chinese) to the officers of every unit; {@code path} is the page to open. */
    public void announce(Collection<Unit> units, String title, String text, String path, String processDefinitionId) {
        for (Unit unit : units) {
            for (Person person : organisation.people(unit.key(), List.of(Role.OFFICER))) {
                if (person.email() == null || person.email().isBlank()) {
                    continue;
                }
                Map<String, Object> variables = new HashMap<>();
                variables.put("recipientName", person.displayName());
                variables.put("unitName", unit.name());
                variables.put("title", title);
                variables.put("text", text);
                variables.put("link", baseUrl + path);
                outbox.enqueue(MailKind.UNIT_NOTICE, List.of(person.email()), List.of(), variables, null, processDefinitionId);
            }
        }
    }
}
