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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * docs/walkthrough.md, done in a real browser: a public tip about a venue in 河西村 is verified in Tasklist
 * by 河西镇民政办's officer on the VerifyLead form, signed off by its leader, and the tipster sees 已办结.
 */
@ElderGuardTest
class WalkthroughBrowserTest {

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
    void aTipIsVerifiedSignedOffAndClosedInTasklist() throws Exception {
        String venue = "河西村幸福托老所-" + UUID.randomUUID().toString().substring(0, 4);
        String code = Api.anonymous(http).post("/public/api/tips", Map.of(
            "institution", Map.of("name", venue, "jurisdiction", DemoOrganisation.HEXICUN),
            "description", "托老所向老人收取会员费，承诺返利")).json().path("trackingCode").asText();

        openTask("hx_mz", venue, "核查线索");
        browser.screenshot("walkthrough-1-verify");
        check("Field_Registered");
        choose("Field_LegalForm", 0);
        type("Field_PrepaidFeesYuan", "0");
        type("Field_AssetsYuan", "800000");
        type("Field_LiabilitiesYuan", "100000");
        check("Field_OperationStable");
        type("Field_BranchesOpened12m", "0");
        type("Field_RepresentativeOrAddressChanges24m", "0");
        type("Field_Complaints", "0");
        type("Field_ResidentsHoused", "12");
        type("Field_PeopleInvolved", "0");
        type("Field_ExposureYuan", "0");
        type("Field_Notes", "实地核查：已登记民非，未收取预付费，经营正常。");
        type("Field_TipsterFeedback", "经核查，该机构已依法登记，未发现违规收费，将纳入日常监管。");
        completeTask(venue);

        openTask("hx_mz_ld", venue, "负责人审核销号");
        browser.screenshot("walkthrough-2-sign-off");
        // Values are shown in disabled fields, as text (docs/forms.md); the officer's notes and proposed feedback are
        // shown read-only, and the leader's own inputs open empty (each task's inputs are its own).
        assertThat(browser.driver().findElement(By.cssSelector("[id$='-Field_RiskExplanation']")).getDomProperty("value"))
            .contains("绿：未发现风险隐患");
        assertThat(field("Field_VerificationNotes").getDomProperty("value")).isEqualTo("实地核查：已登记民非，未收取预付费，经营正常。");
        assertThat(field("Field_VerificationNotes").getDomProperty("disabled")).isEqualTo("true");
        assertThat(field("Field_ProposedTipsterFeedback").getDomProperty("value"))
            .isEqualTo("经核查，该机构已依法登记，未发现违规收费，将纳入日常监管。");
        assertThat(field("Field_ProposedTipsterFeedback").getDomProperty("disabled")).isEqualTo("true");
        assertThat(field("Field_Notes").getDomProperty("value")).isEmpty();
        assertThat(field("Field_TipsterFeedback").getDomProperty("value")).isEmpty();
        choose("Field_SignOffDecision", 0);
        type("Field_Notes", "同意销号，纳入日常监管。");
        completeTask(venue);

        var tip = Api.anonymous(http).get("/public/api/tips/" + code).json();
        JsonStatus status = new JsonStatus(tip.path("statusLabel").asText());
        assertThat(status.label()).isEqualTo("已办结");
        // The leader left the feedback empty: the proposal they saw stands.
        assertThat(tip.path("feedback").asText()).isEqualTo("经核查，该机构已依法登记，未发现违规收费，将纳入日常监管。");
    }

    record JsonStatus(String label) {
    }

    private org.openqa.selenium.WebElement field(String id) {
        return browser.driver().findElement(By.cssSelector("[id$='-" + id + "']"));
    }

    /** Logs in as {@code user}, finds the venue's task in the unit's inbox, opens and claims it. */
    private void openTask(String user, String venue, String taskName) throws Exception {
        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        page.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        browser.logIn(user, DemoOrganisation.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本单位待办"));
        browser.press(By.partialLinkText("本单位待办"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), venue));
        browser.press(By.xpath("//li[contains(., '" + venue + "')]//a[normalize-space()='" + taskName + "']"));
        try {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_Notes']")));
        } catch (RuntimeException e) {
            browser.screenshot("walkthrough-open-failed");
            throw e;
        }
        browser.press(By.cssSelector("button.claim"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='完成']")));
    }

    private void type(String field, String text) {
        browser.type(By.cssSelector("[id$='-" + field + "']"), text);
    }

    private void check(String field) {
        browser.press(By.cssSelector("input[id$='-" + field + "']"));
    }

    private void choose(String field, int option) {
        browser.press(By.cssSelector("input[id$='-" + field + "-" + option + "']"));
    }

    /** Completes the open task; done when the venue's task has left this user's inbox. */
    private void completeTask(String venue) throws Exception {
        browser.press(By.xpath("//button[normalize-space()='完成']"));
        try {
            browser.waiting().until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), venue)));
        } catch (RuntimeException e) {
            browser.screenshot("walkthrough-failed");
            Object errors = ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('.fjs-form-field-error, .fjs-has-errors, .alert')).map(e => e.innerText).join(' | ')");
            throw new AssertionError("task not completed: " + errors, e);
        }
    }
}
