package cn.elderguard.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.system.Now;

/**
 * Deadlines with the engine clock moved: a verification task in 河西镇民政办, created on Monday 28 September
 * 2026, is due ten working days later across 国庆 (with the make-up Saturday 10 October): 16 October. Each
 * step is its own engine job, run here by hand.
 */
@ElderGuardTest
class DeadlineEscalationTest {

    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 9, 28, 9, 0, 0, 0, Now.zone());
    static final String CIVIL_AFFAIRS_HEXI = "CIVIL_AFFAIRS-" + DemoOrganisation.HEXI;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClockAndServiceLevel() {
        ClockUtil.reset();
        Api.admin(http).delete("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalProcess.TASK_VERIFY_LEAD).ok();
    }

    @Test
    void remindsBeforeDueThenClimbsTheLadderStepByStepOnce() {
        Task task = createVerificationTask(CREATED);
        int priority = task.getPriority();

        assertThat(task.getDueDate()).isEqualTo(at(2026, 10, 16, 9));
        assertThat(nextStepDue(task)).as("reminder two working days before due").isEqualTo(at(2026, 10, 14, 9));

        runNextStep(task, at(2026, 10, 14, 9));
        assertThat(records(task)).containsExactly(new Record(0, "REMINDER", null));
        assertThat(mailKinds(task)).containsExactly("TASK_ASSIGNED", "TASK_REMINDER");
        assertThat(nextStepDue(task)).as("first escalation at due").isEqualTo(at(2026, 10, 16, 9));

        runNextStep(task, at(2026, 10, 16, 9));
        assertThat(groups(task)).containsExactlyInAnyOrder(CIVIL_AFFAIRS_HEXI, CIVIL_AFFAIRS_HEXI + "-LEADER");
        assertThat(priorityOf(task)).isEqualTo(priority + 10);
        assertThat(nextStepDue(task)).as("three working days after due").isEqualTo(at(2026, 10, 21, 9));

        runNextStep(task, at(2026, 10, 21, 9));
        assertThat(nextStepDue(task)).as("five working days after due").isEqualTo(at(2026, 10, 23, 9));
        runNextStep(task, at(2026, 10, 23, 9));

        assertThat(records(task)).containsExactly(
            new Record(0, "REMINDER", null),
            new Record(1, "ESCALATION", CIVIL_AFFAIRS_HEXI + "-LEADER"),
            new Record(2, "ESCALATION", "CHUFEI_OFFICE-" + DemoOrganisation.HEXI),
            new Record(3, "ESCALATION", "CHUFEI_OFFICE-" + DemoOrganisation.COUNTY));
        // The task stays with its unit while each level up is added.
        assertThat(groups(task)).contains(CIVIL_AFFAIRS_HEXI, "CHUFEI_OFFICE-" + DemoOrganisation.HEXI,
            "CHUFEI_OFFICE-" + DemoOrganisation.COUNTY);
        assertThat(priorityOf(task)).isEqualTo(priority + 30);
        assertThat(EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId())).as("no step after the last").isEmpty();
        assertThat(jdbc.sql("SELECT AGENCY || '@' || REGION_CODE FROM EG_ESCALATION WHERE TASK_ID = ? GROUP BY AGENCY, REGION_CODE")
            .param(task.getId()).query(String.class).list())
            .as("every step is on record against the unit that owed the work").containsExactly("CIVIL_AFFAIRS@" + DemoOrganisation.HEXI);
        assertThat(mailKinds(task)).containsExactly("TASK_ASSIGNED", "TASK_REMINDER", "TASK_ESCALATED", "TASK_ESCALATED", "TASK_ESCALATED");
    }

    @Test
    void aStepRunsOnceAndACompletedTaskStopsItsClock() {
        Task task = createVerificationTask(CREATED);
        String reminderJob = EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId()).orElseThrow().id();
        ClockUtil.setCurrentTime(at(2026, 10, 14, 9));
        engine.getManagementService().executeJob(reminderJob);

        assertThatThrownBy(() -> engine.getManagementService().executeJob(reminderJob)).isInstanceOf(ProcessEngineException.class);
        assertThat(records(task)).hasSize(1);

        engine.getRuntimeService().deleteProcessInstance(task.getProcessInstanceId(), "测试：撤销线索");

        assertThat(EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_TASK_DEADLINE WHERE TASK_ID = ? AND COMPLETED_AT IS NOT NULL")
            .param(task.getId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTopOfTheLadderEndsTheSteps() {
        Api.admin(http).put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalProcess.TASK_VERIFY_LEAD, Map.of("dueDays", 10, "workingDays", true,
            "reminderDaysBefore", 0, "escalationDaysAfter", List.of(0, 1, 2, 3, 4, 5, 6, 7))).ok();
        Task task = createVerificationTask(CREATED);

        for (int step = 1; step <= 5; step++) {
            Date due = nextStepDue(task);
            runNextStep(task, due);
        }

        // leaders, 综治办 (town), county, city, province: five rungs above the officers, then nothing.
        assertThat(records(task)).extracting(Record::escalatedTo).containsExactly(CIVIL_AFFAIRS_HEXI + "-LEADER",
            "CHUFEI_OFFICE-" + DemoOrganisation.HEXI, "CHUFEI_OFFICE-" + DemoOrganisation.COUNTY,
            "CHUFEI_OFFICE-" + DemoOrganisation.CITY, "CHUFEI_OFFICE-" + DemoOrganisation.PROVINCE);
        assertThat(EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId())).isEmpty();
    }

    @Test
    void aChangedServiceLevelAppliesToTheNextTaskOnly() {
        Task before = createVerificationTask(CREATED);

        Api.admin(http).put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalProcess.TASK_VERIFY_LEAD, Map.of("dueDays", 3, "workingDays", false,
            "reminderDaysBefore", 1, "escalationDaysAfter", List.of(0, 2))).ok();
        Task after = createVerificationTask(CREATED);

        assertThat(after.getDueDate()).as("three calendar days").isEqualTo(at(2026, 10, 1, 9));
        assertThat(engine.getTaskService().createTaskQuery().taskId(before.getId()).singleResult().getDueDate())
            .isEqualTo(at(2026, 10, 16, 9));
        assertThat(nextStepDue(before)).isEqualTo(at(2026, 10, 14, 9));
        assertThat(nextStepDue(after)).isEqualTo(at(2026, 9, 30, 9));
    }

    @Test
    void aServiceLevelThatBreaksARuleIsRefusedNamingTheField() {
        Api.Response response = Api.admin(http).put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalProcess.TASK_VERIFY_LEAD, Map.of("dueDays", 3,
            "workingDays", true, "reminderDaysBefore", 5, "escalationDaysAfter", List.of(3, 1)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("reminderDaysBefore").contains("escalationDaysAfter");
        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalProcess.TASK_VERIFY_LEAD,
            Map.of("dueDays", 3, "workingDays", true, "reminderDaysBefore", 1, "escalationDaysAfter", List.of(0))).status())
            .as("officers cannot change service levels").isEqualTo(403);
    }

    private Task createVerificationTask(ZonedDateTime when) {
        ClockUtil.setCurrentTime(Date.from(when.toInstant()));
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI);
        Task task = LeadDisposalStarter.verificationTask(engine, instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(LeadDisposalProcess.TASK_VERIFY_LEAD);
        return task;
    }

    private void runNextStep(Task task, Date when) {
        EngineJobRows.Job job = EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId()).orElseThrow();
        assertThat(new Date(job.due().getTime())).isEqualTo(when);
        ClockUtil.setCurrentTime(when);
        engine.getManagementService().executeJob(job.id());
    }

    private Date nextStepDue(Task task) {
        return new Date(EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId()).orElseThrow().due().getTime());
    }

    private List<Record> records(Task task) {
        return jdbc.sql("SELECT STEP, KIND, ESCALATED_TO FROM EG_ESCALATION WHERE TASK_ID = ? ORDER BY STEP").param(task.getId())
            .query((rs, row) -> new Record(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    private List<String> mailKinds(Task task) {
        return jdbc.sql("SELECT KIND FROM EG_MAIL WHERE TASK_ID = ? ORDER BY ID").param(task.getId()).query(String.class).list();
    }

    private List<String> groups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
            .filter(group -> group != null).toList();
    }

    private int priorityOf(Task task) {
        return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getPriority();
    }

    private static Date at(int year, int month, int day, int hour) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, Now.zone()).toInstant());
    }

    record Record(int step, String kind, String escalatedTo) {
    }
}
