package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.VerificationFacts;

/**
 * What a tipster or grid worker typed stays text on every section of the console (docs/console.md): a lead whose
 * institution name and description hold a script element and an image with an error handler is listed in the
 * deadline lists, the escalations, the risk lists, the key leads, the assessment and the timeline; the characters
 * are on screen, no element made from them exists and neither handler ran.
 */
@ElderGuardTest
class ConsoleOutsideTextBrowserTest {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMAGE = "<img src=x onerror=\"window.__xss=1\">";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    ConsoleBrowser console;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
        console = new ConsoleBrowser(browser, port);
    }

    @AfterEach
    void closeBrowserAndResetClock() {
        ClockUtil.reset();
        browser.close();
    }

    @Test
    void markupInALeadIsShownAsTextOnEverySection() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String name = "夕阳红" + SCRIPT + IMAGE + "托老所" + marker;
        String description = "收取会员费承诺返利" + SCRIPT + IMAGE + marker;
        // Given a grid worker's lead, rated red (a suspected crime), whose next task went past its due date and escalated
        long leadId = Api.as(http, "hexicun_wgy", DemoOrganisation.PASSWORD).post("/api/leads", Map.of("source", "GRID_PATROL",
                "institution", Map.of("name", name, "jurisdiction", DemoOrganisation.HEXICUN, "address", "河西村六组 3 号"),
                "description", description, "amountInvolvedYuan", 900000, "peopleInvolved", 45))
            .ok().json().path("leadId").asLong();
        long caseId = jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE ID = ?").param(leadId).query(Long.class).single();
        Task verify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).singleResult();
        engine.getTaskService().complete(verify.getId(), VerificationFacts.with("suspectedCrime", true, "peopleInvolved", 45L,
            "notes", "实地核查：" + SCRIPT + IMAGE));
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).list();
        assertThat(open).as("the red case's next tasks").isNotEmpty();
        Task next = open.get(0);
        Timestamp due = jdbc.sql("SELECT DUE_AT FROM EG_TASK_DEADLINE WHERE TASK_ID = ?").param(next.getId()).query(Timestamp.class).single();
        ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofDays(1))));
        ConsoleBrowser.runDueSteps(engine, next.getId());
        String list = jdbc.sql("SELECT CASE_LIST FROM EG_CASE WHERE ID = ?").param(caseId).query(String.class).single();

        console.logInAndOpen("xian_cfb", "deadlines");
        assertNothingRan("the dashboard");

        // 逾期督办: the task list (the case's task type, escalated) and the escalations
        console.changeAndWait("#tasks", () -> {
            console.select("task-key", next.getTaskDefinitionKey());
            console.select("task-state", "ESCALATED");
        });
        WebElement task = console.findRow("#tasks", "#tasks-pager", row -> next.getId().equals(row.getDomAttribute("data-task")));
        assertThat(task.getText()).contains(name);
        assertNothingRan("the task list");
        console.findRow("#escalations", "#escalations-pager", row -> next.getId().equals(row.getDomAttribute("data-task")));
        assertNothingRan("the escalations");

        // 风险台账: the case's list, red only
        console.page().findElement(By.cssSelector("#tabs a[data-tab=risk]")).click();
        console.waitForTab("risk");
        console.changeAndWait("#risk-cases", () -> {
            console.select("risk-list", list);
            console.select("risk-level", "RED");
        });
        WebElement risk = console.findRow("#risk-cases", "#risk-cases-pager", row -> Long.toString(caseId).equals(row.getDomAttribute("data-case")));
        assertThat(risk.getText()).contains(name);
        assertNothingRan("the risk lists");

        // 重点线索台账, then the case's timeline from its number there
        console.page().findElement(By.cssSelector("#tabs a[data-tab=key-leads]")).click();
        console.waitForTab("key-leads");
        WebElement key = console.findRow("#key-leads", "#key-leads-pager", row -> Long.toString(caseId).equals(row.getDomAttribute("data-case")));
        assertThat(key.getText()).contains(name);
        assertNothingRan("the key leads");
        console.script("arguments[0].click()", key.findElement(By.cssSelector("a.case-link")));
        console.waitLoaded("#timeline");
        assertThat(console.page().findElement(By.id("timeline")).getDomAttribute("data-case")).isEqualTo(Long.toString(caseId));
        assertThat(console.text("#timeline")).contains(description);
        assertNothingRan("the timeline");
        browser.fullPageScreenshot("console-outside-text-timeline");

        // 单位考核: units only, but drawn after all of the above
        console.page().findElement(By.cssSelector("#tabs a[data-tab=assessment]")).click();
        console.waitForTab("assessment");
        assertNothingRan("the assessment");

        // And each section once more on a fresh page, straight from its address
        for (String tab : List.of("deadlines", "risk", "key-leads", "assessment")) {
            console.open(tab);
            assertNothingRan(tab);
        }
    }

    /** The typed markup made no element and its handlers never ran. */
    private void assertNothingRan(String where) {
        assertThat(console.script("return window.__xss === undefined")).as(where + ": window.__xss").isEqualTo(true);
        assertThat(console.script("return document.querySelectorAll('main script, main img, img[src=x]').length")).as(where + ": elements")
            .isEqualTo(0L);
    }
}
