package cn.elderguard.campaign;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** The campaign's calls into the engine, in one place (so that a move to another engine is a change here). */
@Component
class CampaignEngine {

    private final RuntimeService runtime;

    CampaignEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    ProcessInstance start(Campaign campaign, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(CampaignProcess.KEY, campaign.businessKey(), variables);
    }

    /** Ends the phase under way now: the model's event-based gateway is waiting for this message. */
    void closePhase(Campaign campaign) {
        runtime.createMessageCorrelation(CampaignProcess.MESSAGE_CLOSE_PHASE).processInstanceBusinessKey(campaign.businessKey()).correlate();
    }

    /** Hands an urgent report to the office and the 处非办 above, as a new run of the model's urgent-report event subprocess. */
    void reportUrgent(Campaign campaign, long reportId, String text) {
        // Local to this run of the event subprocess, so reports handled side by side keep their own text and notes.
        Map<String, Object> local = new java.util.HashMap<>();
        local.put(CampaignProcess.VAR_URGENT_REPORT_ID, reportId);
        local.put(CampaignProcess.VAR_URGENT_REPORT_TEXT, text);
        local.put(CampaignProcess.VAR_HANDLING_NOTES, null);
        runtime.createMessageCorrelation(CampaignProcess.MESSAGE_URGENT_REPORT).processInstanceBusinessKey(campaign.businessKey())
            .setVariablesLocal(local).correlateWithResult();
    }
}
