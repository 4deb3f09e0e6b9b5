package cn.elderguard.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import cn.elderguard.lead.LeadSource;
import cn.elderguard.lead.RiskLevel;

/**
 * What the application knows of a campaign's or a unit's work over a window {@code [from, to)} (docs/campaigns.md,
 * "Figures and the summary report"): pre-filled into the monthly reports and the summary.
 *
 * @param from                the window's start (a campaign's launch)
 * @param to                  its end, exclusive (a campaign's end, or the moment the figures were taken)
 * @param institutions        摸排机构: registry entries in scope on the list before {@code to}
 * @param leadsBySource       线索 received in the window, per source (every source present)
 * @param leads               their total
 * @param casesByColour       the cases those leads joined, by current rating (every level present)
 * @param unratedCases        of those cases, the ones not rated yet
 * @param cases               all of those cases
 * @param casesClosed         cases in scope closed out (销号) in the window
 * @param refundYuan          refund tranches recorded in the window: amount (元)
 * @param refundPeople        and people refunded
 * @param policeTransfers     cases transferred to the police (移送公安) in the window
 * @param publicityActivities 宣传活动
 * @param peopleReached       their people reached (人次)
 * @param materialsHandedOut  their materials handed out (份)
 * @param pledges             承诺书 signed
 */
public record Figures(Instant from, Instant to, long institutions, Map<LeadSource, Long> leadsBySource, long leads,
                      Map<RiskLevel, Long> casesByColour, long unratedCases, long cases, long casesClosed, BigDecimal refundYuan,
                      long refundPeople, long policeTransfers, long publicityActivities, long peopleReached, long materialsHandedOut,
                      long pledges) {

    public Figures {
        leadsBySource = Collections.unmodifiableMap(copy(LeadSource.class, leadsBySource));
        casesByColour = Collections.unmodifiableMap(copy(RiskLevel.class, casesByColour));
    }

    private static <K extends Enum<K>> Map<K, Long> copy(Class<K> type, Map<K, Long> counts) {
        Map<K, Long> copy = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            copy.put(key, counts.getOrDefault(key, 0L));
        }
        return copy;
    }
}
