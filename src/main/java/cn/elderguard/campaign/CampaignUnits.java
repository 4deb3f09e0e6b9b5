package cn.elderguard.campaign;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.engine.Variables;
import cn.elderguard.organisation.Unit;

/**
 * The per-unit and per-month multi-instance subprocesses of bpmn/Campaign.bpmn count instances, not lists: the units
 * stay in EG_CAMPAIGN_UNIT (5,000 of them would be a large variable) and each instance finds its own by its loop counter.
 */
final class CampaignUnits {

    /** The engine's own loop variable of a multi-instance activity. */
    static final String LOOP_COUNTER = "loopCounter";

    private CampaignUnits() {
    }

    /** Start listener of each unit's duty: the unit's agency and jurisdiction route its tasks (docs/campaigns.md). */
    @ModelBean(CampaignProcess.BEAN_ASSIGN_CAMPAIGN_UNIT)
    static class AssignCampaignUnit implements ExecutionListener {

        private final CampaignRepository campaigns;

        AssignCampaignUnit(CampaignRepository campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void notify(DelegateExecution execution) {
            long campaignId = CampaignProcess.campaignId(execution);
            int ordinal = Variables.integer(execution, LOOP_COUNTER);
            Unit unit = campaigns.unit(campaignId, ordinal)
                .orElseThrow(() -> new IllegalStateException("专项行动 " + campaignId + " 没有第 " + ordinal + " 个参加单位"));
            execution.setVariableLocal(CampaignProcess.VAR_UNIT_AGENCY, unit.agency().name());
            execution.setVariableLocal(CampaignProcess.VAR_UNIT_JURISDICTION, unit.region().value());
            execution.setVariableLocal(CampaignProcess.VAR_UNIT_NAME, unit.name());
        }
    }

    /** Start listener of each month's round: which month it is, when its reports open and fall due. */
    @ModelBean(CampaignProcess.BEAN_SCHEDULE_REPORT_ROUND)
    static class ScheduleReportRound implements ExecutionListener {

        private final CampaignRepository campaigns;

        ScheduleReportRound(CampaignRepository campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void notify(DelegateExecution execution) {
            Campaign campaign = campaigns.find(CampaignProcess.campaignId(execution)).orElseThrow();
            List<CampaignPhase> phases = campaigns.phases(campaign.id());
            ReportCalendar.Round round = ReportCalendar.rounds(campaign.launchedAt(), phases.get(phases.size() - 1).endsOn())
                .get(Variables.integer(execution, LOOP_COUNTER));
            execution.setVariableLocal(CampaignProcess.VAR_REPORT_PERIOD, round.period());
            execution.setVariableLocal(CampaignProcess.VAR_REPORT_OPENS_AT, Date.from(round.opensAt()));
            execution.setVariableLocal(CampaignProcess.VAR_REPORT_DUE_AT, Date.from(round.dueAt()));
        }
    }

    /** Task_OpenReportRound: a month opens only while the campaign runs; after its last phase ended early, none. */
    @ModelBean(CampaignProcess.BEAN_OPEN_REPORT_ROUND)
    static class OpenReportRound implements JavaDelegate {

        private final CampaignRepository campaigns;

        OpenReportRound(CampaignRepository campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Campaign campaign = campaigns.find(CampaignProcess.campaignId(execution)).orElseThrow();
            execution.setVariable(CampaignProcess.VAR_ROUND_OPEN, campaign.status() == Campaign.Status.RUNNING);
        }
    }
}
