package cn.elderguard.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.elderguard.deadline.CaseDueDates;
import cn.elderguard.lead.CaseFile;
import cn.elderguard.lead.CaseList;
import cn.elderguard.lead.RiskLedger;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.ledger.MeasuresTaken;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Role;
import cn.elderguard.organisation.RoutingException;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.system.Now;

/**
 * The risk ledger of docs/console.md: colours and lists of a scope's cases, its cases by list and colour, and the
 * key-lead ledger (重点线索台账, docs/domain.md §6.13) with who is responsible (整改责任), the measures (整改措施) and
 * when the open work is due (时间安排). The cases come from {@code lead}, the measures from {@code ledger}, the due
 * dates from {@code deadline}: one query each per page.
 */
@Service
class RiskLedgerView {

    /** Rows read per query while an export streams a whole list. */
    static final int EXPORT_BATCH = 500;
    static final String UNRATED = "UNRATED";

    private final RiskLedger ledger;
    private final MeasuresTaken measures;
    private final CaseDueDates dueDates;
    private final OrganisationRepository organisation;
    private final RoutingService routing;

    RiskLedgerView(RiskLedger ledger, MeasuresTaken measures, CaseDueDates dueDates, OrganisationRepository organisation,
                   RoutingService routing) {
        this.ledger = ledger;
        this.measures = measures;
        this.dueDates = dueDates;
        this.organisation = organisation;
        this.routing = routing;
    }

    record Summary(String region, String regionName, String agency, String agencyLabel, Map<String, Long> totals,
                   List<Map<String, Object>> byJurisdiction, Map<String, Long> lists) {
    }

    record CaseItem(long caseId, String institutionName, String region, String regionName, String responsibleAgency,
                    String responsibleAgencyLabel, String riskLevel, Integer priority, String caseList, String status,
                    Instant openedAt, Instant closedAt, String currentMeasureName) {
    }

    record Measure(String name, Instant at, boolean underWay) {
    }

    record KeyLead(long caseId, String institutionName, String region, String regionName, String riskLevel, Integer priority,
                   String owner, String ownerLeader, List<Measure> measures, Instant dueAt, boolean overdue) {
    }

    static RiskLedger.Scope of(ConsoleScope scope) {
        return new RiskLedger.Scope(scope.first(), scope.last(), scope.agency(), scope.unit());
    }

    /**
     * Open cases by colour for the root's direct children (and a row for the root itself when cases lie on it), every
     * case by list; a unit's scope groups the cases it worked on below its own jurisdiction the same way.
     */
    Summary summary(ConsoleScope scope) {
        RegionCode root = scope.region();
        JurisdictionLevel level = root.level();
        boolean children = (scope.wholeSubtree() || scope.unit() != null) && level != JurisdictionLevel.VILLAGE;
        int digits = children ? JurisdictionLevel.values()[level.ordinal() + 1].significantDigits() : 12;
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        if (children) {
            for (Jurisdiction child : organisation.children(root)) {
                rows.put(child.code().value().substring(0, digits), row(child.code().value(), child.name()));
            }
        }
        Map<String, Long> totals = colours();
        Map<String, Long> lists = new LinkedHashMap<>();
        for (CaseList list : CaseList.values()) {
            lists.put(list.name(), 0L);
        }
        for (RiskLedger.Tally tally : ledger.tallies(of(scope), digits)) {
            lists.merge(tally.caseList(), tally.count(), Long::sum);
            if (!CaseFile.Status.OPEN.name().equals(tally.status())) {
                continue;
            }
            String colour = tally.riskLevel() == null ? UNRATED : tally.riskLevel();
            totals.merge(colour, tally.count(), Long::sum);
            Map<String, Object> row = rows.computeIfAbsent(tally.prefix(), prefix -> jurisdictionRow(prefix, root, digits));
            row.merge(colour, tally.count(), (a, b) -> (Long) a + (Long) b);
        }
        List<Map<String, Object>> byJurisdiction = new ArrayList<>(rows.values());
        byJurisdiction.sort((a, b) -> ((String) a.get("region")).compareTo((String) b.get("region")));
        return new Summary(root.value(), regionName(root.value()), scope.agencyName(), scope.agency() == null ? null : scope.agency().label(),
            totals, byJurisdiction, lists);
    }

    /** A row for cases whose codes start with {@code prefix}: a child jurisdiction, or the root itself. */
    private Map<String, Object> jurisdictionRow(String prefix, RegionCode root, int digits) {
        String code = (prefix + "000000000000").substring(0, 12);
        // Cases on the root itself (a county's own cases) have a prefix whose child digits are zero.
        if (digits < 12 && code.equals(root.value())) {
            return row(code, regionName(code) + "（本级）");
        }
        return row(code, regionName(code));
    }

    private static Map<String, Object> row(String region, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("region", region);
        row.put("name", name);
        row.putAll(colours());
        return row;
    }

