package cn.elderguard.lead;

import org.springframework.stereotype.Service;

/**
 * What the sources of a case's leads are told (docs/tracking.md): the status at once — 核查中 when an officer
 * takes up the verification, 已核查 when it is recorded, 已办结 at close-out — each with a fixed text. Free
 * text reaches them only as the unit leader approved it at sign-off (负责人审核销号), published at close-out.
 * Tipsters read it with their tracking code; it never carries case internals.
 */
@Service
public class LeadFeedback {

    static final String DEFAULT_VERIFYING = "有关部门正在核查您反映的线索，请耐心等待。";
    static final String DEFAULT_VERIFIED = "您反映的线索已核查，有关部门正在依法处置。";
    static final String DEFAULT_CLOSED = "您反映的线索已办结。感谢您对防范和处置非法集资工作的支持。";

    private final LeadRepository leads;

    LeadFeedback(LeadRepository leads) {
        this.leads = leads;
    }

    /** An officer has taken up the verification (again, when the lead is verified anew). */
    public void verifying(long caseId) {
        leads.updateStatusOfOpenCase(caseId, LeadStatus.VERIFYING, DEFAULT_VERIFYING);
    }

    /** The verification is recorded; what the officer proposed to tell the tipster waits for the leader. */
    public void verified(long caseId) {
        leads.updateStatusOfOpenCase(caseId, LeadStatus.VERIFIED, DEFAULT_VERIFIED);
    }

    /** The case is closed; {@code approvedFeedback} is the text its unit leader approved at sign-off, if any. */
    public void closed(long caseId, String approvedFeedback) {
        leads.updateStatusOfCase(caseId, LeadStatus.CLOSED,
            approvedFeedback == null || approvedFeedback.isBlank() ? DEFAULT_CLOSED : approvedFeedback.trim());
    }
}
