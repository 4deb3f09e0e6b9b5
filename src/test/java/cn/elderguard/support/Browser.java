package cn.elderguard.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (never a downloaded browser). The browser
 * asks for English pages, so a Chinese screen proves that Chinese is the application's own default.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = env("EG_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = env("EG_CHROMEDRIVER", "/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
                + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (`bash .ci/run` does it),"
                + " or set EG_CHROMIUM / EG_CHROMEDRIVER.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1400,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Types into a field. On the Camunda webapps' pages chromedriver's synthetic mouse and key events do
     * not reach the page (Chromium 156 headless; other pages, ours included, take them; cause not found),
     * so there the text goes in through the DevTools protocol's text input (replacing the field's selected
     * content) and buttons are pressed through the DOM: the same events for the page's code, another way
     * of producing them.
     */
    public void type(By field, String text) {
        WebElement element = waiting().until(ExpectedConditions.visibilityOfElementLocated(field));
        element.sendKeys(text);
        for (int attempt = 0; attempt < 3 && !text.equals(element.getDomProperty("value")); attempt++) {
            ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus(); arguments[0].select();", element);
            driver.executeCdpCommand("Input.insertText", Map.of("text", text));
        }
        if (!text.equals(element.getDomProperty("value"))) {
            throw new IllegalStateException("could not type into " + field + ": " + element.getDomProperty("value"));
        }
        // Camunda Forms take a field's value after a short debounce; a person pauses between fields too.
        long typedAt = System.currentTimeMillis();
        new WebDriverWait(driver, Duration.ofSeconds(3)).pollingEvery(Duration.ofMillis(100))
            .until(page -> System.currentTimeMillis() - typedAt > 600 && text.equals(element.getDomProperty("value")));
    }

    /** Presses a button through the DOM (see {@link #type}). */
    public void press(By button) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();",
            waiting().until(ExpectedConditions.visibilityOfElementLocated(button)));
    }

    /** Logs in on a Camunda webapp page (Tasklist, welcome …) that shows its login form. */
    public void logIn(String user, String password) {
        type(By.cssSelector("input[ng-model=username]"), user);
        type(By.cssSelector("input[ng-model=password]"), password);
        press(By.cssSelector("form button[type=submit]"));
        // The login navigates away while the check runs; chromedriver then answers "aborted by navigation": ask again.
        waiting().ignoring(WebDriverException.class)
            .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    /** The whole page in one picture: the window grows to the page's height for the shot, then returns to its size. */
    public Path fullPageScreenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        int height = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight")).intValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height + 120, 6000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
