package cn.elderguard.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.elderguard.support.KeptWeekRows;
import cn.elderguard.support.DemoOrganisation;

/**
 * Campaigns, their units, duties and escalation records written straight into the tables, for the tests of what units
 * record and of the assessment (the launch and the process are not their subject). The 河西镇 campaign's units are
 * those of {@link #HEXI_UNITS}; its office is 河西镇综治办 ({@code hx_zzb}).
 */
final class CampaignRows {

    /** 柳树村, a village of 河西镇. */
    static final String LIUSHU = "999001002002";

    /** Agency, region, name of the participating units, in their order; officers: hx_mz, hx_pcs, hexicun_wgy, liushu_wgy. */
    static final String[][] HEXI_UNITS = {
        {"CIVIL_AFFAIRS", DemoOrganisation.HEXI, "河西镇民政办"},
        {"PUBLIC_SECURITY", DemoOrganisation.HEXI, "河西派出所"},
        {"GRID_WORKER", DemoOrganisation.HEXICUN, "河西村网格员"},
        {"GRID_WORKER", LIUSHU, "柳树村网格员"}};

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A running campaign of 河西镇 launched on 2020-01-01 with the units of {@link #HEXI_UNITS}; its id. */
    long hexiCampaign(String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CAMPAIGN (NAME, OWNER_REGION, TEMPLATE, PLAN_DUE_ON, UNIT_SUMMARY_DUE_ON, SUMMARY_DUE_ON, STATUS,"
                + " UNIT_COUNT, PROCESS_INSTANCE_ID, LAUNCHED_BY, LAUNCHED_AT) VALUES (?, ?, 'STANDARD', DATE '2031-01-31',"
                + " DATE '2031-12-20', DATE '2031-12-31', 'RUNNING', ?, ?, 'hx_zzb', TIMESTAMP '2020-01-01 00:00:00')")
            .params(name, DemoOrganisation.HEXI, HEXI_UNITS.length, "test-" + UUID.randomUUID())
            .update(keys);
        long id = cn.elderguard.system.GeneratedIds.id(keys);
        for (int i = 0; i < HEXI_UNITS.length; i++) {
            jdbc.sql("INSERT INTO EG_CAMPAIGN_UNIT (CAMPAIGN_ID, ORDINAL, AGENCY, REGION_CODE, UNIT_NAME) VALUES (?, ?, ?, ?, ?)")
                .params(id, i, HEXI_UNITS[i][0], HEXI_UNITS[i][1], HEXI_UNITS[i][2]).update();
        }
        return id;
    }

    void end(long campaignId) {
        jdbc.sql("UPDATE EG_CAMPAIGN SET STATUS = 'ENDED', ENDED_AT = CURRENT_TIMESTAMP WHERE ID = ?").param(campaignId).update();
    }

    String processInstanceId(long campaignId) {
        return jdbc.sql("SELECT PROCESS_INSTANCE_ID FROM EG_CAMPAIGN WHERE ID = ?").param(campaignId).query(String.class).single();
    }

    /** A duty of a unit ({@link #HEXI_UNITS} index), due at {@code due}, first filed at {@code filed} (null: not yet). */
    void duty(long campaignId, int unit, DutyKind kind, String period, Instant due, Instant filed, int returned) {
        jdbc.sql("INSERT INTO EG_CAMPAIGN_DUTY (CAMPAIGN_ID, AGENCY, REGION_CODE, KIND, PERIOD, DUE_AT, FILED_AT, RETURNED_COUNT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(campaignId, HEXI_UNITS[unit][0], HEXI_UNITS[unit][1], kind.name(), period, Timestamp.from(due),
                filed == null ? null : Timestamp.from(filed), returned)
            .update();
    }

    void infoReports(long campaignId, int unit, int count, ReportKind kind) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("INSERT INTO EG_CAMPAIGN_REPORT (CAMPAIGN_ID, AGENCY, REGION_CODE, KIND, TITLE, BODY, SUBMITTED_BY, SUBMITTED_AT)"
                    + " VALUES (?, ?, ?, ?, '测试信息', '测试正文', 'test', CURRENT_TIMESTAMP)")
                .params(campaignId, HEXI_UNITS[unit][0], HEXI_UNITS[unit][1], kind.name()).update();
        }
    }

    /**
     * A task of the process instance owed by the unit, with its deadline steps in the ledger: {@code reminders} reminders
     * (step 0) and {@code escalations} escalation steps.
     */
    void escalatedTask(String processInstanceId, int unit, boolean reminder, int escalations) {
        String taskId = "test-task-" + UUID.randomUUID();
        Timestamp due = Timestamp.from(Instant.parse("2024-05-21T16:00:00Z"));
        jdbc.sql("INSERT INTO EG_TASK_DEADLINE (TASK_ID, PROCESS_INSTANCE_ID, PROCESS_DEFINITION_ID, PROCESS_KEY, TASK_KEY, TASK_NAME,"
                + " AGENCY, REGION_CODE, CREATED_AT, DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP)"
                + " VALUES (?, ?, 'Campaign:1:test', 'Campaign', 'Task_SubmitMonthlyReport', '报送月度工作进展', ?, ?, ?, ?, TRUE, 2, '0,3,5', -1)")
            .params(taskId, processInstanceId, HEXI_UNITS[unit][0], HEXI_UNITS[unit][1], due, due).update();
        KeptWeekRows.writtenBackTo(jdbc, due.toInstant());
        int step = 0;
        if (reminder) {
            step(taskId, unit, step++, "REMINDER", due);
        } else {
            step++;
        }
        for (int i = 0; i < escalations; i++) {
            step(taskId, unit, step++, "ESCALATION", due);
        }
    }

    private void step(String taskId, int unit, int step, String kind, Timestamp due) {
        jdbc.sql("INSERT INTO EG_ESCALATION (TASK_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY, REGION_CODE, DUE_AT, STEP, KIND, RECORDED_AT)"
                + " VALUES (?, 'Campaign', 'Task_SubmitMonthlyReport', '报送月度工作进展', ?, ?, ?, ?, ?, ?)")
            .params(taskId, HEXI_UNITS[unit][0], HEXI_UNITS[unit][1], due, step, kind, due).update();
    }
}
