package cn.elderguard.campaign;

import static cn.elderguard.campaign.CampaignProcess.TASK_FILE_PLAN;
import static cn.elderguard.campaign.CampaignProcess.TASK_REVIEW_PLAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.system.Now;

/**
 * Issue 15's browser walk (docs/campaigns.md, "The page 专项行动"): the county 处非办 launches a campaign on the page in
 * Chinese — the APRIL_TO_OCTOBER calendar, the village grid workers of 示范县 — after a refused launch shows its error beside the
 * field; 河西村's grid worker files the unit's plan in Tasklist and the office accepts it there.
 */
@ElderGuardTest
class CampaignLaunchBrowserTest {

    private static final String GRID_WORKER = "GRID_WORKER";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignRepository campaigns;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        ClockUtil.reset();
    }

    @Test
    void theCountyOfficeLaunchesAGridWorkerFilesThePlanAndTheOfficeAcceptsIt() throws Exception {
        // Digits only: the name shows on every campaign list, which the language test scans for Latin letters.
        String name = "示范县网格员养老领域防范非法集资专项行动-" + System.nanoTime() % 1_000_000;
        WebDriver page = browser.driver();
        page.manage().window().setSize(new Dimension(1366, 900));
        logIn("xian_cfb");
        page.get(url("/app/campaigns.html"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("launch-section")));
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#phase-rows tr")).size() > 0);
        assertThat(new Select(page.findElement(By.id("ownerRegion"))).getFirstSelectedOption().getText()).isEqualTo("示范县");

        browser.type(By.id("name"), name);
        new Select(page.findElement(By.id("template"))).selectByValue("APRIL_TO_OCTOBER");
        // The APRIL_TO_OCTOBER calendar runs April to October: once October is over it is placed in the next year.
        LocalDate today = Now.today();
        int year = today.isAfter(LocalDate.of(today.getYear(), 10, 31)) ? today.getYear() + 1 : today.getYear();
        browser.waiting().until(driver -> phaseValues(driver, "label").equals(List.of("摸底排查", "打击整治", "总结提升"))
            && phaseValues(driver, "startsOn").get(0).equals(year + "-04-15"));
        assertThat(phaseValues(page, "endsOn")).containsExactly(year + "-04-30", year + "-09-30", year + "-10-31");
        assertThat(page.findElement(By.id("year")).getDomProperty("value")).isEqualTo(String.valueOf(year));

        // Only the village grid workers take part.
        page.findElement(By.id("agencies-none")).click();
        page.findElement(By.id("agency-GRID_WORKER")).click();
        for (String level : List.of("COUNTY", "TOWN")) {
            WebElement box = page.findElement(By.id("level-" + level));
            if (box.isSelected()) {
                box.click();
            }
        }
        assertThat(page.findElement(By.id("level-PROVINCE")).isEnabled()).as("levels above the owner cannot take part").isFalse();
        page.findElement(By.id("preview")).click();
        List<String> villages = gridWorkersOfTheCountysVillages();
        assertThat(villages).contains("河西村网格员");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-count"), "共 " + villages.size() + " 个单位参加"));
        List<String> previewed = page.findElements(By.cssSelector("#preview-units li")).stream().map(WebElement::getText).toList();
        assertThat(previewed).hasSize(Math.min(20, villages.size()));
        assertThat(villages).containsAll(previewed);
        browser.fullPageScreenshot("campaign-1-launch-form");
        page.manage().window().setSize(new Dimension(390, 844));
        assertThat(((Number) ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollWidth")).intValue())
            .as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        ((JavascriptExecutor) page).executeScript("document.getElementById('phase-rows').scrollIntoView()");
        browser.screenshot("campaign-1-phone");
        page.manage().window().setSize(new Dimension(1366, 900));

        // The summary's due date is required: the refusal stands beside the field, in Chinese.
        page.findElement(By.id("launch")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".error[data-for='summaryDueOn']"), "必填"));
        browser.screenshot("campaign-2-refused");
        setDate("summaryDueOn", year + "-11-15");
        page.findElement(By.id("launch")).click();

        browser.waiting().until(ExpectedConditions.urlMatches(".*/app/campaigns\\.html\\?id=[0-9]+.*"));
        long id = Long.parseLong(page.getCurrentUrl().replaceAll(".*[?&]id=([0-9]+).*", "$1"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("detail-name"), name));
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#unit-rows tr")).size() == villages.size());
        String body = page.findElement(By.tagName("body")).getText();
        assertThat(body).contains("专项行动已发起", "示范县处非办", "摸底排查", year + "-04-15 至 " + year + "-04-30", "河西村网格员",
            villages.size() + " 个", year + "-11-15");
        assertThat(page.findElement(By.id("close-phase")).isDisplayed()).as("no phase is under way before 15 April").isFalse();
        browser.fullPageScreenshot("campaign-3-launched");
        page.findElement(By.linkText("← 返回专项行动列表")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list-rows tr[data-campaign='" + id + "']")));
        assertThat(page.findElement(By.cssSelector("#list-rows tr")).getText()).as("newest first")
            .contains(name, "示范县处非办", "未开始", villages.size() + " 个");
        browser.screenshot("campaign-3-list");

        Campaign campaign = campaigns.find(id).orElseThrow();
        assertThat(campaign.name()).isEqualTo(name);
        assertThat(campaign.template()).isEqualTo("APRIL_TO_OCTOBER");
        assertThat(campaign.unitCount()).isEqualTo(villages.size());
        // The plans are filed asynchronously (the job executor is off in tests): run the campaign's jobs due now.
        CampaignTestSupport support = new CampaignTestSupport(engine, jdbc);
        support.advanceTo(Now.local(), campaign.processInstanceId());
        ClockUtil.reset();
        assertThat(support.tasks(campaign.processInstanceId(), TASK_FILE_PLAN)).hasSize(villages.size());
        Task plan = support.taskOf(campaign.processInstanceId(), TASK_FILE_PLAN, GRID_WORKER, DemoOrganisation.HEXICUN);

        // 河西村's grid worker files the plan in Tasklist.
        logIn("hexicun_wgy");
        openTask(plan, "Field_PlanText");
        assertThat(field("Field_CampaignName").getDomProperty("value")).isEqualTo(name);
        assertThat(field("Field_UnitName").getDomProperty("value")).isEqualTo("河西村网格员");
        browser.type(By.cssSelector("[id$='-Field_PlanText']"), "河西村网格员实施方案：逐户走访辖区托老所，摸清底数，建立台账，每月 20 日前报送进展。");
        browser.screenshot("campaign-4-file-plan");
        complete(plan);
        Map<String, Object> duty = support.duty(id, GRID_WORKER, DemoOrganisation.HEXICUN, DutyKind.PLAN, DutyKind.ONCE);
        assertThat(duty.get("FILED_AT")).isNotNull();
        assertThat(duty.get("ACCEPTED_AT")).isNull();

        // The grid worker sees the campaign the unit takes part in.
        page.get(url("/app/campaigns.html?id=" + id));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-unit")));
        assertThat(page.findElement(By.id("units-section")).isDisplayed()).as("the unit list is the office's").isFalse();
        browser.screenshot("campaign-5-participant");

        // The county 处非办 accepts it.
        Task review = support.taskOf(campaign.processInstanceId(), TASK_REVIEW_PLAN, GRID_WORKER, DemoOrganisation.HEXICUN);
        logIn("xian_cfb");
        openTask(review, "Field_ReviewDecision-0");
        assertThat(field("Field_PlanText").getDomProperty("value")).startsWith("河西村网格员实施方案");
        assertThat(page.findElement(By.cssSelector("label[for$='-Field_ReviewDecision-0']")).getText()).isEqualTo("予以备案");
        browser.press(By.cssSelector("input[id$='-Field_ReviewDecision-0']"));
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})",
            page.findElement(By.cssSelector("input[id$='-Field_ReviewDecision-0']")));
        browser.screenshot("campaign-6-review-plan");
        complete(review);

        duty = support.duty(id, GRID_WORKER, DemoOrganisation.HEXICUN, DutyKind.PLAN, DutyKind.ONCE);
        assertThat(duty.get("FILED_AT")).isNotNull();
        assertThat(duty.get("ACCEPTED_AT")).isNotNull();
        assertThat(duty.get("CONTENT")).asString().startsWith("河西村网格员实施方案");
        assertThat(support.tasks(campaign.processInstanceId(), TASK_FILE_PLAN)).hasSize(villages.size() - 1);
    }

    @Test
    void theOfficeClosesThePhaseUnderWayAfterConfirmingIt() throws Exception {
        // The standard template starts today: its first phase is under way once the campaign's jobs have run.
        String name = "示范县提前结束阶段检查-" + System.nanoTime() % 1_000_000;
        long id = CampaignTestSupport.launchForCountyGridWorkers(http, name);
        Campaign campaign = campaigns.find(id).orElseThrow();
        new CampaignTestSupport(engine, jdbc).advanceTo(Now.local(), campaign.processInstanceId());
        ClockUtil.reset();
        assertThat(campaigns.find(id).orElseThrow().currentPhase()).isZero();

        WebDriver page = browser.driver();
        logIn("xian_cfb");
        page.get(url("/app/campaigns.html?id=" + id));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("close-phase")));
        assertThat(page.findElement(By.id("detail-status")).getText()).isEqualTo("进行中（宣传发动阶段）");
        page.findElement(By.id("close-phase")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("close-dialog")));
        assertThat(page.findElement(By.id("close-question")).getText()).isEqualTo("确定提前结束「宣传发动」阶段吗？");
        browser.screenshot("campaign-7-close-phase");
        page.findElement(By.id("close-cancel")).click();
        assertThat(campaigns.phases(id).get(0).endedAt()).as("cancelled: nothing changes").isNull();

        page.findElement(By.id("close-phase")).click();
        page.findElement(By.id("close-confirm")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#phase-list tr[data-phase='0']"), "提前结束"));
        assertThat(page.findElement(By.cssSelector("#phase-list tr[data-phase='0']")).getText()).contains("操作人 xian_cfb");
        assertThat(campaigns.phases(id).get(0).closedEarlyBy()).isEqualTo("xian_cfb");
        // The process starts the next phase at once (a job, which the test runs).
        new CampaignTestSupport(engine, jdbc).advanceTo(Now.local(), campaign.processInstanceId());
        ClockUtil.reset();
        page.navigate().refresh();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("detail-status"), "进行中（排查化解阶段）"));
        assertThat(page.findElement(By.cssSelector("#phase-list tr[data-phase='1']")).getText()).contains("排查化解（进行中）");
        browser.screenshot("campaign-8-phase-closed");
    }

    /** The demo county's village grid workers, from the organisation tables (other tests may add units). */
    private List<String> gridWorkersOfTheCountysVillages() {
        return jdbc.sql("SELECT U.NAME FROM EG_UNIT U JOIN EG_JURISDICTION J ON J.REGION_CODE = U.REGION_CODE"
                + " WHERE U.AGENCY = ? AND J.LEVEL = 'VILLAGE' AND U.REGION_CODE LIKE ? ORDER BY U.REGION_CODE")
            .params(GRID_WORKER, DemoOrganisation.COUNTY.substring(0, 6) + "%").query(String.class).list();
    }

    @SuppressWarnings("unchecked")
    private static List<String> phaseValues(WebDriver driver, String field) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
            "return Array.from(document.querySelectorAll('#phase-rows input[data-field=\"' + arguments[0] + '\"]')).map(i => i.value)", field);
    }

    /** A date input takes its value as the date picker would leave it (the typed form follows the browser's locale). */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser.driver()).executeScript(
            "const input = document.getElementById(arguments[0]); input.value = arguments[1]; input.dispatchEvent(new Event('change'));",
            id, isoDate);
    }

    private void logIn(String user) {
        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        page.get(url("/camunda/app/tasklist/default/"));
        browser.logIn(user, DemoOrganisation.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本单位待办"));
    }

    /** Opens the task by its link, as a reminder mail does (the unit's inbox holds other tests' tasks), and claims it. */
    private void openTask(Task task, String fieldId) throws Exception {
        browser.driver().get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        try {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + fieldId + "']")));
        } catch (RuntimeException e) {
            browser.screenshot("campaign-open-task-failed");
            throw e;
        }
        browser.press(By.cssSelector("button.claim"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='完成']")));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }

    /** Presses 完成; done when the engine has the task completed. */
    private void complete(Task task) throws Exception {
        browser.press(By.xpath("//button[normalize-space()='完成']"));
        try {
            browser.waiting().pollingEvery(Duration.ofMillis(300))
                .until(driver -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
        } catch (RuntimeException e) {
            browser.screenshot("campaign-complete-failed");
            Object errors = ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('.fjs-form-field-error, .alert')).map(e => e.textContent).join(' | ')");
            throw new AssertionError("task not completed: " + errors, e);
        }
    }

    private WebElement field(String id) {
        return browser.driver().findElement(By.cssSelector("[id$='-" + id + "']"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
