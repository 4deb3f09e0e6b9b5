package cn.elderguard.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * An officer logged in to Tasklist uses ElderGuard's own pages with the same login; names typed with
 * markup are shown as text, never run.
 */
@ElderGuardTest
class InstitutionPageTest {

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
    void theRegistryShowsMarkupAsTextAndSavesAFormWithItsErrorsInline() throws Exception {
        String name = "<img src=x id=injected onerror=\"document.title='pwned'\">院-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).post("/api/institutions",
            InstitutionApiTest.institution(name, TestCreditCodes.next()));

        WebDriver page = browser.driver();
        page.get(url("/camunda/app/tasklist/default/"));
        browser.logIn("cg_mz", DemoOrganisation.PASSWORD);
        // Tasklist finished loading: its requests right after login may still renew the session cookie.
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));

        page.get(url("/app/institutions.html"));
        // The text as the DOM holds it (the rendered text wraps the long name onto two lines); other tests' institutions
        // of 城关 come first, so page on ("more") until it shows.
        browser.waiting().until(driver -> {
            if (driver.findElement(By.id("rows")).getDomProperty("textContent").contains(name)) {
                return true;
            }
            var more = driver.findElement(By.id("more"));
            if (more.isEnabled()) {
                more.click();
            }
            return false;
        });
        assertThat(page.findElements(By.id("injected"))).isEmpty();
        assertThat(page.getTitle()).isNotEqualTo("pwned");

        page.findElement(By.id("name")).sendKeys("缺信用代码的养老院");
        page.findElement(By.id("jurisdiction")).sendKeys(DemoOrganisation.DONGJIE);
        page.findElement(By.cssSelector("#institution-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".error[data-for='creditCode']"), "已登记的机构须填写统一社会信用代码"));
        browser.screenshot("institutions-page");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
