package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.engine.CaseProcessNames;

/**
 * What a member of the public typed never becomes markup in an officer's form (docs/forms.md): a venue
 * name made of HTML and Markdown is shown in 核查线索 in Tasklist as the literal text, in a display-only
 * field that the form does not submit; no image and no link to the outside appear.
 */
@ElderGuardTest
class OutsideTextBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

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
    void aVenueNameWithHtmlAndMarkdownIsShownAsTextInTheVerificationForm() throws Exception {
        String marker = "托老所-" + UUID.randomUUID().toString().substring(0, 6);
        String venue = "<img src=x onerror=\"document.title='XSS'\"><a href=\"http://example.invalid/a\">官网</a>"
            + "[点此](http://example.invalid/x)**" + marker + "**";
        Api.anonymous(http).post("/public/api/tips", Map.of(
            "institution", Map.of("name", venue, "jurisdiction", DemoOrganisation.HEXICUN),
            "description", "名称里带有网页代码的举报"), Map.of("X-Forwarded-For", "198.51.100.20")).ok();

        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
            .variableValueEquals(CaseProcessNames.VAR_INSTITUTION_NAME, venue).singleResult();
        String taskId = LeadDisposalStarter.verificationTask(engine, instance).getId();
        openTask("hx_mz", taskId);
        browser.screenshot("outside-text-verify-lead");

        assertThat(count("img[src='x'], img[src$='/x']")).as("an image made from the venue name").isZero();
        assertThat(count("a[href*='example.invalid']")).as("a link made from the venue name").isZero();
        assertThat(boldElementsContaining(marker)).as("bold text made from the venue name").isZero();
        assertThat(browser.driver().getTitle()).doesNotContain("XSS");
        assertThat(fieldValues()).as("the venue name, letter for letter, in the form").contains(venue);

        fillInAGreenVerification();
        browser.press(By.xpath("//button[normalize-space()='完成']"));
        waitUntilCompleted(taskId);

        List<HistoricVariableUpdate> updates = engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
            .processInstanceId(instance.getId()).list().stream().map(HistoricVariableUpdate.class::cast)
            .filter(update -> CaseProcessNames.VAR_INSTITUTION_NAME.equals(update.getVariableName())).toList();
        assertThat(updates).as("the display-only field is not sent back with the form").hasSize(1);
    }

    /** Logs in and opens the task as the link in its assignment mail does (the unit's inbox may hold many). */
    private void openTask(String user, String taskId) {
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        browser.logIn(user, DemoOrganisation.PASSWORD);
        page.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_Notes']")));
        browser.press(By.cssSelector("button.claim"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='完成']")));
    }

    private void waitUntilCompleted(String taskId) {
        browser.waiting().until(page -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    }

    private void fillInAGreenVerification() {
        browser.press(By.cssSelector("input[id$='-Field_Registered']"));
        browser.press(By.cssSelector("input[id$='-Field_LegalForm-0']"));
        type("Field_PrepaidFeesYuan", "0");
        type("Field_AssetsYuan", "800000");
        type("Field_LiabilitiesYuan", "100000");
        browser.press(By.cssSelector("input[id$='-Field_OperationStable']"));
        type("Field_BranchesOpened12m", "0");
        type("Field_RepresentativeOrAddressChanges24m", "0");
        type("Field_Complaints", "0");
        type("Field_ResidentsHoused", "12");
        type("Field_PeopleInvolved", "0");
        type("Field_ExposureYuan", "0");
        type("Field_Notes", "实地核查：名称为举报人所填，实为一家已登记的托老所。");
    }

    private void type(String field, String text) {
        browser.type(By.cssSelector("[id$='-" + field + "']"), text);
    }

    private long count(String css) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
            "return document.querySelectorAll(arguments[0]).length;", css);
    }

    private long boldElementsContaining(String text) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
            "return Array.from(document.querySelectorAll('strong, b')).filter(e => e.textContent.includes(arguments[0])).length;", text);
    }

    @SuppressWarnings("unchecked")
    private List<String> fieldValues() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
            "return Array.from(document.querySelectorAll('.fjs-form input, .fjs-form textarea')).map(e => e.value);");
    }
}
