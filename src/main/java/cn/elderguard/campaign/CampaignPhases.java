package cn.elderguard.campaign;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.notification.UnitNotices;
import cn.elderguard.organisation.Unit;
import cn.elderguard.system.Now;

/**
 * Phase changes (docs/campaigns.md, "Phases"): each start and end is recorded and announced to every participating
 * unit. The process waits for the dates; the office may end a phase early ({@link CampaignService#closePhase}), and then
 * the next phase starts at once instead of on its planned date.
 */
@Component
class CampaignPhases {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int PAGE = 1000;

    private final CampaignRepository campaigns;
    private final UnitNotices notices;

    CampaignPhases(CampaignRepository campaigns, UnitNotices notices) {
        this.campaigns = campaigns;
        this.notices = notices;
    }

    /** Task_StartPhase: the phase {@code phaseNo} starts now. */
    void start(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        List<CampaignPhase> phases = campaigns.phases(campaign.id());
        CampaignPhase phase = phases.get(CampaignProcess.phaseNo(execution));
        campaigns.phaseStarted(campaign.id(), phase.phaseNo(), Now.instant());
        execution.setVariable(CampaignProcess.VAR_PHASE_LABEL, phase.label());
        execution.setVariable(CampaignProcess.VAR_PHASE_ENDS_AT, Date.from(ReportCalendar.endOf(phase.endsOn())));
        execution.setVariable(CampaignProcess.VAR_LAST_PHASE, phase.phaseNo() == phases.size() - 1);
        announce(campaign, execution, "专项行动「" + campaign.name() + "」进入" + phase.label() + "阶段",
            "专项行动「" + campaign.name() + "」自即日起进入第 " + (phase.phaseNo() + 1) + " 阶段「" + phase.label() + "」，至 "
                + DATE.format(phase.endsOn()) + " 结束。请按实施方案做好本阶段工作，按时报送月度工作进展和工作动态信息。");
    }

    /** Task_EndPhase: the phase under way ends (on its date, or closed early by the office, who is then on record). */
    void end(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        List<CampaignPhase> phases = campaigns.phases(campaign.id());
        CampaignPhase phase = phases.get(CampaignProcess.phaseNo(execution));
        Instant now = Now.instant();
        campaigns.phaseEnded(campaign.id(), phase.phaseNo(), now, null);
        boolean closedEarly = now.isBefore(ReportCalendar.endOf(phase.endsOn()));
        boolean more = phase.phaseNo() < phases.size() - 1;
        execution.setVariable(CampaignProcess.VAR_MORE_PHASES, more);
        if (more) {
            CampaignPhase next = phases.get(phase.phaseNo() + 1);
            Instant planned = ReportCalendar.startOf(next.startsOn());
            execution.setVariable(CampaignProcess.VAR_PHASE_NO, next.phaseNo());
            execution.setVariable(CampaignProcess.VAR_PHASE_STARTS_AT, Date.from(closedEarly && planned.isAfter(now) ? now : planned));
        } else {
            campaigns.ended(campaign.id(), now);
        }
        announce(campaign, execution, "专项行动「" + campaign.name() + "」" + phase.label() + "阶段结束",
            "专项行动「" + campaign.name() + "」第 " + (phase.phaseNo() + 1) + " 阶段「" + phase.label() + "」"
                + (closedEarly ? "已由专项办提前结束。" : "已于 " + DATE.format(phase.endsOn()) + " 结束。")
                + (more ? "下一阶段「" + phases.get(phase.phaseNo() + 1).label() + "」随即开始（另行通知）。" : "专项行动各阶段均已结束，请按期报送总结报告。"));
    }

    private void announce(Campaign campaign, DelegateExecution execution, String title, String text) {
        String path = "/app/campaigns.html?id=" + campaign.id();
        for (int offset = 0; offset < campaign.unitCount(); offset += PAGE) {
            List<Unit> units = campaigns.units(campaign.id(), offset, PAGE);
            notices.announce(units, title, text, path, execution.getProcessDefinitionId());
        }
    }

    private Campaign campaign(DelegateExecution execution) {
        return campaigns.find(CampaignProcess.campaignId(execution)).orElseThrow();
    }

    @ModelBean(CampaignProcess.BEAN_START_PHASE)
    static class StartPhase implements JavaDelegate {

        private final CampaignPhases phases;

        StartPhase(CampaignPhases phases) {
            this.phases = phases;
        }

        @Override
        public void execute(DelegateExecution execution) {
            phases.start(execution);
        }
    }

    @ModelBean(CampaignProcess.BEAN_END_PHASE)
    static class EndPhase implements JavaDelegate {

        private final CampaignPhases phases;

        EndPhase(CampaignPhases phases) {
            this.phases = phases;
        }

        @Override
        public void execute(DelegateExecution execution) {
            phases.end(execution);
        }
    }
}
