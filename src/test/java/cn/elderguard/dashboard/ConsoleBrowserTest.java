package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;

/**
 * The supervisors' console in a real browser (docs/console.md): the county's 处非办 sees both towns, 河西镇's 综治办
 * leader only 河西; a 河西镇民政办 task shows as overdue once the engine clock passes its due date, then as escalated
 * with the step and the people notified; a unit's number on the dashboard lists exactly the tasks it counts (compared
 * with EG_TASK_DEADLINE and EG_ESCALATION read here); the page works at 1366×768 and at 390 px.
 */
@ElderGuardTest
class ConsoleBrowserTest {

    static final String UNIT = Agency.CIVIL_AFFAIRS.name() + "@" + DemoOrganisation.HEXI;
    static final String LEADERS = "CIVIL_AFFAIRS-" + DemoOrganisation.HEXI + "-LEADER";

    @LocalServerPort
    int port;

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
    void supervisorsSeeTheirJurisdictionAndATaskGoOverdueThenEscalatedAndEachNumberListsWhatItCounts() throws Exception {
        // Given a verification task of 河西镇民政办, created now
        String venue = "河西村督办台托老所-" + UUID.randomUUID().toString().substring(0, 6);
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN, venue);
        Task task = LeadDisposalStarter.verificationTask(engine, instance);
        Instant due = jdbc.sql("SELECT DUE_AT FROM EG_TASK_DEADLINE WHERE TASK_ID = ?").param(task.getId())
            .query(Timestamp.class).single().toInstant();

        // The county's 处非办 sees both towns; the task is open, not overdue
        console.logInAndOpen("xian_cfb", "deadlines");
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        assertThat(treeRegions()).contains(DemoOrganisation.COUNTY, DemoOrganisation.CHENGGUAN, DemoOrganisation.HEXI);
        assertThat(console.text("#tree-list")).contains("城关镇", "河西镇");
        assertThat(console.rows("#by-unit", "unit")).contains(UNIT);
        clickUnitNumber(UNIT, "OPEN");
        WebElement open = taskRow(task.getId());
        assertThat(open.getText()).contains(venue, "河西镇民政办").doesNotContain("逾期");
        assertThat(console.allRows("#tasks", "#tasks-pager", "task")).containsExactlyInAnyOrderElementsOf(unitTasks("OPEN"));
        browser.screenshot("console-1-desk-deadlines");
        browser.fullPageScreenshot("console-2-desk-deadlines-full");

