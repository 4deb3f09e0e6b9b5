package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.ElderGuardTest;

/** A person opening the webapps in an English-language browser still meets Chinese. */
@ElderGuardTest
class WebappBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

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
    void loginPageAndTasklistAreChinese() throws Exception {
        WebDriver page = browser.driver();
        page.get(url("/camunda/app/tasklist/default/"));

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        browser.screenshot("login");
        String login = page.findElement(By.tagName("body")).getText();
        assertThat(login).contains("登录").doesNotContain("Log in", "Username", "Password");

        logIn(adminId, adminPassword);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部任务"));
        browser.screenshot("tasklist");
        String tasklist = page.findElement(By.tagName("body")).getText();
        assertThat(tasklist)
            .contains("任务列表")
            .doesNotContain("Start process", "Add a simple filter", "Created", "Sign out", "Filter");
    }

    @Test
    void cockpitIsChinese() throws Exception {
        WebDriver page = browser.driver();
        page.get(url("/camunda/app/cockpit/default/"));
        browser.logIn(adminId, adminPassword);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "运行中的流程实例"));
        browser.screenshot("cockpit");

        assertThat(page.findElement(By.tagName("body")).getText())
            .contains("流程监控", "未解决的异常事件", "流程定义", "部署")
            .doesNotContain("Running Process Instances", "Open Incidents", "Deployments", "Dashboard");
    }

    @Test
    void englishStaysSelectable() throws Exception {
        WebDriver page = browser.driver();
        page.get(url("/camunda/app/welcome/default/?locale=en"));

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        browser.screenshot("login-english");
        assertThat(page.findElement(By.tagName("body")).getText()).contains("Log in").doesNotContain("登录");

        page.get(url("/camunda/app/welcome/default/?locale=zh"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "登录"));
    }

    @Test
    void aTownOfficerSeesOnlyTheirOwnUnitsTasks() throws Exception {
        String own = "城关镇某养老院-" + UUID.randomUUID().toString().substring(0, 6);
        String other = "河西镇某养老院-" + UUID.randomUUID().toString().substring(0, 6);
        LeadDisposalStarter.start(engine, Agency.MARKET_REGULATION, DemoOrganisation.DONGJIE, own);
        LeadDisposalStarter.start(engine, Agency.MARKET_REGULATION, DemoOrganisation.HEXICUN, other);

        WebDriver page = logIn("cg_scjg", DemoOrganisation.PASSWORD);
        browser.press(By.partialLinkText("辖区全部任务"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), own));
        browser.screenshot("tasklist-town-officer");

        assertThat(page.findElement(By.tagName("body")).getText()).contains("核查线索").doesNotContain(other);
    }

    private WebDriver logIn(String user, String password) {
        WebDriver page = browser.driver();
        page.get(url("/camunda/app/tasklist/default/"));
        browser.logIn(user, password);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
