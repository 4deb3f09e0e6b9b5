package cn.elderguard.admin;

import static cn.elderguard.lead.LeadDisposalProcess.TASK_VERIFY_RECTIFICATION;
import static cn.elderguard.support.LeadDisposalWalker.V2_TASK_CHECK_RECTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.Api;
import cn.elderguard.support.Browser;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalWalker;

/** Issue 12, done-when 3: an administrator migrates cases on the page — mapping, dry run, run, result listed. */
@ElderGuardTest
@MigrationContext
class MigrationPageTest {

    @LocalServerPort
    int port;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Test
    void anAdministratorMapsTheRenamedTaskDryRunsAndMigratesOnThePage() throws Exception {
        LeadDisposalWalker walker = new LeadDisposalWalker(engine);
        ProcessDefinition v1 = walker.version1();
        Api admin = Api.admin(http);
        admin.put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + V2_TASK_CHECK_RECTIFICATION,
            Map.of("dueDays", 7, "workingDays", true, "reminderDaysBefore", 2, "escalationDaysAfter", List.of(0, 2, 4))).ok();
        admin.put("/api/service-levels/" + LeadDisposalProcess.KEY + "/" + LeadDisposalWalker.V2_TASK_COMPILE_CASE_FILE,
            Map.of("dueDays", 3, "workingDays", true, "reminderDaysBefore", 1, "escalationDaysAfter", List.of(0, 3))).ok();
        String atRenamed = walker.start(v1.getId()).getId();
        walker.walkTo(atRenamed, new LeadDisposalWalker.Stop(LeadDisposalWalker.Route.ORANGE, TASK_VERIFY_RECTIFICATION));
        String atVerify = walker.start(v1.getId()).getId();
        ProcessDefinition v2 = walker.deployVersion2("LeadDisposal 修订（页面测试）");

        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            page.get(url("/camunda/app/tasklist/default/"));
            browser.logIn(adminId, adminPassword);
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));
            page.get(url("/app/migration.html"));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sourceDefinitionId option")));
            new Select(page.findElement(By.id("processKey"))).selectByValue(LeadDisposalProcess.KEY);
            new Select(page.findElement(By.id("sourceDefinitionId"))).selectByValue(v1.getId());
            new Select(page.findElement(By.id("targetDefinitionId"))).selectByValue(v2.getId());
            browser.press(By.id("show-mapping"));

            By renamedRow = By.cssSelector("#unmapped tr[data-activity='" + TASK_VERIFY_RECTIFICATION + "'] select");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(renamedRow));
            browser.press(By.id("dry-run"));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dry-run-rows tr.does-not-map")));
            assertThat(page.findElement(By.cssSelector("#dry-run-rows tr.does-not-map")).getText()).contains("无法迁移").contains("核验整改情况");

            new Select(page.findElement(renamedRow)).selectByValue(V2_TASK_CHECK_RECTIFICATION);
            browser.press(By.id("dry-run"));
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("dry-run-summary"), "无法迁移 0 件"));
            assertThat(page.findElements(By.cssSelector("#dry-run-rows tr.maps")).size()).isGreaterThanOrEqualTo(2);
            browser.screenshot("migration-dry-run");

            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("window.confirm = () => true;");
            browser.press(By.id("run"));
            By pending = By.cssSelector("#result-rows tr[data-outcome]");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(pending));
            // The newest migration is the first row of the list.
            String batchId = page.findElement(By.cssSelector("#runs tr[data-batch]")).getDomAttribute("data-batch");
            walker.runBatch(batchId, 2);
            // The page polls: the result lists both cases as migrated.
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-title"), "已完成"));
            browser.waiting().until(d -> d.findElements(By.cssSelector("#result-rows tr[data-outcome='MIGRATED']")).size() >= 2);
            assertThat(page.findElement(By.id("result-rows")).getText()).contains("已迁移");
            assertThat(page.findElement(By.cssSelector("#runs tr[data-batch='" + batchId + "']")).getText()).contains("已完成");
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("document.getElementById('runs-section').scrollIntoView();");
            browser.screenshot("migration-result");
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(java.util.Set.of(atRenamed, atVerify))
            .processDefinitionId(v2.getId()).count()).isEqualTo(2);
        assertThat(walker.waitsIn(atRenamed, V2_TASK_CHECK_RECTIFICATION)).isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
