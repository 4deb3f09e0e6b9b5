package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.Browser;
import cn.elderguard.support.ElderGuardTest;

/** An administrator deploys a revision from "Modeler" and reads on the page who changed what. */
@ElderGuardTest
class DeploymentRecordPageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

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
    void theListShowsTheDeploymentAndAClickShowsWhatChanged() throws Exception {
        String name = "LeadDisposal 修订 " + UUID.randomUUID().toString().substring(0, 8);
        String deploymentId = RevisedLeadDisposal.deploy(http, adminId, adminPassword, name);
        try {
            WebDriver page = browser.driver();
            page.get(url("/camunda/app/tasklist/default/"));
            browser.logIn(adminId, adminPassword);
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));

            page.get(url("/app/deployments.html"));
            By row = By.cssSelector("tr[data-deployment='" + deploymentId + "']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(row));
            String rowText = page.findElement(row).getText();
            assertThat(rowText).contains(name).contains(adminId).contains("Camunda Modeler").contains("0 / 2 / ");
            // The newest deployment is the first row.
            assertThat(page.findElements(By.cssSelector("#rows tr")).get(0).getDomAttribute("data-deployment")).isEqualTo(deploymentId);

            browser.press(row);
            By process = By.cssSelector(".definition[data-resource='LeadDisposal.bpmn']");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(process));
            assertThat(page.findElement(By.id("detail-title")).getText()).contains(name);
            WebElement processBlock = page.findElement(process);
            assertThat(processBlock.getText()).contains("流程 " + LeadDisposalProcess.KEY).contains("已修改");
            assertThat(processBlock.findElement(By.cssSelector("tr[data-change='ADDED']")).getText())
                .contains("流程节点").contains("新增").contains(RevisedLeadDisposal.ADDED_TASK).contains("记录核查结果");
            assertThat(processBlock.findElement(By.cssSelector("tr[data-change='REMOVED']")).getText())
                .contains("删除").contains(RevisedLeadDisposal.REMOVED_TASK);
            assertThat(processBlock.findElement(By.cssSelector("tr[data-change='RENAMED']")).getText())
                .contains("改名").contains("核查线索").contains(RevisedLeadDisposal.NEW_NAME);
            WebElement form = page.findElement(By.cssSelector(".definition[data-resource='VerifyLead.form']"));
            assertThat(form.getText()).contains("表单字段").contains("新增").contains(RevisedLeadDisposal.ADDED_FIELD).contains("补充说明");
            assertThat(page.findElement(By.id("unchanged")).getText()).contains("未作修改").contains("RiskRating.dmn")
                .doesNotContain("LeadDisposal.bpmn");
            browser.screenshot("deployment-record");
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
