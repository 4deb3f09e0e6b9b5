package cn.elderguard.campaign;

import java.time.Instant;
import java.time.LocalDate;

import cn.elderguard.organisation.RegionCode;

/** A campaign (专项行动, docs/campaigns.md) as stored in EG_CAMPAIGN. */
public record Campaign(long id, String name, RegionCode ownerRegion, String template, LocalDate planDueOn,
                       LocalDate unitSummaryDueOn, LocalDate summaryDueOn, Integer currentPhase, Status status,
                       int unitCount, String processInstanceId, String launchedBy, Instant launchedAt, Instant endedAt) {

    public enum Status {
        /** Launched; its phases run. */
        RUNNING,
        /** The last phase has ended; the summary may still be being written. */
        ENDED
    }

    /** The process business key: not a number, so no case-keyed code takes it for a case id. */
    public String businessKey() {
        return businessKey(id);
    }

    public static String businessKey(long campaignId) {
        return KEY_PREFIX + campaignId;
    }

    static final String KEY_PREFIX = "campaign-";
}
