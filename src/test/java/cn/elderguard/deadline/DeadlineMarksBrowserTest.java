package cn.elderguard.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.EngineJobRows;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.system.Now;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.TimeoutException;
import java.util.List;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;

/**
 * Tasklist marks overdue and escalated tasks (docs/tasklist.md, "Overdue and escalated tasks"): a 河西镇民政办
 * verification created on Monday 2 November 2026 is due on the 16th; its reminder and first escalation run as their
 * jobs fall due; on the 20th the county's 处非办 sees it marked 已逾期 and 已升级督办 in 辖区全部任务, and a task created
 * that day marked with neither. The marks answer only for tasks the caller may read.
 */
@ElderGuardTest
class DeadlineMarksBrowserTest {

    static final ZonedDateTime CREATED = ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, Now.zone());
    static final ZonedDateTime LOOKED_AT = ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, Now.zone());

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOverdueEscalatedTaskIsMarkedOnItsCardAndInItsHeaderAndATaskNotDueIsNot() throws Exception {
        ClockUtil.setCurrentTime(Date.from(CREATED.toInstant()));
        Task late = LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI));
        runNextStep(late);
        runNextStep(late);
        ClockUtil.setCurrentTime(Date.from(LOOKED_AT.toInstant()));
        Task fresh = LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXI));
        // First in the list, whatever else the shared database holds (the list sorts by priority).
        engine.getTaskService().setPriority(late.getId(), 5000);
        engine.getTaskService().setPriority(fresh.getId(), 4999);

        LocalDate due = jdbc.sql("SELECT DUE_AT FROM EG_TASK_DEADLINE WHERE TASK_ID = ?").param(late.getId())
            .query(java.sql.Timestamp.class).single().toInstant().atZone(Now.zone()).toLocalDate();
        long daysOverdue = ChronoUnit.DAYS.between(due, LOOKED_AT.toLocalDate());
        int step = jdbc.sql("SELECT MAX(STEP) FROM EG_ESCALATION WHERE TASK_ID = ? AND KIND = 'ESCALATION'").param(late.getId())
            .query(Integer.class).single();
        assertThat(daysOverdue).isPositive();
        assertThat(step).isEqualTo(1);

        Api supervisor = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD);
        JsonNode marks = supervisor.get("/api/tasks/deadline-marks?ids=" + late.getId() + "," + fresh.getId() + ",no-such-task").ok().json();
        assertThat(marks.path(late.getId()).path("overdue").asBoolean()).isTrue();
        assertThat(marks.path(late.getId()).path("daysOverdue").asLong()).isEqualTo(daysOverdue);
        assertThat(marks.path(late.getId()).path("escalationStep").asInt()).isEqualTo(step);
        assertThat(marks.path(fresh.getId()).path("overdue").asBoolean()).isFalse();
        assertThat(marks.path(fresh.getId()).path("escalationStep").asInt()).isZero();
        assertThat(marks.has("no-such-task")).isFalse();
        assertThat(Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).get("/api/tasks/deadline-marks?ids=" + late.getId()).ok().json().size())
            .as("another town's officer learns nothing of 河西's task").isZero();
        String tooMany = IntStream.range(0, 201).mapToObj(i -> "t" + i).collect(Collectors.joining(","));
        Api.Response refused = supervisor.get("/api/tasks/deadline-marks?ids=" + tooMany);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("ids");
        assertThat(supervisor.get("/api/tasks/deadline-marks").errorFields()).containsExactly("ids");

        String filter = engine.getFilterService().createFilterQuery().filterName("辖区全部任务").singleResult().getId();
        try (Browser browser = Browser.open()) {
            browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            browser.logIn("xian_cfb", DemoOrganisation.PASSWORD);
            // The order named in the address (as Tasklist keeps it), so the two tasks lead the list however many others the
            // shared database holds (a full run leaves hundreds in xian_cfb's 辖区全部任务).
            String byPriority = URLEncoder.encode("[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"}]", StandardCharsets.UTF_8);
            browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + filter + "&sorting=" + byPriority);
            By lateMarks = card(late, ".eg-mark-escalated");
            try {
                // A full run's shared database gives xian_cfb's 辖区全部任务 thousands of tasks: the first list takes longer.
                new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.and(
                    ExpectedConditions.presenceOfElementLocated(lateMarks),
                    ExpectedConditions.presenceOfElementLocated(card(fresh, ".eg-deadline-marks"))));
            } catch (TimeoutException e) {
                browser.screenshot("tasklist-deadline-marks-missing");
                List<String> cards = browser.driver().findElements(By.cssSelector("ol.tasks-list > li")).stream()
                    .map(li -> li.getAttribute("outerHTML").replaceAll("\\s+", " ")).map(html -> html.substring(0, Math.min(300, html.length())))
                    .toList();
                throw new AssertionError("no marks on the late task " + late.getId() + " / fresh " + fresh.getId() + "; the list shows "
                    + cards.size() + " cards: " + cards + "; marks API: " + supervisor.get("/api/tasks/deadline-marks?ids=" + late.getId()
                    + "," + fresh.getId()).body(), e);
            }
            browser.screenshot("tasklist-deadline-marks");

            assertThat(browser.driver().findElement(card(late, ".eg-mark-overdue")).getText()).isEqualTo("已逾期 " + daysOverdue + " 天");
            assertThat(browser.driver().findElement(lateMarks).getText()).isEqualTo("已升级督办·第 " + step + " 级");
            assertThat(browser.driver().findElements(card(fresh, ".eg-mark"))).as("a task not due has no mark").isEmpty();

            browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + filter + "&sorting=" + byPriority + "&task=" + late.getId());
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".task-details .eg-deadline-marks .eg-mark-escalated"), "已升级督办·第 " + step + " 级"));
            assertThat(browser.driver().findElement(By.cssSelector(".task-details .eg-deadline-marks .eg-mark-overdue")).getText())
                .isEqualTo("已逾期 " + daysOverdue + " 天");
            browser.screenshot("tasklist-deadline-marks-header");
        }
    }

    private static By card(Task task, String inside) {
        return By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4[contains(@class,'task')]/a[contains(@href,'task=" + task.getId()
            + "')]]//div[contains(@class,'eg-deadline-marks')]" + (inside.equals(".eg-deadline-marks") ? ""
            : "/span[contains(@class,'" + inside.substring(1) + "')]"));
    }

    private void runNextStep(Task task) {
        EngineJobRows.Job job = EngineJobRows.pending(engine, EngineJobRows.DEADLINE, task.getId()).orElseThrow();
        ClockUtil.setCurrentTime(new Date(job.due().getTime()));
        engine.getManagementService().executeJob(job.id());
    }
}
