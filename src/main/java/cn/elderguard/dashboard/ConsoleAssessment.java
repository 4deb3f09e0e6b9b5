package cn.elderguard.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.elderguard.campaign.DutyPunctuality;
import cn.elderguard.deadline.UnitPunctuality;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.Now;

/**
 * The console's unit assessment (单位考核) over a period, by the rule of docs/assessment.md, "Console assessment":
 * every unit of the scope with work due or escalated in the period, its tasks (from {@code deadline}), its campaign
 * duties (from {@code campaign}) and escalation steps, each from one grouped query, and its score.
 */
@Service
class ConsoleAssessment {

    /** docs/assessment.md, "Console assessment", rule 2: punctuality's share of the score. */
    static final int PUNCTUALITY_POINTS = 80;
    /** Rule 3: the escalation share, less {@link #ESCALATION_DEDUCTION} per escalation step, not below 0. */
    static final int ESCALATION_POINTS = 20;
    static final int ESCALATION_DEDUCTION = 2;
    /** The longest period asked at once, so that one request stays one bounded range scan. */
    static final int MAX_PERIOD_DAYS = 366;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final UnitPunctuality punctuality;
    private final DutyPunctuality duties;
    private final OrganisationRepository organisation;

    ConsoleAssessment(UnitPunctuality punctuality, DutyPunctuality duties, OrganisationRepository organisation) {
        this.punctuality = punctuality;
        this.duties = duties;
        this.organisation = organisation;
    }

    /** The period's days, {@code from} to {@code to} inclusive, in the configured zone. */
    record Period(LocalDate from, LocalDate to) {

        Instant start() {
            return from.atStartOfDay(Now.zone()).toInstant();
        }

        /** The moment after the period: midnight after {@code to}. */
        Instant end() {
            return to.plusDays(1).atStartOfDay(Now.zone()).toInstant();
        }

        /** {@code from} and {@code to} as the request gave them (YYYY-MM-DD); by default the month so far. */
        static Period parse(String from, String to) {
            LocalDate today = Now.today();
            LocalDate end = blank(to) ? today : date("to", to);
            LocalDate start = blank(from) ? end.withDayOfMonth(1) : date("from", from);
            if (start.isAfter(end)) {
                throw new InvalidInputException("to", "结束日期不能早于开始日期 " + start);
            }
            if (start.plusDays(MAX_PERIOD_DAYS).isBefore(end)) {
                throw new InvalidInputException("to", "统计期间最长 " + MAX_PERIOD_DAYS + " 天，请缩短期间");
            }
            return new Period(start, end);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static LocalDate date(String field, String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "日期格式应为 YYYY-MM-DD，例如 2026-01-31");
            }
        }
    }

    /** One unit's row: what was counted, the points of each part and the score (0–100, one decimal). */
    record UnitRow(int rank, String agency, String agencyLabel, String region, String regionName, String unitName, int tasksDue,
                   int tasksOnTime, int tasksLate, int tasksOverdue, int tasksNotYetDue, int escalations, int dutiesDue,
                   int dutiesOnTime, int dutiesLate, int dutiesMissing, BigDecimal punctualityPoints, int escalationPoints,
                   BigDecimal score) {

        UnitRow ranked(int newRank) {
            return new UnitRow(newRank, agency, agencyLabel, region, regionName, unitName, tasksDue, tasksOnTime, tasksLate,
                tasksOverdue, tasksNotYetDue, escalations, dutiesDue, dutiesOnTime, dutiesLate, dutiesMissing, punctualityPoints,
                escalationPoints, score);
        }
    }

    /**
     * Every assessed unit of the scope, ranked: highest score first, then by unit name, jurisdiction and agency; equal
     * scores share a rank. Holds one row per unit with work in the period, never the work itself.
     */
    List<UnitRow> ranked(ConsoleScope scope, Period period) {
        Instant now = Now.instant();
        Map<UnitKey, UnitPunctuality.Tasks> tasks = punctuality.tasks(scope.first(), scope.last(), scope.agency(), period.start(),
            period.end(), now);
        Map<UnitKey, Integer> escalations = punctuality.escalations(scope.first(), scope.last(), scope.agency(), period.start(),
            period.end());
        Map<UnitKey, DutyPunctuality.Duties> owed = duties.byUnit(scope.first(), scope.last(), scope.agency(), period.start(),
            period.end(), now);
        Set<UnitKey> units = new HashSet<>(tasks.keySet());
        units.addAll(escalations.keySet());
        units.addAll(owed.keySet());
        List<UnitRow> rows = new ArrayList<>(units.size());
        for (UnitKey unit : units) {
            rows.add(score(unit, tasks.getOrDefault(unit, UnitPunctuality.Tasks.NONE), escalations.getOrDefault(unit, 0),
                owed.getOrDefault(unit, DutyPunctuality.Duties.NONE)));
        }
        rows.sort(Comparator.comparing(UnitRow::score).reversed().thenComparing(UnitRow::unitName)
            .thenComparing(UnitRow::region).thenComparing(UnitRow::agency));
        List<UnitRow> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            boolean tied = i > 0 && rows.get(i).score().compareTo(rows.get(i - 1).score()) == 0;
            ranked.add(rows.get(i).ranked(tied ? ranked.get(i - 1).rank() : i + 1));
        }
        return ranked;
    }

    LedgerPage<UnitRow> table(ConsoleScope scope, Period period, int page, int size) {
        LedgerPage.check(page, size);
        List<UnitRow> all = ranked(scope, period);
        int from = (int) Math.min(LedgerPage.offset(page, size), all.size());
        return new LedgerPage<>(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), page, size, all.size());
    }

    /** Rules 2–4 of "Console assessment" for one unit. */
    private UnitRow score(UnitKey key, UnitPunctuality.Tasks tasks, int escalationSteps, DutyPunctuality.Duties owed) {
        int counted = tasks.onTime() + tasks.late() + tasks.overdue() + owed.due();
        BigDecimal onTime = BigDecimal.valueOf(tasks.onTime() + owed.onTime());
        BigDecimal late = BigDecimal.valueOf(tasks.late() + owed.late());
        BigDecimal punctual = counted == 0 ? BigDecimal.valueOf(PUNCTUALITY_POINTS)
            : BigDecimal.valueOf(PUNCTUALITY_POINTS).multiply(onTime.add(HALF.multiply(late)))
                .divide(BigDecimal.valueOf(counted), 10, RoundingMode.HALF_UP);
        int escalationPoints = Math.max(0, ESCALATION_POINTS - ESCALATION_DEDUCTION * escalationSteps);
        BigDecimal score = punctual.add(BigDecimal.valueOf(escalationPoints)).max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
        String regionName = organisation.jurisdiction(key.region()).map(Jurisdiction::name).orElse(key.region().value());
        // Work recorded against a unit the organisation file no longer has keeps a name: its jurisdiction and agency.
        String unitName = organisation.unit(key).map(Unit::name).orElse(regionName + key.agency().label());
        return new UnitRow(0, key.agency().name(), key.agency().label(), key.region().value(), regionName, unitName, tasks.due(),
            tasks.onTime(), tasks.late(), tasks.overdue(), tasks.notYetDue(), escalationSteps, owed.due(), owed.onTime(), owed.late(),
            owed.missing(), punctual.setScale(1, RoundingMode.HALF_UP), escalationPoints, score);
    }
}
