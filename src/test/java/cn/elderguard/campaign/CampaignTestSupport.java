package cn.elderguard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.security.EngineCaller;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.system.Now;

/**
 * Drives a campaign's process in tests as time passes: the engine clock moves, and the jobs that fall due run as the job
 * executor would run them (timers, asynchronous task creation, deadline steps of the campaign's tasks); mail jobs are
 * left to the mail tests.
 */
public final class CampaignTestSupport {

    static final String DEADLINE_JOB = "eg-task-deadline";

    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    public CampaignTestSupport(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    public static void loggedIn(String userId) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, "n/a", List.of()));
    }

    /**
     * The county 处非办 launches a campaign of the county's village grid workers over REST, on the standard template
     * (its first phase starts today); answers the campaign's id.
     */
    public static long launchForCountyGridWorkers(TestRestTemplate http, String name) {
        Api office = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD);
        JsonNode template = StreamSupport.stream(office.get("/api/campaigns/templates").ok().json().spliterator(), false)
            .filter(t -> t.path("code").asText().equals("STANDARD")).findFirst().orElseThrow();
        JsonNode phases = template.path("phases");
        return office.post("/api/campaigns", Map.of("name", name, "ownerRegion", DemoOrganisation.COUNTY, "template", "STANDARD",
                "phases", phases, "units", Map.of("agencies", List.of("GRID_WORKER"), "levels", List.of("VILLAGE")),
                "summaryDueOn", phases.get(phases.size() - 1).path("endsOn").asText()))
            .ok().json().path("id").asLong();
    }

    public static ZonedDateTime at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, Now.zone());
    }

    public static Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(Now.zone()).toInstant());
    }

    /** Moves the clock to {@code time} and runs every job of the process (and its tasks' deadline steps) due by then, until none is left. */
    public void advanceTo(ZonedDateTime time, String processInstanceId) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
        for (int round = 0; round < 10_000; round++) {
            List<String> due = dueJobs(processInstanceId);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(id -> engine.getManagementService().executeJob(id));
        }
        throw new AssertionError("jobs keep falling due at " + time);
    }

    private List<String> dueJobs(String processInstanceId) {
        Date now = ClockUtil.getCurrentTime();
        List<String> ids = new java.util.ArrayList<>(engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
            .list().stream().filter(job -> job.getRetries() > 0 && (job.getDuedate() == null || !job.getDuedate().after(now)))
            .map(Job::getId).toList());
        ids.addAll(jdbc.sql("SELECT J.ID_ FROM ACT_RU_JOB J JOIN ACT_RU_TASK T ON T.ID_ = J.HANDLER_CFG_"
                + " WHERE J.HANDLER_TYPE_ = ? AND T.PROC_INST_ID_ = ? AND J.DUEDATE_ <= ? AND J.RETRIES_ > 0")
            .params(DEADLINE_JOB, processInstanceId, new java.sql.Timestamp(now.getTime())).query(String.class).list());
        return ids;
    }

    public List<Task> tasks(String processInstanceId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    }

    /** The open task of {@code taskKey} owed by the unit (agency, region). */
    public Task taskOf(String processInstanceId, String taskKey, String agency, String region) {
        List<Task> found = tasks(processInstanceId, taskKey).stream()
            .filter(task -> agency.equals(engine.getTaskService().getVariable(task.getId(), CampaignProcess.VAR_UNIT_AGENCY))
                && region.equals(engine.getTaskService().getVariable(task.getId(), CampaignProcess.VAR_UNIT_JURISDICTION)))
            .toList();
        assertThat(found).as(taskKey + " of " + agency + "@" + region).hasSize(1);
        return found.get(0);
    }

    /** Completes a task as {@code userId} would in Tasklist (the engine knows who acts). */
    public void complete(String userId, Task task, Map<String, Object> variables) {
        as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), variables);
            return null;
        });
    }

    public <T> T as(String userId, Supplier<T> action) {
        return EngineCaller.of(userId, engine).run(engine, action);
    }

    public List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    Map<String, Object> duty(long campaignId, String agency, String region, DutyKind kind, String period) {
        return jdbc.sql("SELECT DUE_AT, FILED_AT, ACCEPTED_AT, RETURNED_COUNT, REVIEW_COMMENTS, CONTENT, FIGURES, TASK_ID FROM EG_CAMPAIGN_DUTY"
                + " WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ? AND KIND = ? AND PERIOD = ?")
            .params(campaignId, agency, region, kind.name(), period).query().singleRow();
    }
}
