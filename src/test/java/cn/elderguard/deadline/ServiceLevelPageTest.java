package cn.elderguard.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.Browser;
import cn.elderguard.support.ElderGuardTest;

/** An administrator sees the calendar warning and changes a service level on the page, errors inline. */
@ElderGuardTest
class ServiceLevelPageTest {

    @LocalServerPort
    int port;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

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
    void anAdministratorChangesAServiceLevelAndRevertsIt() throws Exception {
        WebDriver page = browser.driver();
        page.get(url("/camunda/app/tasklist/default/"));
        browser.logIn(adminId, adminPassword);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));

        page.get(url("/app/deadlines.html"));
        By verifyRow = By.cssSelector("tr[data-task='" + LeadDisposalProcess.KEY + "/" + LeadDisposalProcess.TASK_VERIFY_LEAD + "']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(verifyRow));
        // The shipped calendar ends with 2026: the page tells the administrator to add the next year.
        assertThat(page.findElement(By.id("calendar-warning")).getText()).contains("工作日历").contains("节假日安排");
        assertThat(page.findElement(By.id("covered-years")).getText()).contains("2026");

        browser.press(verifyRow);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("level-form")));
        browser.type(By.id("reminderDaysBefore"), "30");
        browser.press(By.cssSelector("#level-form button[type=submit]"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".error[data-for='reminderDaysBefore']"), "小于办理时限"));
        browser.screenshot("service-levels-error");

        browser.type(By.id("reminderDaysBefore"), "3");
        browser.press(By.cssSelector("#level-form button[type=submit]"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(verifyRow, "管理员设置"));
        assertThat(page.findElement(verifyRow).getText()).contains("3 个工作日");

        browser.press(verifyRow);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("revert")));
        browser.press(By.id("revert"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(verifyRow, "默认"));
        assertThat(page.findElement(verifyRow).getText()).contains("2 个工作日").doesNotContain("管理员设置");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
