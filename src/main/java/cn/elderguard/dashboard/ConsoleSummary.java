package cn.elderguard.dashboard;

import java.util.List;
import java.util.function.ToIntFunction;

import org.springframework.stereotype.Service;

import cn.elderguard.system.Now;

/**
 * What the console's summary PDF holds (docs/console.md, "Summary (PDF)"): the risk ledger's colours and lists, the
 * first key leads, and the unit assessment of the period with its totals (tasks due, on time, late, overdue, escalation
 * steps) and its first and last units.
 */
@Service
class ConsoleSummary {

    static final int KEY_LEADS = 50;
    static final int ENDS = 10;

    private final RiskLedgerView risk;
    private final ConsoleAssessment assessment;

    ConsoleSummary(RiskLedgerView risk, ConsoleAssessment assessment) {
        this.risk = risk;
        this.assessment = assessment;
    }

    /** The assessment's figures added up over every assessed unit of the scope. */
    record Totals(int units, int tasksDue, int tasksOnTime, int tasksLate, int tasksOverdue, int escalations, int dutiesDue,
                  int dutiesMissing) {
    }

    record Content(String title, String region, String regionName, String agencyLabel, ConsoleAssessment.Period period,
                   String generatedAt, Totals totals, RiskLedgerView.Summary risk, LedgerPage<RiskLedgerView.KeyLead> keyLeads,
                   List<ConsoleAssessment.UnitRow> first, List<ConsoleAssessment.UnitRow> last) {

        String fileName() {
            return regionName + "督办汇总" + period.from() + "至" + period.to() + ".pdf";
        }
    }

    Content of(ConsoleScope scope, ConsoleAssessment.Period period) {
        RiskLedgerView.Summary colours = risk.summary(scope);
        List<ConsoleAssessment.UnitRow> ranked = assessment.ranked(scope, period);
        Totals totals = new Totals(ranked.size(), sum(ranked, ConsoleAssessment.UnitRow::tasksDue),
            sum(ranked, ConsoleAssessment.UnitRow::tasksOnTime), sum(ranked, ConsoleAssessment.UnitRow::tasksLate),
            sum(ranked, ConsoleAssessment.UnitRow::tasksOverdue), sum(ranked, ConsoleAssessment.UnitRow::escalations),
            sum(ranked, ConsoleAssessment.UnitRow::dutiesDue), sum(ranked, ConsoleAssessment.UnitRow::dutiesMissing));
        List<ConsoleAssessment.UnitRow> first = List.copyOf(ranked.subList(0, Math.min(ENDS, ranked.size())));
        List<ConsoleAssessment.UnitRow> last = List.copyOf(ranked.subList(Math.max(0, ranked.size() - ENDS), ranked.size()));
        return new Content(colours.regionName() + "养老领域防范非法集资督办汇总", colours.region(), colours.regionName(), colours.agencyLabel(),
            period, ConsoleLabels.minute(Now.instant()), totals, colours, risk.keyLeads(scope, 0, KEY_LEADS), first, last);
    }

    private static int sum(List<ConsoleAssessment.UnitRow> rows, ToIntFunction<ConsoleAssessment.UnitRow> figure) {
        return rows.stream().mapToInt(figure).sum();
    }
}
