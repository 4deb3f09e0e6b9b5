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
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.support.Browser;
import cn.elderguard.support.ElderGuardTest;

/** A member of the public, on the tip page in a real browser: tip, tracking code, status. */
@ElderGuardTest
class PublicTipPageTest {

    @LocalServerPort
    int port;

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
    void submitATipAndLookUpItsStatus() throws Exception {
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/public/tip.html");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#town option[value='999001002000']")));
        assertThat(page.getTitle()).contains("举报");

        page.findElement(By.id("institution-name")).sendKeys("<b>夕阳红</b>会所-" + UUID.randomUUID().toString().substring(0, 6));
        new Select(page.findElement(By.id("town"))).selectByVisibleText("河西镇");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#village option[value='999001002002']")));
        new Select(page.findElement(By.id("village"))).selectByVisibleText("柳树村");
        page.findElement(By.id("description")).sendKeys("每周举办免费讲座，推销“养老项目”，承诺年返利 15%，收取会员费。");
        page.findElement(By.id("amount")).sendKeys("200000");
        page.findElement(By.id("submit-tip")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
        String code = page.findElement(By.id("tracking-code")).getText();
        assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        browser.screenshot("public-tip-receipt");

        page.findElement(By.id("lookup")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertThat(page.findElement(By.id("status-label")).getText()).isEqualTo("已受理");
        browser.screenshot("public-tip-status");
    }

    @Test
    void aMissingDescriptionIsShownNextToTheField() {
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/public/tip.html");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#town option[value='999001001000']")));
        page.findElement(By.id("institution-name")).sendKeys("某养老院");
        new Select(page.findElement(By.id("town"))).selectByVisibleText("城关镇");
        page.findElement(By.id("submit-tip")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".error[data-for='description']"), "请描述您发现的问题"));
    }
}
