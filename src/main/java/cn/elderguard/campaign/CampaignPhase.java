package cn.elderguard.campaign;

import java.time.Instant;
import java.time.LocalDate;

/** One phase of a campaign (EG_CAMPAIGN_PHASE): its label and dates are the campaign's, not code (docs/domain.md §2). */
public record CampaignPhase(int phaseNo, String code, String label, LocalDate startsOn, LocalDate endsOn,
                            Instant startedAt, Instant endedAt, String closedEarlyBy) {
}
