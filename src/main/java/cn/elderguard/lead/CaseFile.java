package cn.elderguard.lead;

import java.time.Instant;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;

/**
 * A case (案件): the leads about one institution, disposed of by one {@code LeadDisposal} process whose
 * business key is the case id. At most one case per institution is open. {@code unregisteredVenue}: rated as a
 * venue operating without registration (null before the first rating); {@code currentMeasure} and
 * {@code currentMeasureName}: the measure most recently begun, e.g. {@code REFUND_ORDER} 责令退还资金
 * (docs/decisions/018).
 */
public record CaseFile(long id, long institutionId, RegionCode jurisdiction, Agency responsibleAgency, Status status,
                       String processInstanceId, Instant openedAt, Boolean unregisteredVenue, String currentMeasure,
                       String currentMeasureName) {

    public enum Status { OPEN, CLOSED }

    /** The process business key. */
    public String businessKey() {
        return Long.toString(id);
    }
}
