package cn.elderguard.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.elderguard.engine.EngineRefusals;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;
import cn.elderguard.support.LeadDisposalStarter;

/**
 * Tasklist's 到期日 and 跟进日期 (docs/tasklist.md): it sends the whole task back, form reference included, through the
 * webapps' copy of the engine API. The unit's officer may move both dates, the deadline follows the due date, a due
 * date cannot be cleared, nothing else of the task changes, and a supervisor reads why not in Chinese.
 */
@ElderGuardTest
class TaskDatesTest {

    private static final String TASK = "/camunda/api/engine/engine/default/task/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theUnitsOfficerMovesTheDueDateAndTheDeadlineFollows() throws Exception {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN);
        Task task = LeadDisposalStarter.verificationTask(engine, instance);
        HttpCaller officer = HttpCaller.webappSession(port, "hx_mz", DemoOrganisation.PASSWORD);
        officer.post(TASK + task.getId() + "/claim", "{\"userId\":\"hx_mz\"}");

        Instant stepBefore = nextStep(task.getId());
        ObjectNode sent = (ObjectNode) JSON.readTree(officer.get(TASK + task.getId()).body());
        assertThat(sent.has("camundaFormRef")).as("Tasklist sends the form reference back").isTrue();
        Instant due = task.getDueDate().toInstant().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        sent.put("due", camundaDate(due));
        sent.put("followUp", camundaDate(due.minus(2, ChronoUnit.DAYS)));
        var saved = officer.put(TASK + task.getId(), sent.toString());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(204);

        Task after = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after.getDueDate().toInstant()).isEqualTo(due);
        assertThat(after.getFollowUpDate().toInstant()).isEqualTo(due.minus(2, ChronoUnit.DAYS));
        assertThat(jdbc.sql("SELECT DUE_AT FROM EG_TASK_DEADLINE WHERE TASK_ID = ?").param(task.getId())
            .query(java.sql.Timestamp.class).single().toInstant()).as("the deadline moved").isEqualTo(due);
        assertThat(nextStep(task.getId())).as("the next step (reminder) moved with the deadline")
            .isAfter(stepBefore.plus(6, ChronoUnit.DAYS));

        ObjectNode cleared = (ObjectNode) JSON.readTree(officer.get(TASK + task.getId()).body());
        cleared.putNull("followUp");
        assertThat(officer.put(TASK + task.getId(), cleared.toString()).status()).as("follow-up cleared").isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getFollowUpDate()).isNull();

        ObjectNode noDue = (ObjectNode) JSON.readTree(officer.get(TASK + task.getId()).body());
        noDue.putNull("due");
        var refused = officer.put(TASK + task.getId(), noDue.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("到期日不能清除");

        ObjectNode renamed = (ObjectNode) JSON.readTree(officer.get(TASK + task.getId()).body());
        renamed.put("name", "改名");
        renamed.put("due", camundaDate(due.plus(1, ChronoUnit.DAYS)));
        var notRenamed = officer.put(TASK + task.getId(), renamed.toString());
        assertThat(notRenamed.status()).isEqualTo(403);
        assertThat(JSON.readTree(notRenamed.body()).path("message").asText()).isEqualTo(EngineRefusals.ONLY_DATES);
        Task unchanged = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(unchanged.getName()).isEqualTo(task.getName());
        assertThat(unchanged.getDueDate().toInstant()).isEqualTo(due);
    }

    @Test
    void aSupervisorReadsInChineseThatOnlyTheUnitWorksTheTask() throws Exception {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN);
        Task task = LeadDisposalStarter.verificationTask(engine, instance);
        HttpCaller supervisor = HttpCaller.webappSession(port, "xian_cfb", DemoOrganisation.PASSWORD);

        var claim = supervisor.post(TASK + task.getId() + "/claim", "{\"userId\":\"xian_cfb\"}");
        assertThat(claim.status()).isEqualTo(403);
        assertThat(JSON.readTree(claim.body()).path("message").asText()).isEqualTo(EngineRefusals.ONLY_THE_UNIT_WORKS);

        ObjectNode sent = (ObjectNode) JSON.readTree(supervisor.get(TASK + task.getId()).body());
        sent.put("due", camundaDate(task.getDueDate().toInstant().plus(30, ChronoUnit.DAYS)));
        var moved = supervisor.put(TASK + task.getId(), sent.toString());
        assertThat(moved.status()).isEqualTo(403);
        assertThat(JSON.readTree(moved.body()).path("message").asText()).isEqualTo(EngineRefusals.ONLY_THE_UNIT_WORKS);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isEqualTo(task.getDueDate());
    }

    private Instant nextStep(String taskId) {
        return jdbc.sql("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND HANDLER_CFG_ = ?")
            .params(TaskDeadlines.JOB_TYPE, taskId).query(java.sql.Timestamp.class).single().toInstant();
    }

    /** The engine REST API's date format. */
    private static String camundaDate(Instant instant) {
        return new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(Date.from(instant));
    }
}
