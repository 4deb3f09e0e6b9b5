package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/** A grid worker's finding, entered by a town officer on the lead page after logging in to Tasklist. */
@ElderGuardTest
class LeadPageTest {

    @LocalServerPort
    int port;

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
    void anOfficerRegistersAGridPatrolFinding() throws Exception {
        String name = "巡查发现养老公寓-" + UUID.randomUUID().toString().substring(0, 6);
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        browser.logIn("cg_mz", DemoOrganisation.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));

        page.get("http://localhost:" + port + "/app/leads.html");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#region option[value='" + DemoOrganisation.DONGJIE + "']")));
        new Select(page.findElement(By.id("source"))).selectByValue("GRID_PATROL");
        page.findElement(By.id("institution-name")).sendKeys(name);
        new Select(page.findElement(By.id("region"))).selectByValue(DemoOrganisation.DONGJIE);
        page.findElement(By.id("description")).sendKeys("老年公寓以“预存养老费享高额回报”为名收取会员费。");
        page.findElement(By.id("amount")).sendKeys("800000");
        page.findElement(By.cssSelector("#lead-form button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt"), "新立案件"));
        browser.screenshot("lead-page");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_LEAD WHERE REPORTED_INSTITUTION_NAME = ? AND SOURCE = 'GRID_PATROL'")
            .param(name).query(Long.class).single()).isEqualTo(1);
    }
}
