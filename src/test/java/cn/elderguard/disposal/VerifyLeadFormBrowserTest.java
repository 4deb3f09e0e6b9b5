package cn.elderguard.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;

/**
 * The 核查线索 form in Tasklist makes contradictory facts impossible (docs/forms.md): a dependent fact
 * appears only while it applies, a shown one must be answered, and a hidden one is not sent.
 */
@ElderGuardTest
class VerifyLeadFormBrowserTest {

    @LocalServerPort
    int port;

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
    void dependentFactsAppearOnlyWhileTheyApply() throws Exception {
        String venue = "城关镇康宁养老院-" + UUID.randomUUID().toString().substring(0, 6);
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE, venue);
        String taskId = LeadDisposalStarter.verificationTask(engine, instance).getId();
        openTask("cg_mz", taskId);

        assertThat(shown("Field_PrepaidFeesUse-0")).as("use of fees, no fees entered").isFalse();
        assertThat(shown("Field_RegisteredElsewhere")).as("registration elsewhere of an unregistered venue").isFalse();
        assertThat(shown("Field_OperationStable")).isTrue();

        press("Field_Registered");
        waitUntilShown("Field_RegisteredElsewhere", true);
        press("Field_Registered");
        waitUntilShown("Field_RegisteredElsewhere", false);
        press("Field_Collapsed");
        waitUntilShown("Field_OperationStable", false);
        type("Field_PrepaidFeesYuan", "2000000");
        waitUntilShown("Field_PrepaidFeesUse-0", true);
        browser.screenshot("verify-lead-dependent-facts");

        browser.press(By.cssSelector("input[id$='-Field_LegalForm-1']"));
        type("Field_AssetsYuan", "100000");
        type("Field_LiabilitiesYuan", "3000000");
        type("Field_BranchesOpened12m", "0");
        type("Field_RepresentativeOrAddressChanges24m", "0");
        type("Field_Complaints", "6");
        type("Field_ResidentsHoused", "0");
        type("Field_PeopleInvolved", "80");
        type("Field_ExposureYuan", "2000000");
        type("Field_Notes", "已关门停业，预付费无法退还。");
        complete();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-error")));
        assertThat(LeadDisposalStarter.verificationTask(engine, instance)).as("refused in the form: use of the fees not given").isNotNull();

        browser.press(By.cssSelector("input[id$='-Field_PrepaidFeesUse-2']"));
        complete();
        waitUntilCompleted(taskId);

        Map<String, Object> recorded = jdbc.sql("SELECT PREPAID_FEES_YUAN, PREPAID_FEES_USE, COLLAPSED, OPERATION_STABLE, REGISTERED"
            + " FROM EG_VERIFICATION WHERE CASE_ID = ?").param(Long.parseLong(instance.getBusinessKey())).query().singleRow();
        assertThat(new BigDecimal(recorded.get("prepaid_fees_yuan").toString())).isEqualByComparingTo("2000000");
        assertThat(recorded).containsEntry("prepaid_fees_use", "IRREGULAR").containsEntry("collapsed", true)
            .containsEntry("operation_stable", false).containsEntry("registered", false);
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

    private boolean shown(String field) {
        return !browser.driver().findElements(By.cssSelector("[id$='-" + field + "']")).isEmpty();
    }

    private void waitUntilShown(String field, boolean shown) {
        By locator = By.cssSelector("[id$='-" + field + "']");
        browser.waiting().until(shown ? ExpectedConditions.presenceOfElementLocated(locator)
            : ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    private void press(String field) {
        browser.press(By.cssSelector("input[id$='-" + field + "']"));
    }

    private void type(String field, String text) {
        browser.type(By.cssSelector("[id$='-" + field + "']"), text);
    }

    private void complete() {
        browser.press(By.xpath("//button[normalize-space()='完成']"));
    }
}