    private static Map<String, Long> colours() {
        Map<String, Long> colours = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            colours.put(level.name(), 0L);
        }
        colours.put(UNRATED, 0L);
        return colours;
    }

    LedgerPage<CaseItem> cases(ConsoleScope scope, CaseList list, RiskLevel level, int page, int size) {
        LedgerPage.check(page, size);
        RiskLedger.Scope cases = of(scope);
        List<CaseItem> items = caseItems(ledger.page(cases, list, level, LedgerPage.offset(page, size), size));
        return new LedgerPage<>(items, page, size, ledger.count(cases, list, level));
    }

    /** Every case of the filtered list, in the list's order, a batch at a time from where the last ended (for the export). */
    void eachCase(ConsoleScope scope, CaseList list, RiskLevel level, Consumer<CaseItem> sink) {
        eachCase(scope, list, level, EXPORT_BATCH, sink);
    }

    void eachCase(ConsoleScope scope, CaseList list, RiskLevel level, int batchSize, Consumer<CaseItem> sink) {
        RiskLedger.Scope cases = of(scope);
        RiskLedger.LedgerCase last = null;
        while (true) {
            List<RiskLedger.LedgerCase> batch = ledger.pageAfter(cases, list, level, last, batchSize);
            caseItems(batch).forEach(sink);
            if (batch.size() < batchSize) {
                return;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    private List<CaseItem> caseItems(List<RiskLedger.LedgerCase> cases) {
        return cases.stream().map(c -> new CaseItem(c.id(), c.institutionName(), c.region(), regionName(c.region()),
            c.responsibleAgency(), agencyLabel(c.responsibleAgency()), c.riskLevel(), c.priority(), c.caseList(), c.status(),
            c.openedAt(), c.closedAt(), c.currentMeasureName())).toList();
    }

    LedgerPage<KeyLead> keyLeads(ConsoleScope scope, int page, int size) {
        LedgerPage.check(page, size);
        RiskLedger.Scope cases = of(scope);
        return new LedgerPage<>(keyLeadItems(ledger.keyLeads(cases, LedgerPage.offset(page, size), size)), page, size,
            ledger.countKeyLeads(cases));
    }

    void eachKeyLead(ConsoleScope scope, Consumer<KeyLead> sink) {
        eachKeyLead(scope, EXPORT_BATCH, sink);
    }

    void eachKeyLead(ConsoleScope scope, int batchSize, Consumer<KeyLead> sink) {
        RiskLedger.Scope cases = of(scope);
        RiskLedger.LedgerCase last = null;
        while (true) {
            List<RiskLedger.LedgerCase> batch = ledger.keyLeadsAfter(cases, last, batchSize);
            keyLeadItems(batch).forEach(sink);
            if (batch.size() < batchSize) {
                return;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    /** A page of key leads with their measures and due dates: one query for each, whatever the page's size. */
    private List<KeyLead> keyLeadItems(List<RiskLedger.LedgerCase> cases) {
        List<Long> ids = cases.stream().map(RiskLedger.LedgerCase::id).toList();
        Map<Long, List<MeasuresTaken.Taken>> taken = measures.of(ids);
        Map<Long, Instant> due = dueDates.earliestOpenDue(ids);
        Instant now = Now.instant();
        List<KeyLead> items = new ArrayList<>(cases.size());
        for (RiskLedger.LedgerCase c : cases) {
            List<Measure> caseMeasures = new ArrayList<>();
            for (MeasuresTaken.Taken measure : taken.getOrDefault(c.id(), List.of())) {
                caseMeasures.add(new Measure(measure.name(), measure.at(), false));
            }
            if (c.currentMeasureName() != null) {
                caseMeasures.add(new Measure(c.currentMeasureName(), null, true));
            }
            Unit owner = owner(c);
            Instant dueAt = due.get(c.id());
            items.add(new KeyLead(c.id(), c.institutionName(), c.region(), regionName(c.region()), c.riskLevel(), c.priority(),
                owner == null ? null : owner.name(), owner == null ? null : leaders(owner), List.copyOf(caseMeasures), dueAt,
                dueAt != null && dueAt.isBefore(now)));
        }
        return items;
    }

    /** 整改责任: the unit of the case's responsible agency that its work routes to (its own jurisdiction's or the nearest above). */
    private Unit owner(RiskLedger.LedgerCase c) {
        try {
            return routing.route(Agency.valueOf(c.responsibleAgency()), RegionCode.of(c.region()));
        } catch (RoutingException e) {
            return null;
        }
    }

    private String leaders(Unit unit) {
        String names = organisation.people(unit.key(), List.of(Role.UNIT_LEADER)).stream().map(Person::displayName)
            .collect(Collectors.joining("、"));
        return names.isEmpty() ? null : names;
    }

    /** The measures as one line (the export's cell): in order, the one under way marked. */
    static String measuresLine(List<Measure> measures) {
        return measures.stream().map(m -> m.underWay() ? m.name() + "（进行中）" : m.name()).collect(Collectors.joining("；"));
    }

    String regionName(String code) {
        return organisation.jurisdiction(RegionCode.of(code)).map(Jurisdiction::name).orElse(code);
    }

    static String agencyLabel(String agency) {
        try {
            return agency == null ? null : Agency.valueOf(agency).label();
        } catch (IllegalArgumentException e) {
            return agency;
        }
    }
}
