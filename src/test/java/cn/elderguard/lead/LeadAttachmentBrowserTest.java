package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** A grid worker registers a lead on leads.html with a photo taken on site; the photo is stored with the lead. */
@ElderGuardTest
class LeadAttachmentBrowserTest {

    static final Path PHOTO = Path.of("src", "test", "resources", "fixtures", "attachments", "site-photo.png");

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
    void aGridWorkerRegistersALeadWithAPhoto() throws Exception {
        String name = "网格巡查附件养老院-" + UUID.randomUUID().toString().substring(0, 6);
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        browser.logIn("dongjie_wgy", DemoOrganisation.PASSWORD);

        page.get("http://localhost:" + port + "/app/leads.html");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#region option[value='" + DemoOrganisation.DONGJIE + "']")));
        new Select(page.findElement(By.id("source"))).selectByValue("GRID_PATROL");
        page.findElement(By.id("institution-name")).sendKeys(name);
        new Select(page.findElement(By.id("region"))).selectByValue(DemoOrganisation.DONGJIE);
        page.findElement(By.id("description")).sendKeys("门口张贴“预存十万元、每年返利一成”的宣传单。");
        page.findElement(By.id("attachment-files")).sendKeys(PHOTO.toAbsolutePath().toString());
        assertThat(page.findElement(By.id("attachment-chosen")).getText()).isEqualTo("已选择：site-photo.png");
        page.findElement(By.cssSelector("#lead-form button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachment-status"), "site-photo.png：已上传"));
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("document.getElementById('attachment-upload').scrollIntoView()");
        browser.screenshot("lead-page-attachment");
        var stored = jdbc.sql("SELECT A.FILE_NAME, A.CONTENT_TYPE, A.SIZE_BYTES, A.UPLOADED_BY FROM EG_ATTACHMENT A"
            + " JOIN EG_LEAD L ON L.ID = A.LEAD_ID WHERE L.REPORTED_INSTITUTION_NAME = ?").param(name).query().listOfRows();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).values()).containsExactly("site-photo.png", "image/png", Files.size(PHOTO), "dongjie_wgy");
        assertThat(page.findElement(By.id("attachment-files")).getAttribute("value")).as("the form was reset").isEmpty();
        assertThat(page.findElement(By.id("attachment-chosen")).getText()).isEqualTo("未选择文件");
    }
}
