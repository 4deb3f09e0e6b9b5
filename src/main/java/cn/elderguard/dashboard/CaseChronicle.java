package cn.elderguard.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.elderguard.deadline.CaseEscalations;
import cn.elderguard.lead.CaseDossier;
import cn.elderguard.lead.CaseDossiers;
import cn.elderguard.lead.CaseRatings;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;

/**
 * A case's timeline (docs/console.md, "Case timeline"): its leads, ratings with their explanations, the lines of its
 * ledger (completed tasks, measures, refund tranches, hand-overs and receipts, reports upward, close-out) and the
 * reminders and escalation steps of its tasks with who was notified, oldest first. The case file
 * ({@link CaseDossiers}) decides who may read it (404 otherwise) and supplies leads, ratings and ledger; a lead's
 * tipster is never part of it — only the submitting account and its unit.
 */
@Service
public class CaseChronicle {

    static final String LEAD = "LEAD";
    static final String RATING = "RATING";
    static final String REFUND = "REFUND";
    static final String REMINDER = "REMINDER";
    static final String ESCALATION = "ESCALATION";

    private static final Pattern CODE_IN_FRONT = Pattern.compile("^[A-Z][A-Z0-9_]+[：: ]\\s*");
    private static final Pattern REGION_BEHIND = Pattern.compile("\\s+[0-9]{12}$");

    private final CaseDossiers dossiers;
    private final CaseEscalations escalations;
    private final OrganisationRepository organisation;

    CaseChronicle(CaseDossiers dossiers, CaseEscalations escalations, OrganisationRepository organisation) {
        this.dossiers = dossiers;
        this.escalations = escalations;
        this.organisation = organisation;
    }

    public List<Item> of(long caseId) {
        CaseDossier dossier = dossiers.of(caseId);
        List<Item> items = new ArrayList<>();
        dossier.leads().forEach(lead -> items.add(lead(lead)));
        // Each rating also wrote a RATED line to the ledger: the rating (with its priority) takes that line's place.
        Iterator<CaseRatings.Rating> ratings = dossier.ratings().iterator();
        for (CaseDossier.TimelineEntry entry : dossier.timeline()) {
            if (entry.event().kind() == CaseEvent.Kind.RATED && ratings.hasNext()) {
                items.add(rating(ratings.next()));
            } else {
                items.add(event(entry));
            }
        }
        ratings.forEachRemaining(rating -> items.add(rating(rating)));
        escalations.ofCase(caseId).forEach(step -> items.add(step(step)));
        // A stable sort: lines of one moment keep the order in which they were recorded.
        items.sort(Comparator.comparing(Item::at));
        return items;
    }

    private Item lead(CaseDossier.LeadEntry lead) {
        Optional<Person> submitter = Optional.ofNullable(lead.submittedBy()).flatMap(organisation::person);
        String detail = joined(lead.description(),
            lead.amountInvolvedYuan() == null ? null : "涉及金额 " + yuan(lead.amountInvolvedYuan()),
            lead.peopleInvolved() == null ? null : "涉及 " + lead.peopleInvolved() + " 人");
        // A public tip has no submitting person: its tipster is protected (docs/security.md) and never named here.
        return new Item(lead.receivedAt(), LEAD, "收到线索", "线索（" + lead.sourceLabel() + "）：" + lead.reportedInstitutionName(),
            submitter.map(Person::userId).orElse(null), submitter.map(Person::displayName).orElse("举报人（身份保密）"),
            submitter.map(this::unitName).orElse(null), detail, null);
    }

    private Item rating(CaseRatings.Rating rating) {
        return new Item(rating.ratedAt(), RATING, "风险评级", "风险等级：" + rating.riskLevel().label() + "色", null, "风险评级规则", null,
            joined(rating.reasons(), rating.priority() == null ? null : "优先级 " + rating.priority()), null);
    }

    private Item event(CaseDossier.TimelineEntry entry) {
        CaseEvent event = entry.event();
        boolean refund = event.kind() == CaseEvent.Kind.MEASURE && event.amountYuan() != null;
        Optional<Person> actor = Optional.ofNullable(event.actor()).flatMap(organisation::person);
        String detail = joined(refund ? "退赔 " + yuan(event.amountYuan()) : null,
            refund && event.people() != null ? event.people() + " 人" : null, event.notes());
        String unit = entry.unitName();
        if (unit == null && event.regionCode() != null) {
            unit = organisation.jurisdiction(RegionCode.of(event.regionCode())).map(Jurisdiction::name).orElse(null);
        }
        return new Item(event.occurredAt(), refund ? REFUND : event.kind().name(), refund ? "退赔兑付" : entry.kindLabel(),
            readable(event.title()), event.actor(), actor.map(Person::displayName).orElse(event.actor()), unit, detail, null);
    }

    private Item step(CaseEscalations.Step step) {
        String notifiedNames = step.notified().stream().map(CaseEscalations.Notified::name).collect(Collectors.joining("、"));
        String notified = step.notifiedGroupLabel() == null ? null
            : "已通知：" + step.notifiedGroupLabel() + (notifiedNames.isEmpty() ? "" : "（" + notifiedNames + "）");
        return new Item(step.recordedAt(), step.reminder() ? REMINDER : ESCALATION, step.reminder() ? "到期提醒" : "逾期督办",
            step.reminder() ? "到期提醒：" + step.taskName() : "逾期督办（第 " + step.step() + " 级）：" + step.taskName(),
            null, "办理时限自动督办", step.unitName(), notified, step.notified());
    }

    /**
     * A ledger title without the codes it carries for counting (a measure's or hand-over purpose's code in front, a
     * report's region code behind, docs/campaigns.md figures): pages show no codes.
     */
    static String readable(String title) {
        return title == null ? null : CODE_IN_FRONT.matcher(REGION_BEHIND.matcher(title).replaceFirst("")).replaceFirst("");
    }

    private String unitName(Person person) {
        return person.unit() == null ? null
            : organisation.unit(person.unit()).map(Unit::name).orElse(person.unit().agency().label());
    }

    private static String yuan(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString() + " 元";
    }

    private static String joined(String... parts) {
        String text = Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("；"));
        return text.isEmpty() ? null : text;
    }

    /**
     * One line of the timeline; {@code actor} is a user id (null for the system), {@code unit} the acting or owing
     * unit's name, {@code notified} the people a reminder or escalation went to (absent otherwise).
     */
    public record Item(Instant at, String kind, String kindLabel, String title, String actor, String actorName, String unit,
                       String detail, @JsonInclude(JsonInclude.Include.NON_NULL) List<CaseEscalations.Notified> notified) {
    }
}
