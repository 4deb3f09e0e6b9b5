package cn.elderguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.Browser;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;

/**
 * Each 导出 Excel link on the console carries the filters of the list on screen (docs/console.md: each list's .xlsx
 * twin takes the same filters): after every change of a filter, the link's parameters equal those of the list's last
 * request without its page and size, and the server answers the link. The workbooks' content is the API's tests'.
 */
@ElderGuardTest
class ConsoleExportLinksBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    Browser browser;
    ConsoleBrowser console;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
        console = new ConsoleBrowser(browser, port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void eachExportLinkCarriesTheFiltersOfItsList() {
        // Given at least one task of 河西镇民政办, so the unit has a row with numbers to click
        Task task = LeadDisposalStarter.verificationTask(engine, LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.HEXICUN));
        assertThat(task).isNotNull();
        console.logInAndOpen("xian_cfb", "deadlines");
        assertLinkFollowsList("tasks-export", "/api/console/deadlines/tasks", Map.of("state", "OPEN", "region", DemoOrganisation.COUNTY));

        // A unit's 逾期 number: that unit exactly
        WebElement overdue = console.page().findElement(By.cssSelector(
            "#by-unit tr[data-unit='CIVIL_AFFAIRS@" + DemoOrganisation.HEXI + "'] a[data-state=OVERDUE]"));
        console.changeAndWait("#tasks", () -> console.script("arguments[0].click()", overdue));
        assertLinkFollowsList("tasks-export", "/api/console/deadlines/tasks",
            Map.of("state", "OVERDUE", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI, "exact", "true"));
        console.changeAndWait("#tasks", () -> console.select("task-state", "DUE_SOON"));
        assertLinkFollowsList("tasks-export", "/api/console/deadlines/tasks",
            Map.of("state", "DUE_SOON", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI, "exact", "true"));
        // A task type's number
        WebElement type = console.page().findElement(By.cssSelector("#by-task tr[data-task-key] a[data-state=OPEN]"));
        String taskKey = type.findElement(By.xpath("ancestor::tr")).getDomAttribute("data-task-key");
        console.changeAndWait("#tasks", () -> console.script("arguments[0].click()", type));
        assertLinkFollowsList("tasks-export", "/api/console/deadlines/tasks",
            Map.of("state", "OPEN", "region", DemoOrganisation.COUNTY, "taskKey", taskKey));

        console.changeAndWait("#escalations", () -> {
            console.select("escalation-days", "30");
            console.select("escalation-kind", "REMINDER");
        });
        assertLinkFollowsList("escalations-export", "/api/console/escalations",
            Map.of("days", "30", "kind", "REMINDER", "region", DemoOrganisation.COUNTY));

        // The page's scope: 河西镇, 民政 only — every list follows
        console.changeAndWait("#tasks", () -> console.select("region", DemoOrganisation.HEXI));
        console.waitLoaded("#escalations");
        console.changeAndWait("#tasks", () -> console.select("agency", "CIVIL_AFFAIRS"));
        console.waitLoaded("#escalations");
        assertLinkFollowsList("tasks-export", "/api/console/deadlines/tasks",
            Map.of("state", "OPEN", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI));
        assertLinkFollowsList("escalations-export", "/api/console/escalations",
            Map.of("days", "30", "kind", "REMINDER", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI));

        console.page().findElement(By.cssSelector("#tabs a[data-tab=risk]")).click();
        console.waitForTab("risk");
        assertLinkFollowsList("risk-cases-export", "/api/console/risk/cases",
            Map.of("list", "SCREENING", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI));
        console.changeAndWait("#risk-cases", () -> {
            console.select("risk-list", "RECTIFICATION");
            console.select("risk-level", "ORANGE");
        });
        assertLinkFollowsList("risk-cases-export", "/api/console/risk/cases",
            Map.of("list", "RECTIFICATION", "level", "ORANGE", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI));

        console.page().findElement(By.cssSelector("#tabs a[data-tab=key-leads]")).click();
        console.waitForTab("key-leads");
        assertLinkFollowsList("key-leads-export", "/api/console/risk/key-leads",
            Map.of("agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI));

        console.page().findElement(By.cssSelector("#tabs a[data-tab=assessment]")).click();
        console.waitForTab("assessment");
        console.changeAndWait("#assessment", () -> {
            console.script("document.getElementById('from').value = '2026-01-01'; document.getElementById('to').value = '2026-06-30';"
                + " document.getElementById('to').dispatchEvent(new Event('change'));");
        });
        assertLinkFollowsList("assessment-export", "/api/console/assessment",
            Map.of("from", "2026-01-01", "to", "2026-06-30", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI));
        assertThat(parameters(console.href("summary-pdf"))).as("the printed summary: the same region, unit type and period")
            .isEqualTo(new TreeMap<>(Map.of("from", "2026-01-01", "to", "2026-06-30", "agency", "CIVIL_AFFAIRS", "region", DemoOrganisation.HEXI)));
        assertThat(URI.create(console.href("summary-pdf")).getPath()).isEqualTo("/api/console/summary.pdf");
        assertAnswered(console.href("summary-pdf"));
    }

    /**
     * The link is the list's path plus .xlsx with the expected filters, which are those of the list's latest request
     * (page and size aside), and the server answers it.
     */
    private void assertLinkFollowsList(String linkId, String path, Map<String, String> expected) {
        String href = console.href(linkId);
        assertThat(URI.create(href).getPath()).isEqualTo(path + ".xlsx");
        assertThat(parameters(href)).as(linkId).isEqualTo(new TreeMap<>(expected));
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) console.script("return performance.getEntriesByType('resource').map(e => e.name)"
            + ".filter(n => new URL(n).pathname === arguments[0]);", path);
        assertThat(requests).as("requests of " + path).isNotEmpty();
        Map<String, String> listed = parameters(requests.get(requests.size() - 1));
        listed.remove("page");
        listed.remove("size");
        assertThat(parameters(href)).as(linkId + " against the list's last request").isEqualTo(listed);
        assertAnswered(href);
    }

    private void assertAnswered(String href) {
        Object status = console.asyncScript("const done = arguments[arguments.length - 1];"
            + " fetch(arguments[0], {headers: {'X-Requested-With': 'fetch'}}).then(r => done(r.status), e => done(String(e)));", href);
        assertThat(status).as(href).isEqualTo(200L);
    }

    private static Map<String, String> parameters(String url) {
        Map<String, String> parameters = new TreeMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
