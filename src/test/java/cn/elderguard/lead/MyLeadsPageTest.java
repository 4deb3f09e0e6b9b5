package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * The pages a grid worker, an administrator and the public use, in a real browser (issue 14, points 6 and 7): the lead
 * page's own list, log-in that returns to the page, log-out, a 390 px phone; the institution registry for an
 * administrator; the public page's answer to a wrong tracking code and its 再报一条.
 */
@ElderGuardTest
class MyLeadsPageTest {

    private static final String LIUSHU = "999001002002";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

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
    void aGridWorkerLogsInFromTheLeadPageComesBackToItSeesTheirLeadsOnAPhoneAndLogsOut() throws Exception {
        // given: a lead 柳树村's grid worker registered earlier
        String earlier = "柳树村早先登记的养老院-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(http, "liushu_wgy", DemoOrganisation.PASSWORD).post("/api/leads", Map.of("source", "GRID_PATROL",
            "institution", Map.of("name", earlier, "jurisdiction", LIUSHU), "description", "收取会员费，承诺返利")).ok();
        WebDriver page = browser.driver();
        phone();

        // when: they open the lead page without being logged in, and log in
        page.get(url("/app/leads.html"));
        browser.waiting().until(ExpectedConditions.urlContains("/camunda/app/welcome/"));
        assertThat(page.getCurrentUrl()).contains("next=%2Fapp%2Fleads.html");
        browser.logIn("liushu_wgy", DemoOrganisation.PASSWORD);

        // then: back on the lead page, with their own list
        browser.waiting().until(ExpectedConditions.urlToBe(url("/app/leads.html")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-leads-table"), earlier));
        assertThat(page.findElement(By.id("user")).getText()).isEqualTo("蒋芳");

        // and a lead registered on the page goes to the top of the list, 已受理
        String now = "手机登记的托老所-" + UUID.randomUUID().toString().substring(0, 6);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#region option[value='" + LIUSHU + "']")));
        new Select(page.findElement(By.id("source"))).selectByValue("GRID_PATROL");
        page.findElement(By.id("institution-name")).sendKeys(now);
        page.findElement(By.id("description")).sendKeys("托老所向老人推销“养老理财”，承诺年息 12%。");
        String hourBefore = beijingHour();
        page.findElement(By.cssSelector("#lead-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-leads-table tbody tr:first-child"), now));
        assertThat(page.findElement(By.cssSelector("#my-leads-table tbody tr:first-child .status")).getText()).contains("已受理");
        assertThat(page.findElement(By.id("receipt")).getText()).as("a grid worker does not read the case").contains("已转承办单位核查")
            .doesNotContain("undefined");
        // The hour when it was sent or now: a lead sent at 20:59:59 is shown as 20:59 after the clock turned 21:00.
        assertThat(page.findElement(By.cssSelector("#my-leads-table tbody tr:first-child td")).getText())
            .as("the time in the configured zone, though this browser runs in UTC")
            .containsAnyOf(" " + hourBefore, " " + beijingHour());
        assertThat(horizontalOverflow()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
        browser.screenshot("leads-phone-form");
        showMyLeads();
        browser.screenshot("leads-phone-my-leads");
        desktop();
        assertThat(horizontalOverflow()).as("nor at 1366 px").isLessThanOrEqualTo(0L);
        showMyLeads();
        browser.screenshot("leads-desktop-my-leads");

        // when: they log out
        browser.press(By.id("logout"));

        // then: the login page, and the lead page asks for a login again
        browser.waiting().until(ExpectedConditions.urlContains("/camunda/app/welcome/"));
        page.get(url("/app/leads.html"));
        browser.waiting().until(ExpectedConditions.urlContains("/camunda/app/welcome/"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));
        assertThat(Api.anonymous(http).get("/api/leads/mine").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorBrowsesTheRegistryByRegionNamesStartingAtTheCounty() throws Exception {
        String name = "台账里的养老院-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).post("/api/institutions", Map.of("name", name, "registered", false,
            "jurisdiction", DemoOrganisation.DONGJIE)).ok();
        WebDriver page = browser.driver();
        page.get(url("/app/institutions.html"));
        browser.logIn("admin", "test-admin");
        browser.waiting().until(ExpectedConditions.urlToBe(url("/app/institutions.html")));

        // the county (the province has one city, the city one county), its towns below it to choose; other tests'
        // institutions share the database, so the first page need not hold this one
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "东街社区"));
        Select region = new Select(page.findElement(By.id("region-filter")));
        assertThat(region.getFirstSelectedOption().getText()).contains("示范县");
        assertThat(region.getOptions()).extracting(option -> option.getText().strip()).contains("城关镇 ▸", "河西镇 ▸");
        assertThat(page.findElement(By.id("list-error")).getText()).isEmpty();
        assertThat(page.findElement(By.id("rows")).getText()).as("region names, not 12-digit codes")
            .doesNotContain(DemoOrganisation.DONGJIE, DemoOrganisation.HEXICUN);
        browser.screenshot("institutions-admin");

        // a level down: 城关镇 lists only its own villages
        region.selectByValue(DemoOrganisation.CHENGGUAN);
        browser.waiting().until(driver -> new Select(driver.findElement(By.id("region-filter"))).getFirstSelectedOption().getText().contains("城关镇"));
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "河西村")));
        assertThat(page.findElement(By.id("rows")).getText()).contains("东街社区");
    }

    @Test
    void aWrongTrackingCodeIsExplainedInChineseAndTheTipsterCanSendAnotherTip() throws Exception {
        WebDriver page = browser.driver();
        phone();
        page.get(url("/public/tip.html"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#town option[value='999001002000']")));

        page.findElement(By.id("lookup-code")).sendKeys("ABCD-EFGH-JKLM");
        page.findElement(By.id("lookup")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".error[data-for='trackingCode']"), "没有找到"));
        String message = page.findElement(By.cssSelector(".error[data-for='trackingCode']")).getText();
        assertThat(message).contains("请核对查询码").doesNotContain("404").doesNotContain("请求失败");
        assertThat(page.findElement(By.id("lookup-another-tip")).isDisplayed()).isTrue();
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
        browser.screenshot("public-tip-unknown-code");

        // a tip, then 再报一条: the form again, empty, and a second tip gets its own code
        String first = sendTip("第一家-" + UUID.randomUUID().toString().substring(0, 6));
        browser.press(By.id("another-tip"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tip-section")));
        assertThat(page.findElement(By.id("receipt")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("institution-name")).getDomProperty("value")).isEmpty();
        assertThat(page.findElement(By.id("description")).getDomProperty("value")).isEmpty();
        browser.screenshot("public-tip-another");
        String second = sendTip("第二家-" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(second).isNotEqualTo(first);
    }

    private String sendTip(String institution) {
        WebDriver page = browser.driver();
        page.findElement(By.id("institution-name")).sendKeys(institution);
        new Select(page.findElement(By.id("town"))).selectByVisibleText("河西镇");
        page.findElement(By.id("description")).sendKeys("推销“养老项目”，承诺年返利 15%。");
        page.findElement(By.id("submit-tip")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
        return page.findElement(By.id("tracking-code")).getText();
    }

    private void showMyLeads() {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('my-leads').scrollIntoView();");
    }

    /** How many CSS pixels the page is wider than the screen (0 or less: no sideways scrolling). */
    private long horizontalOverflow() {
        return ((Number) ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }

    /** A 390 × 844 phone screen. */
    private void phone() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    private void desktop() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String beijingHour() {
        return String.format("%02d:", java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai")).getHour());
    }
}
