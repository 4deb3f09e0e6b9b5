package cn.elderguard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.support.ElderGuardTest;

/**
 * 提醒信息报送不足两篇的单位: the bean the model names queues one mail per officer of each unit with fewer than two
 * information reports (urgent reports do not count), saying how many it sent, and none for the units that sent enough.
 * Called as the engine calls it: inside an engine command (the model is not its subject).
 */
@ElderGuardTest
class RemindInfoReportLaggardsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RemindInfoReportLaggards reminder;

    @Test
    void onlyUnitsWithFewerThanTwoInformationReportsAreReminded() {
        CampaignRows rows = new CampaignRows(jdbc);
        long id = rows.hexiCampaign("信息提醒测试-" + UUID.randomUUID());
        rows.infoReports(id, 0, 2, ReportKind.INFO);
        rows.infoReports(id, 1, 3, ReportKind.INFO);
        rows.infoReports(id, 2, 1, ReportKind.INFO);
        rows.infoReports(id, 2, 4, ReportKind.URGENT);

        int reminded = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(context -> reminder.remind(id, null));

        assertThat(reminded).isEqualTo(2);
        List<Map<String, Object>> mails = jdbc.sql("SELECT KIND, RECIPIENTS, SUBJECT, BODY FROM EG_MAIL WHERE BODY LIKE ? ORDER BY ID")
            .param("%/app/campaigns.html?id=" + id + "%").query().listOfRows();
        assertThat(mails).extracting(mail -> mail.get("RECIPIENTS"))
            .as("the officers of 河西村 (1 report) and 柳树村 (none); not 民政办 (2) or 派出所 (3)")
            .containsExactly("hexicun_wgy@demo.elderguard.cn", "liushu_wgy@demo.elderguard.cn");
        assertThat(mails).allSatisfy(mail -> {
            assertThat(mail.get("KIND")).isEqualTo("UNIT_NOTICE");
            assertThat((String) mail.get("SUBJECT")).contains("请报送工作动态信息").contains("信息提醒测试-");
        });
        assertThat((String) mails.get(0).get("BODY")).contains("河西村网格员").contains("报送工作动态信息 1 篇，不足 2 篇，请在本阶段结束前报送");
        assertThat((String) mails.get(1).get("BODY")).contains("柳树村网格员").contains("报送工作动态信息 0 篇");
    }

    @Test
    void unitsAreReadAPageAtATime() {
        CampaignRows rows = new CampaignRows(jdbc);
        long id = rows.hexiCampaign("分页提醒测试-" + UUID.randomUUID());
        // Ordinals beyond one page: the reminder must go past the first page of laggards.
        for (int ordinal = CampaignRows.HEXI_UNITS.length; ordinal < RemindInfoReportLaggards.PAGE + 3; ordinal++) {
            jdbc.sql("INSERT INTO EG_CAMPAIGN_UNIT (CAMPAIGN_ID, ORDINAL, AGENCY, REGION_CODE, UNIT_NAME) VALUES (?, ?, 'HEALTH', ?, ?)")
                .params(id, ordinal, String.format("9990019%05d", ordinal), "虚构单位" + ordinal).update();
        }

        int reminded = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(context -> reminder.remind(id, null));

        assertThat(reminded).as("every unit: none has sent a report").isEqualTo(RemindInfoReportLaggards.PAGE + 3);
    }
}
