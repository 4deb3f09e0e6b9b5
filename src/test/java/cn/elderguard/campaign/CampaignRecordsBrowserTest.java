package cn.elderguard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * The detail view of the page 专项行动 (docs/campaigns.md, "What units record"; docs/assessment.md): 河西村's grid worker
 * sends an information report — after an empty one is refused beside its field — and records a publicity activity with a
 * photo from the page; the county 处非办 sees the unit in the ranked assessment, the totals and the unit's records.
 */
@ElderGuardTest
class CampaignRecordsBrowserTest {

    private static final String GRID_WORKER = "GRID_WORKER";
    private static final Path PHOTO = Path.of("src", "test", "resources", "fixtures", "attachments", "site-photo.png");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aUnitSendsAReportAndRecordsPublicityAndTheOfficeSeesThemInTheAssessment() throws Exception {
        // Digits only: the name shows on every campaign list, which the language test scans for Latin letters.
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        long id = CampaignTestSupport.launchForCountyGridWorkers(http, "示范县宣传和信息报送检查-" + suffix);
        String title = "河西村入户宣传进展" + suffix;
        String place = "河西村文化广场" + suffix;
        WebDriver page = browser.driver();
        page.manage().window().setSize(new Dimension(1366, 900));

        logIn("hexicun_wgy");
        page.get(url("/app/campaigns.html?id=" + id));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("unit-section")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-count"),
            "河西村网格员已报送工作动态信息 0 条，至少应报送 2 条，还差 2 条。"));
        assertThat(page.findElement(By.id("office-section")).isDisplayed()).as("the assessment is the office's").isFalse();
        assertThat(page.findElement(By.tagName("body")).getText()).contains("直接送达本专项行动的专项办和上一级处非办");

        // An empty report is refused beside its fields, in Chinese.
        page.findElement(By.cssSelector("#info-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#info-form .error[data-for='title']"), "必填"));
        assertThat(page.findElement(By.cssSelector("#info-form .error[data-for='body']")).getText()).contains("必填");
        assertThat(count("SELECT COUNT(*) FROM EG_CAMPAIGN_REPORT WHERE CAMPAIGN_ID = ?", id)).isZero();

        browser.type(By.id("info-title"), title);
        browser.type(By.id("info-body"), "本月入户走访 86 户老年人家庭，发放宣传资料 200 份，未发现新的风险线索。");
        page.findElement(By.cssSelector("#info-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("reports-rows"), title));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-count"), "已报送工作动态信息 1 条"));
        assertThat(page.findElement(By.cssSelector("#reports-rows tr")).getText()).contains("工作动态信息", "hexicun_wgy");
        Map<String, Object> report = jdbc.sql("SELECT KIND, TITLE, AGENCY, REGION_CODE FROM EG_CAMPAIGN_REPORT WHERE CAMPAIGN_ID = ?")
            .param(id).query().singleRow();
        assertThat(report).containsEntry("KIND", "INFO").containsEntry("TITLE", title).containsEntry("AGENCY", GRID_WORKER)
            .containsEntry("REGION_CODE", DemoOrganisation.HEXICUN);

        // A publicity activity, then its photo.
        assertThat(page.findElement(By.id("heldOn")).getDomProperty("value")).as("today by default").isEqualTo(Now.today().toString());
        browser.type(By.id("place"), place);
        new Select(page.findElement(By.id("publicity-form-kind"))).selectByVisibleText("宣传讲座");
        browser.type(By.id("materialsHandedOut"), "120");
        browser.type(By.id("peopleReached"), "85");
        browser.type(By.id("notes"), "邀请派出所民警讲解以养老为名的非法集资手法。");
        page.findElement(By.cssSelector("#publicity-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publicity-rows"), place));
        WebElement activity = page.findElement(By.cssSelector("#publicity-rows tr"));
        assertThat(activity.getText()).contains(Now.today().toString(), "宣传讲座", "120", "85");
        Map<String, Object> stored = jdbc.sql("SELECT ID, FORM, PLACE, MATERIALS_HANDED_OUT, PEOPLE_REACHED, AGENCY, REGION_CODE"
            + " FROM EG_PUBLICITY WHERE CAMPAIGN_ID = ?").param(id).query().singleRow();
        assertThat(stored).containsEntry("FORM", "LECTURE").containsEntry("PLACE", place).containsEntry("MATERIALS_HANDED_OUT", 120)
            .containsEntry("PEOPLE_REACHED", 85).containsEntry("AGENCY", GRID_WORKER).containsEntry("REGION_CODE", DemoOrganisation.HEXICUN);
        long activityId = ((Number) stored.get("ID")).longValue();
        page.findElement(By.id("photo-" + activityId)).sendKeys(PHOTO.toAbsolutePath().toString());
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("照片 1")));
        long fileId = jdbc.sql("SELECT ID FROM EG_CAMPAIGN_FILE WHERE CAMPAIGN_ID = ? AND OWNER_KIND = 'PUBLICITY' AND OWNER_ID = ?")
            .params(id, activityId).query(Long.class).single();
        assertThat(page.findElement(By.linkText("照片 1")).getDomAttribute("href")).isEqualTo("/api/campaigns/" + id + "/files/" + fileId);
        browser.fullPageScreenshot("campaign-records-1-unit");
        page.manage().window().setSize(new Dimension(390, 844));
        assertThat(((Number) ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollWidth")).intValue())
            .as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        ((JavascriptExecutor) page).executeScript("document.getElementById('publicity-form').scrollIntoView()");
        browser.screenshot("campaign-records-2-phone");
        page.manage().window().setSize(new Dimension(1366, 900));

        // The county 处非办: the unit ranked in the assessment, its records, the totals and the export links.
        logIn("xian_cfb");
        page.get(url("/app/campaigns.html?id=" + id));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("office-section")));
        By hexicun = By.cssSelector("#assessment-rows tr[data-unit='" + GRID_WORKER + "@" + DemoOrganisation.HEXICUN + "']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(hexicun));
        List<String> cells = page.findElement(hexicun).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        // No duty is due yet: 60 + 10 for the one information report + 20 without escalations.
        assertThat(cells).containsExactly("1", "河西村网格员", "90.0", "通报表扬", "0", "0", "0", "0", "0", "1");
        assertThat(page.findElement(By.id("assessment-xlsx")).getDomAttribute("href")).isEqualTo("/api/campaigns/" + id + "/assessment.xlsx");
        assertThat(page.findElement(By.id("summary-xlsx")).getDomAttribute("href")).isEqualTo("/api/campaigns/" + id + "/summary.xlsx");
        assertThat(page.findElement(By.id("summary-pdf")).getDomAttribute("href")).isEqualTo("/api/campaigns/" + id + "/summary.pdf");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("reports-rows"), title));
        assertThat(page.findElement(By.id("reports-rows")).getText()).contains("河西村网格员");
        assertThat(page.findElement(By.id("publicity-rows")).getText()).contains(place, "河西村网格员", "照片 1");
        assertThat(page.findElements(By.cssSelector("#publicity-rows input[type=file]"))).as("the office uploads nothing").isEmpty();
        assertThat(page.findElement(By.id("below-rows")).getText()).as("one report is below the minimum of two").contains("河西村网格员");
        assertThat(page.findElement(By.id("totals-rows")).getText()).contains("河西村网格员");
        new Select(page.findElement(By.id("totals-by"))).selectByValue("jurisdiction");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("totals-name-head"), "辖区"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("totals-rows"), "河西镇"));
        browser.fullPageScreenshot("campaign-records-3-office");
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private void logIn(String user) {
        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        page.get(url("/camunda/app/tasklist/default/"));
        browser.logIn(user, DemoOrganisation.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本单位待办"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
