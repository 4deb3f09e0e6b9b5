package cn.elderguard.lead;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.elderguard.institution.Institution;
import cn.elderguard.institution.InstitutionRepository;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingException;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;

/**
 * Assembles a case's 案卷 (docs/case-file.md) for whoever may read the case ({@link CaseAccess}); 404 otherwise. The
 * institution's record is part of the case file even for readers outside the registry's scope: reading the case is
 * what entitles them to it. Ratings and priority come from the rating capability through {@link CaseRatings} and
 * {@link CasePriority}, which lead declares and rating implements (docs/architecture.md).
 */
@Service
public class CaseDossiers {

    private static final Map<CaseEvent.Kind, String> KIND_LABELS = Map.of(CaseEvent.Kind.TASK_COMPLETED, "办结任务",
        CaseEvent.Kind.MEASURE, "处置措施", CaseEvent.Kind.RATED, "风险评级", CaseEvent.Kind.HANDED_OVER, "移交",
        CaseEvent.Kind.RECEIVED, "签收回执", CaseEvent.Kind.REPORTED_UPWARD, "上报", CaseEvent.Kind.CLOSED, "销号",
        CaseEvent.Kind.MIGRATED, "流程版本迁移", CaseEvent.Kind.ATTACHED, "上传附件");
    private static final Set<CaseEvent.Kind> HAND_OVER_KINDS = Set.of(CaseEvent.Kind.HANDED_OVER, CaseEvent.Kind.RECEIVED);

    private final CaseAccess access;
    private final LeadRepository leads;
    private final TipsterDirectory tipsters;
    private final InstitutionRepository institutions;
    private final OrganisationRepository organisation;
    private final RoutingService routing;
    private final CaseRatings ratings;
    private final CasePriority priority;
    private final CaseTimeline timeline;

    CaseDossiers(CaseAccess access, LeadRepository leads, TipsterDirectory tipsters, InstitutionRepository institutions,
                 OrganisationRepository organisation, RoutingService routing, CaseRatings ratings, CasePriority priority,
                 CaseTimeline timeline) {
        this.access = access;
        this.leads = leads;
        this.tipsters = tipsters;
        this.institutions = institutions;
        this.organisation = organisation;
        this.routing = routing;
        this.ratings = ratings;
        this.priority = priority;
        this.timeline = timeline;
    }

    public CaseDossier of(long caseId) {
        CaseFile caseFile = access.readable(caseId);
        boolean showTipsters = tipsters.handles(caseFile);
        List<CaseRatings.Rating> rated = ratings.of(caseId);
        CaseRatings.Rating latest = rated.isEmpty() ? null : rated.get(rated.size() - 1);
        CaseDossier.Summary summary = new CaseDossier.Summary(caseFile, name(caseFile.jurisdiction()),
            caseFile.responsibleAgency().label(), unitName(caseFile),
            caseFile.status() == CaseFile.Status.OPEN ? "办理中" : "已销号",
            latest == null ? null : latest.riskLevel().name(), latest == null ? null : latest.riskLevel().label() + "色");
        Institution institution = institutions.byId(caseFile.institutionId()).orElseThrow();
        CaseDossier.InstitutionRecord record = new CaseDossier.InstitutionRecord(institution,
            institution.ownership() == null ? null : institution.ownership().label(),
            institution.legalForm() == null ? null : institution.legalForm().label(),
            organisation.sectors().stream().filter(s -> s.code().equals(institution.sector())).map(OrganisationRepository.Sector::name)
                .findFirst().orElse(institution.sector()),
            name(institution.jurisdiction()));
        List<CaseDossier.LeadEntry> entries = leads.byCase(caseId).stream().map(lead -> new CaseDossier.LeadEntry(lead.id(),
            lead.source(), lead.source().label(), lead.submittedBy(), lead.reportedInstitutionName(), lead.reportedAddress(),
            lead.jurisdiction().value(), name(lead.jurisdiction()), lead.description(), lead.amountInvolvedYuan(), lead.peopleInvolved(),
            lead.observedOn(), lead.receivedAt(), lead.status(), lead.status().label(), lead.feedback(),
            showTipsters ? leads.tipster(lead.id()).orElse(new LeadSubmission.TipsterContact(null, null, null)) : null)).toList();
        List<CaseDossier.TimelineEntry> events = timeline.of(caseId).stream()
            .map(e -> new CaseDossier.TimelineEntry(e, KIND_LABELS.get(e.kind()), unitName(e))).toList();
        return new CaseDossier(summary, record, entries, rated, priority.of(caseFile).orElse(null), events,
            events.stream().filter(e -> HAND_OVER_KINDS.contains(e.event().kind())).toList());
    }

    private String name(RegionCode region) {
        return region == null ? null : organisation.jurisdiction(region).map(Jurisdiction::name).orElse(region.value());
    }

    private String unitName(CaseEvent event) {
        if (event.agency() == null || event.regionCode() == null) {
            return null;
        }
        try {
            Agency agency = Agency.valueOf(event.agency());
            return organisation.unit(new UnitKey(agency, RegionCode.of(event.regionCode()))).map(Unit::name).orElse(agency.label());
        } catch (IllegalArgumentException e) {
            return event.agency();
        }
    }

    private String unitName(CaseFile caseFile) {
        try {
            return routing.route(caseFile.responsibleAgency(), caseFile.jurisdiction()).name();
        } catch (RoutingException e) {
            // A unit missing from the organisation file must not hide the case file; the agency's label remains.
            return null;
        }
    }
}
