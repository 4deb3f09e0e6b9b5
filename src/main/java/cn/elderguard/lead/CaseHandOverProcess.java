package cn.elderguard.lead;

/**
 * The {@code CaseHandOver} process (bpmn/CaseHandOver.bpmn), called by LeadDisposal for every transfer of a case
 * between agencies: its key, element ids, form ids, variables and beans, so that no id is typed twice (ModelContractTest keeps them
 * in step with the model). It lives beside the case it hands over; the delegates it calls are in disposal.
 */
public final class CaseHandOverProcess {

    public static final String KEY = "CaseHandOver";

    /** 移交已发起 */
    public static final String START_EVENT_HAND_OVER_STARTED = "StartEvent_HandOverStarted";
    /** 登记移交 */
    public static final String TASK_RECORD_HAND_OVER = "Task_RecordHandOver";
    /** 签收移交（回执） */
    public static final String TASK_CONFIRM_RECEIPT = "Task_ConfirmReceipt";
    /** 登记签收 */
    public static final String TASK_RECORD_RECEIPT = "Task_RecordReceipt";
    /** 移交已签收 */
    public static final String END_EVENT_HAND_OVER_RECEIVED = "EndEvent_HandOverReceived";

    public static final String SEQUENCE_FLOW_TO_RECORD_HAND_OVER = "SequenceFlow_ToRecordHandOver";
    public static final String SEQUENCE_FLOW_TO_CONFIRM_RECEIPT = "SequenceFlow_ToConfirmReceipt";
    public static final String SEQUENCE_FLOW_TO_RECORD_RECEIPT = "SequenceFlow_ToRecordReceipt";
    public static final String SEQUENCE_FLOW_TO_HAND_OVER_RECEIVED = "SequenceFlow_ToHandOverReceived";

    /** Form ids (forms/*.form, the form's "id"), bound with binding "deployment". */
    public static final String FORM_CONFIRM_RECEIPT = "ConfirmReceipt";

    // ---- Variables and beans (issue 13); jurisdiction, responsibleAgency, institutionName and notes come from
    // ---- LeadDisposal, named in engine/CaseProcessNames.

    /** The organisation/Agency the case goes to, set by the calling call activity. */
    public static final String VAR_TO_AGENCY = "toAgency";
    /** Why it goes there (e.g. TRANSFER_TO_POLICE), set by the calling call activity. */
    public static final String VAR_HAND_OVER_PURPOSE = "handOverPurpose";

    /**
     * The values of {@link #VAR_HAND_OVER_PURPOSE} the LeadDisposal call activities pass; each hand-over's timeline line
     * starts with it (ledger/CaseEvent#handOverTitle), which is how the campaign figures count transfers to the police.
     */
    public enum Purpose {
        /** Task_TransferToPolice: 移送公安机关. */
        TRANSFER_TO_POLICE,
        /** To social-organisation registration, for an unregistered social organisation. */
        SOCIAL_ORG_DISPOSAL,
        /** To market regulation, to investigate and ban an unregistered enterprise. */
        INVESTIGATE_AND_BAN
    }

    public static final String BEAN_RECORD_HAND_OVER = "recordHandOver";
    public static final String BEAN_RECORD_RECEIPT = "recordReceipt";

    private CaseHandOverProcess() {
    }
}
