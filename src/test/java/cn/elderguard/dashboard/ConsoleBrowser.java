package cn.elderguard.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.EngineJobRows;

/** /app/console.html (docs/console.md) as the browser tests drive it: log in, open a tab, wait for a list, page through. */
final class ConsoleBrowser {

    private final Browser browser;
    private final String base;

    ConsoleBrowser(Browser browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
    }

    WebDriver page() {
        return browser.driver();
    }

    /** Logs in on the webapps' login (as people do) and opens the console at a tab. */
    void logInAndOpen(String user, String tab) {
        page().manage().deleteAllCookies();
        page().get(base + "/camunda/app/tasklist/default/");
        browser.logIn(user, DemoOrganisation.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本单位待办"));
        open(tab);
    }

    /** Opens (or reloads) the console at a tab and waits until the tab's figures are drawn. */
    void open(String tab) {
        // A new document every time (a hash-only change would not reload the figures).
        page().get("about:blank");
        page().get(base + "/app/console.html#" + tab);
        waitForTab(tab);
    }

    void waitForTab(String tab) {
        switch (tab) {
            case "deadlines" -> {
                waitLoaded("#deadline-totals");
                waitLoaded("#tasks");
                waitLoaded("#escalations");
            }
            case "risk" -> {
                waitLoaded("#risk-totals");
                waitLoaded("#risk-cases");
            }
            case "key-leads" -> waitLoaded("#key-leads");
            case "assessment" -> waitLoaded("#assessment");
            default -> browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#region option")));
        }
    }

    /** Waits for a list or summary to be drawn; a failure on the page fails the test with the page's own message. */
    void waitLoaded(String selector) {
        browser.waiting().until(driver -> {
            String state = driver.findElement(By.cssSelector(selector)).getDomAttribute("data-state");
            return "loaded".equals(state) || "failed".equals(state);
        });
        WebElement element = page().findElement(By.cssSelector(selector));
        if ("failed".equals(element.getDomAttribute("data-state"))) {
            throw new AssertionError(selector + " did not load: " + page().findElement(By.tagName("main")).getText());
        }
    }

    /** Runs {@code change} on a list and waits until the list drew its answer. */
    void changeAndWait(String tableSelector, Runnable change) {
        script("document.querySelector(arguments[0]).dataset.state = 'stale'", tableSelector);
        change.run();
        waitLoaded(tableSelector);
    }

    /** Every row's {@code data-attribute} across all pages of a list, pressing 下一页 until it is disabled. */
    List<String> allRows(String tableSelector, String pagerSelector, String attribute) {
        // From the first page: a row looked for before (findRow) may have left the list on a later one.
        for (int page = 0; page < 200; page++) {
            WebElement previous = page().findElement(By.xpath("//*[@id='" + pagerSelector.substring(1) + "']/button[normalize-space()='上一页']"));
            if (!previous.isEnabled()) {
                break;
            }
            changeAndWait(tableSelector, () -> script("arguments[0].click()", previous));
        }
        List<String> values = new ArrayList<>();
        for (int page = 0; page < 200; page++) {
            values.addAll(rows(tableSelector, attribute));
            WebElement next = page().findElement(By.xpath("//*[@id='" + pagerSelector.substring(1) + "']/button[normalize-space()='下一页']"));
            if (!next.isEnabled()) {
                return values;
            }
            changeAndWait(tableSelector, () -> script("arguments[0].click()", next));
        }
        throw new AssertionError("more than 200 pages in " + tableSelector);
    }

    /** Pages through a list until a row satisfies {@code found}; returns that row's text. */
    WebElement findRow(String tableSelector, String pagerSelector, Predicate<WebElement> found) {
        for (int page = 0; page < 200; page++) {
            for (WebElement row : page().findElements(By.cssSelector(tableSelector + " tbody tr"))) {
                if (found.test(row)) {
                    return row;
                }
            }
            WebElement next = page().findElement(By.xpath("//*[@id='" + pagerSelector.substring(1) + "']/button[normalize-space()='下一页']"));
            if (!next.isEnabled()) {
                throw new AssertionError("no such row in " + tableSelector + ": " + page().findElement(By.cssSelector(tableSelector)).getText());
            }
            changeAndWait(tableSelector, () -> script("arguments[0].click()", next));
        }
        throw new AssertionError("more than 200 pages in " + tableSelector);
    }

    List<String> rows(String tableSelector, String attribute) {
        List<String> values = new ArrayList<>();
        for (WebElement row : page().findElements(By.cssSelector(tableSelector + " tbody tr[data-" + attribute + "]"))) {
            values.add(row.getDomAttribute("data-" + attribute));
        }
        return values;
    }

    void select(String id, String value) {
        script("const s = document.getElementById(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change'));", id, value);
    }

    String text(String selector) {
        return page().findElement(By.cssSelector(selector)).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) page()).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) page()).executeAsyncScript(script, arguments);
    }

    String href(String id) {
        return page().findElement(By.id(id)).getDomProperty("href");
    }

    String base() {
        return base;
    }

    /** Runs a task's deadline jobs that are due at the engine's now, in order, as the job executor would (docs/deadlines.md). */
    static void runDueSteps(ProcessEngine engine, String taskId) {
        for (int step = 0; step < 10; step++) {
            Optional<EngineJobRows.Job> job = EngineJobRows.pending(engine, EngineJobRows.DEADLINE, taskId);
            if (job.isEmpty() || job.get().due().after(ClockUtil.getCurrentTime())) {
                return;
            }
            engine.getManagementService().executeJob(job.get().id());
        }
    }
}
