package cn.elderguard.lead;

import org.springframework.stereotype.Service;

/**
 * What the sources of a case's leads are told (RULES §6): after verification and at close-out. Tipsters
 * read it with their tracking code; it never carries case internals, only status and this text.
 */
@Service
public class LeadFeedback {

    static final String DEFAULT_VERIFIED = "您反映的线索已核查，有关部门正在依法处置。";
    static final String DEFAULT_CLOSED = "您反映的线索已办结。感谢您对防范和处置非法集资工作的支持。";

    private final LeadRepository leads;

    LeadFeedback(LeadRepository leads) {
        this.leads = leads;
    }

    public void verified(long caseId, String feedback) {
        leads.updateStatusOfCase(caseId, LeadStatus.VERIFIED, feedback == null || feedback.isBlank() ? DEFAULT_VERIFIED : feedback);
    }

    public void closed(long caseId, String feedback) {
        leads.updateStatusOfCase(caseId, LeadStatus.CLOSED, feedback == null || feedback.isBlank() ? DEFAULT_CLOSED : feedback);
    }
}
