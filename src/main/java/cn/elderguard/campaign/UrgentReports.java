package cn.elderguard.campaign;

import java.util.List;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.elderguard.organisation.Unit;
import cn.elderguard.system.UnprocessableException;

/**
 * An urgent report reaches the campaign's process (docs/campaigns.md, "Duties"): its message starts the urgent-report
 * event subprocess, whose tasks go to the campaign office and to the 处非办 one level up. Runs in the transaction that
 * stored the report, so a failed correlation leaves no report and a failed insert no tasks.
 */
@Component
class UrgentReports {

    private final CampaignEngine engine;

    UrgentReports(CampaignEngine engine) {
        this.engine = engine;
    }

    /** 422 (and nothing stored) when the campaign's process does not wait for urgent reports: not started, or over. */
    @Transactional(propagation = Propagation.MANDATORY)
    void send(Campaign campaign, Unit unit, long reportId, String title, String body) {
        try {
            engine.reportUrgent(campaign, reportId, text(unit, title, body));
        } catch (MismatchingMessageCorrelationException e) {
            throw new NotReceivingException();
        }
    }

    /** 422: no process instance of the campaign takes urgent reports now. */
    static final class NotReceivingException extends UnprocessableException {

        NotReceivingException() {
            super("campaign process takes no urgent report", "无法报送紧急情况",
                "该专项行动的流程当前不接收紧急情况报告，请直接电话报告专项办，并联系系统管理员", List.of());
        }
    }

    /** What the office's task shows: who reports, the title, the text. */
    static String text(Unit unit, String title, String body) {
        return unit.name() + "：" + title + "\n" + body;
    }
}
