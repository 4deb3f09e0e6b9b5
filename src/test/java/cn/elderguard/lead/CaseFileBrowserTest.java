package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.VerificationFacts;

/**
 * The case file in a real browser (docs/case-file.md): 河西镇民政办's officer opens the case's next task in Tasklist
 * and reads the tip, the institution and the rating explanation in the 案卷 tab; markup in the tip is shown as text;
 * the page works at 390 px; an officer of another town is told 无权查看.
 */
@ElderGuardTest
class CaseFileBrowserTest {

    static final String PHOTO_NAME = "现场照片-门口宣传单.png";
    static final String DESCRIPTION = "托老所收取会员费并承诺返利<script>window.egInjected = 1</script>"
        + "<img src=x onerror=\"window.egInjected = 2\">";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

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
    void theOfficerReadsTheCaseFileInTasklistAndAnotherTownsOfficerMayNot() throws Exception {
        String venue = "河西村夕阳红托老所-" + UUID.randomUUID().toString().substring(0, 4);
        // Given a village grid worker's patrol finding, registered with a photo of the venue (as /app/leads.html does)
        long leadId = Api.as(http, "hexicun_wgy", DemoOrganisation.PASSWORD).post("/api/leads", Map.of("source", "GRID_PATROL",
                "institution", Map.of("name", venue, "jurisdiction", DemoOrganisation.HEXICUN, "address", "河西村五组 12 号"),
                "description", DESCRIPTION, "amountInvolvedYuan", 360000, "peopleInvolved", 30))
            .ok().json().path("leadId").asLong();
        assertThat(attachPhoto("hexicun_wgy", leadId).getStatusCode().value()).isEqualTo(201);
        long caseId = jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE ID = ?").param(leadId).query(Long.class).single();
        Task verify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).singleResult();
        // The verification itself is the walkthrough's (WalkthroughBrowserTest); here it only produces a rating.
        engine.getTaskService().complete(verify.getId(), VerificationFacts.with("representativeOrAddressChanges24m", 5,
            "peopleInvolved", 30, "notes", "实地核查：两年内五次变更法定代表人"));
        var open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(caseId)).list();
        Task next = open.stream().filter(task -> engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> ("CIVIL_AFFAIRS-" + DemoOrganisation.HEXI).equals(link.getGroupId())))
            .findFirst().orElseThrow(() -> new AssertionError("no task for 河西镇民政办 among " + open.stream()
                .map(task -> task.getName() + engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                    .map(link -> link.getGroupId()).toList()).toList()));

        WebDriver page = browser.driver();
        page.manage().window().setSize(new Dimension(1366, 768));
        page.get(base() + "/camunda/app/tasklist/default/");
        browser.logIn("hx_mz", DemoOrganisation.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本单位待办"));
        // Straight to the task, as a mail's link does: the unit's inbox holds other tests' work too
        page.get(base() + "/camunda/app/tasklist/default/#/?task=" + next.getId());
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
            By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space()='案卷']")));
        browser.press(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space()='案卷']"));
        try {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".eg-case-file [data-field=description]")));
        } catch (RuntimeException e) {
            browser.screenshot("case-file-failed");
            throw e;
        }
        browser.screenshot("case-file-1-tasklist-tab");
        assertCaseFileShown(venue);
        assertThat(text("[data-field=taskName]")).isEqualTo(next.getName());

        page.get(base() + "/app/case.html?id=" + caseId);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".eg-case-file [data-field=description]")));
        assertCaseFileShown(venue);
        assertThat(page.findElement(By.tagName("body")).getText()).contains("当前待办", next.getName(), "优先级");
        browser.fullPageScreenshot("case-file-2-page");
        page.manage().window().setSize(new Dimension(390, 844));
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue()).as("no sideways scrolling at 390 px")
            .isLessThanOrEqualTo(390);
        browser.screenshot("case-file-3-phone");

        page.manage().window().setSize(new Dimension(1366, 768));
        page.manage().deleteAllCookies();
        page.get(base() + "/camunda/app/tasklist/default/");
        browser.logIn("cg_mz", DemoOrganisation.PASSWORD);
        page.get(base() + "/app/case.html?id=" + caseId);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "无权查看"));
        assertThat(page.findElement(By.tagName("body")).getText()).doesNotContain(venue, "会员费");
        browser.screenshot("case-file-4-foreign-officer");
        page.get(base() + "/app/case.html?task=" + next.getId());
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "无权查看"));
    }

    /** The tip, the institution and the rating explanation are on screen; the tip's markup is text and never ran. */
    private void assertCaseFileShown(String venue) {
        assertThat(text("[data-field=description]")).isEqualTo(DESCRIPTION);
        assertThat(text("[data-field=amountInvolvedYuan]")).isEqualTo("360,000 元");
        assertThat(text("[data-field=peopleInvolved]")).isEqualTo("30 人");
        assertThat(text("[data-field=source]")).isEqualTo("网格巡查");
        assertThat(text("[data-section=attachments]")).as("the photo attached at intake").contains(PHOTO_NAME);
        assertThat(browser.driver().findElement(By.cssSelector(".eg-case-file [data-section=attachments] a")).getAttribute("href"))
            .matches(".*/api/attachments/[0-9]+");
        assertThat(text("[data-field=reportedAddress]")).isEqualTo("河西村五组 12 号");
        assertThat(text("[data-field=institutionName]")).isEqualTo(venue);
        assertThat(text("[data-section=ratings]")).contains("黄：频繁变更法定代表人或登记注册地");
        assertThat(script("return window.egInjected === undefined")).isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector(".eg-case-file img, .eg-case-file script"))).isEmpty();
    }

    /** The photo as the lead page uploads it: multipart, right after the lead is registered. */
    private ResponseEntity<String> attachPhoto(String user, long leadId) throws Exception {
        byte[] png = Files.readAllBytes(Path.of("src/test/resources/fixtures/attachments/site-photo.png"));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DemoOrganisation.PASSWORD, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(png) {
            @Override
            public String getFilename() {
                return PHOTO_NAME;
            }
        });
        return http.postForEntity("/api/leads/" + leadId + "/attachments", new HttpEntity<>(body, headers), String.class);
    }

    private String text(String selector) {
        return browser.driver().findElement(By.cssSelector(".eg-case-file " + selector)).getText();
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
