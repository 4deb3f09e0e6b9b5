package cn.elderguard.rating;

/**
 * The {@code LeadPriority} decision (bpmn/LeadPriority.dmn): its key and output, shared by code and tests. Its inputs
 * are variables of LeadDisposal (lead/LeadDisposalProcess); the model keeps the score as
 * {@code LeadDisposalProcess.VAR_CASE_PRIORITY}, which every task of the case takes as its priority.
 */
public final class LeadPriorityDecision {

    public static final String KEY = "LeadPriority";
    public static final String OUTPUT_SCORE = "score";

    private LeadPriorityDecision() {
    }
}