        // When the engine clock passes the due date, the task is overdue, not yet escalated
        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(1))));
        console.open("deadlines");
        clickUnitNumber(UNIT, "OVERDUE");
        assertThat(taskRow(task.getId()).findElement(By.cssSelector("td.state-overdue")).getText()).isEqualTo("逾期");
        List<String> overdue = unitTasks("OVERDUE");
        assertThat(overdue).contains(task.getId());
        assertThat(console.allRows("#tasks", "#tasks-pager", "task")).as("the unit's 逾期 number lists exactly its overdue tasks")
            .containsExactlyInAnyOrderElementsOf(overdue);
        assertThat(unitNumber(UNIT, "OVERDUE")).isEqualTo(overdue.size());

        // When the deadline's due steps run (the reminder, then the first escalation step at the due date)
        ConsoleBrowser.runDueSteps(engine, task.getId());
        console.open("deadlines");
        clickUnitNumber(UNIT, "ESCALATED");
        WebElement escalated = taskRow(task.getId());
        assertThat(escalated.getText()).contains("已升级", "第 1 级");
        List<String> escalatedTasks = unitTasks("ESCALATED");
        assertThat(console.allRows("#tasks", "#tasks-pager", "task")).as("the unit's 已升级 number lists exactly its escalated tasks")
            .containsExactlyInAnyOrderElementsOf(escalatedTasks);
        assertThat(unitNumber(UNIT, "ESCALATED")).isEqualTo(escalatedTasks.size());

        // The escalation ledger of the last 7 days says the step and who was told
        WebElement record = console.findRow("#escalations", "#escalations-pager", row -> task.getId().equals(row.getDomAttribute("data-task")));
        List<String> told = engine.getIdentityService().createUserQuery().memberOfGroup(LEADERS).list().stream().map(User::getFirstName).toList();
        assertThat(told).as("the demo unit has a leader").isNotEmpty();
        assertThat(record.getText()).contains("第 1 级");
        assertThat(record.findElement(By.cssSelector("td.notified")).getText()).contains(told);
        browser.screenshot("console-3-desk-escalated");

        // On a phone: nothing wider than the screen, tables scroll inside their box
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        console.open("deadlines");
        assertThat(((Number) console.script("return document.documentElement.scrollWidth")).intValue())
            .as("no sideways scrolling of the page at 390 px").isLessThanOrEqualTo(390);
        browser.screenshot("console-4-phone-deadlines");
        browser.fullPageScreenshot("console-5-phone-deadlines-full");
        for (String tab : List.of("risk", "key-leads", "assessment")) {
            console.open(tab);
            assertThat(((Number) console.script("return document.documentElement.scrollWidth")).intValue()).as(tab + " at 390 px")
                .isLessThanOrEqualTo(390);
            browser.screenshot("console-6-phone-" + tab);
        }
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        for (String tab : List.of("risk", "key-leads", "assessment")) {
            console.open(tab);
            browser.screenshot("console-7-desk-" + tab);
        }

        // 河西镇's 综治办 leader sees 河西 only
        console.logInAndOpen("hx_zzb_ld", "deadlines");
        assertThat(treeRegions()).contains(DemoOrganisation.HEXI).doesNotContain(DemoOrganisation.CHENGGUAN, DemoOrganisation.COUNTY);
        assertThat(console.text("main")).contains("河西镇").doesNotContain("城关镇");
        assertThat(console.rows("#by-unit", "unit")).contains(UNIT)
            .allSatisfy(unit -> assertThat(unit).contains("@" + DemoOrganisation.HEXI.substring(0, 9)));
        browser.screenshot("console-8-town-leader");
    }

    private List<String> treeRegions() {
        return browser.driver().findElements(By.cssSelector("#tree-list li[data-region]")).stream()
            .map(li -> li.getDomAttribute("data-region")).toList();
    }

    private WebElement unitLink(String unit, String state) {
        return browser.driver().findElement(By.cssSelector("#by-unit tr[data-unit='" + unit + "'] a[data-state='" + state + "']"));
    }

    private int unitNumber(String unit, String state) {
        return Integer.parseInt(unitLink(unit, state).getText());
    }

    private void clickUnitNumber(String unit, String state) {
        WebElement link = unitLink(unit, state);
        console.changeAndWait("#tasks", () -> console.script("arguments[0].click()", link));
    }

    private WebElement taskRow(String taskId) {
        return console.findRow("#tasks", "#tasks-pager", row -> taskId.equals(row.getDomAttribute("data-task")));
    }

    /** The unit's open tasks in a state at the engine's now, read from the deadline ledger (docs/console.md, "Deadlines"). */
    private List<String> unitTasks(String state) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        String where = switch (state) {
            case "OPEN" -> "";
            case "OVERDUE" -> " AND d.DUE_AT < :now";
            case "ESCALATED" -> " AND EXISTS (SELECT 1 FROM EG_ESCALATION e WHERE e.TASK_ID = d.TASK_ID AND e.KIND = 'ESCALATION')";
            default -> throw new IllegalArgumentException(state);
        };
        var sql = jdbc.sql("SELECT d.TASK_ID FROM EG_TASK_DEADLINE d WHERE d.AGENCY = :agency AND d.REGION_CODE = :region"
                + " AND d.COMPLETED_AT IS NULL" + where)
            .param("agency", Agency.CIVIL_AFFAIRS.name()).param("region", DemoOrganisation.HEXI);
        return (where.contains(":now") ? sql.param("now", now) : sql).query(String.class).list();
    }
}
