package cn.elderguard.campaign;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.notification.UnitNotices;

/**
 * 提醒信息报送不足两篇的单位 (Task_RemindInfoReportLaggards, before the last phase ends): a notice to the officers of every
 * participating unit with fewer than {@value InformationReports#MINIMUM} information reports (docs/domain.md §2.4),
 * saying how many it has sent. Reads the units a page at a time.
 */
@ModelBean(CampaignProcess.BEAN_REMIND_INFO_REPORT_LAGGARDS)
class RemindInfoReportLaggards implements JavaDelegate {

    static final int PAGE = 500;

    private final CampaignRepository campaigns;
    private final UnitRecordRepository records;
    private final UnitNotices notices;

    RemindInfoReportLaggards(CampaignRepository campaigns, UnitRecordRepository records, UnitNotices notices) {
        this.campaigns = campaigns;
        this.records = records;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remind(CampaignProcess.campaignId(execution), execution.getProcessDefinitionId());
    }

    /** Queues the notices (inside an engine command, as every mail); how many units were reminded. */
    int remind(long campaignId, String processDefinitionId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow();
        String title = "请报送工作动态信息：" + campaign.name();
        String path = "/app/campaigns.html?id=" + campaignId;
        int reminded = 0;
        int after = -1;
        while (true) {
            List<UnitRecordRepository.Laggard> laggards = records.laggards(campaignId, InformationReports.MINIMUM, after, PAGE);
            for (UnitRecordRepository.Laggard laggard : laggards) {
                notices.announce(List.of(laggard.unit()), title, text(campaign, laggard.infoReports()), path, processDefinitionId);
                reminded++;
            }
            if (laggards.size() < PAGE) {
                return reminded;
            }
            after = laggards.get(laggards.size() - 1).ordinal();
        }
    }

    static String text(Campaign campaign, int infoReports) {
        return "截至目前本单位在“" + campaign.name() + "”中报送工作动态信息 " + infoReports + " 篇，不足 " + InformationReports.MINIMUM
            + " 篇，请在本阶段结束前报送（内容包括亮点工作及成效、突出风险及处置措施、典型案例、问题和困难、意见建议）。";
    }
}
