package cn.elderguard.notification;

/**
 * The {@code DailyDigest} process (bpmn/DailyDigest.bpmn), the timer that sends every unit leader a morning mail:
 * its key, element ids and the bean it names, so that no id is typed twice (ModelContractTest keeps them in step with the model).
 */
public final class DailyDigestProcess {

    public static final String KEY = "DailyDigest";

    /** 每日 8:00 */
    public static final String START_EVENT_EVERY_MORNING = "StartEvent_EveryMorning";
    /** 发送每日待办汇总 */
    public static final String TASK_SEND_DAILY_DIGESTS = "Task_SendDailyDigests";
    /** 汇总已发送 */
    public static final String END_EVENT_DIGESTS_SENT = "EndEvent_DigestsSent";

    public static final String SEQUENCE_FLOW_TO_SEND_DIGESTS = "SequenceFlow_ToSendDigests";
    public static final String SEQUENCE_FLOW_TO_DIGESTS_SENT = "SequenceFlow_ToDigestsSent";

    // ---- Beans (issue 13)

    public static final String BEAN_SEND_DAILY_DIGESTS = "sendDailyDigests";

    private DailyDigestProcess() {
    }
}
