package cn.elderguard.disposal;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.elderguard.engine.ApplicationVariables;

/**
 * Process variables that the disposal delegates and the model's gateways share (forms set the rest). Those the
 * delegates set are declared to the deployment gate, so models may read them although no form has them.
 */
@Component
public final class DisposalVariables implements ApplicationVariables {

    public static final String REGISTERED = "registered";
    public static final String LEGAL_FORM = "legalForm";
    public static final String REGISTERED_ELSEWHERE = "registeredElsewhere";
    public static final String CROSS_REGION_NOTIFIED = "crossRegionNotified";
    public static final String CROSS_REGION_JURISDICTION = "crossRegionJurisdiction";
    /** Where the provincial 处非办's copy of a cross-region lead goes; null when that office co-investigates itself. */
    public static final String CROSS_REGION_COPY_JURISDICTION = "crossRegionCopyJurisdiction";
    /** What the copy says (shown in a disabled field of its form). */
    public static final String CROSS_REGION_NOTICE = "crossRegionNotice";
    public static final String RESIDENTS_HOUSED = "residentsHoused";
    public static final String PEOPLE_INVOLVED = "peopleInvolved";
    public static final String TIPSTER_FEEDBACK = "tipsterFeedback";
    public static final String REFUND_TARGET_YUAN = "refundTargetYuan";
    public static final String REFUND_TARGET_PEOPLE = "refundTargetPeople";
    public static final String REFUND_TARGET_REACHED = "refundTargetReached";
    public static final String TO_AGENCY = "toAgency";
    public static final String HAND_OVER_PURPOSE = "handOverPurpose";

    /** Set by the delegates of this package (RecordVerification, PrepareCrossRegion, TallyRefunds). */
    static final Set<String> SET_BY_DELEGATES = Set.of(REGISTERED, REGISTERED_ELSEWHERE, CROSS_REGION_NOTIFIED,
        CROSS_REGION_JURISDICTION, CROSS_REGION_COPY_JURISDICTION, CROSS_REGION_NOTICE, REFUND_TARGET_REACHED);

    DisposalVariables() {
    }

    @Override
    public Set<String> setByApplication() {
        return SET_BY_DELEGATES;
    }
}
