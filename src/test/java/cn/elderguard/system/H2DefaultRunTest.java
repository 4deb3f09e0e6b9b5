package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ForkedApplication;
import cn.elderguard.support.HttpCaller;

/**
 * The demo as README.md runs it ({@code ./mvnw spring-boot:run}): default profile, embedded H2 in {@code ./data},
 * demo organisation, mail to the log. Every other test runs on PostgreSQL with the test profile, so without this
 * one a broken H2 migration or default setting would first show on a newcomer's machine. The application runs in
 * a JVM of its own (its engine must not meet the test application's) with a temporary directory as working
 * directory; it starts, prints the logins, takes a bank alert whose first task reaches the right unit, and starts
 * again on the same database without a new deployment.
 */
class H2DefaultRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_ADMIN = "admin";
    private static final String BANK_ALERT_ACCOUNT = "bank_alert_api";
    /** Civil affairs officers of 城关镇 (elder care is theirs, and 东街社区 lies in the town) and of 河西镇. */
    private static final String TOWN_OFFICER = "cg_mz";
    private static final String OTHER_TOWN_OFFICER = "hx_mz";

    @Test
    void theDemoStartsOnH2TakesALeadOffersItsFirstTaskAndStartsAgain(@TempDir Path directory) throws Exception {
        long caseId;
        try (ForkedApplication app = ForkedApplication.startAsRun("h2-default-run", directory)) {
            String output = eventually(app::output, text -> text.contains("Demo logins"), "the demo logins in the log");
            assertThat(output).contains("ElderGuard is ready (jdbc:h2:file:./data/elderguard", "Administrator: '" + DEMO_ADMIN + "'",
                TOWN_OFFICER + "（经办人）", "Mail is written to this log");
            assertThat(directory.resolve("data")).as("H2 writes where README.md says").isNotEmptyDirectory();
            assertThat(HttpCaller.anonymous(app.url("")).get("/actuator/health").body()).contains("\"status\":\"UP\"");

            HttpCaller.Response submitted = HttpCaller.basic(app.url(""), BANK_ALERT_ACCOUNT, DemoOrganisation.PASSWORD)
                .post("/api/leads", bankAlert());
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            long leadId = JSON.readTree(submitted.body()).path("leadId").asLong();

            HttpCaller officer = HttpCaller.basic(app.url(""), TOWN_OFFICER, DemoOrganisation.PASSWORD);
            HttpCaller.Response lead = officer.get("/api/leads/" + leadId);
            assertThat(lead.status()).as(lead.body()).isEqualTo(200);
            caseId = JSON.readTree(lead.body()).path("caseId").asLong();
            assertThat(caseId).isPositive();

            JsonNode task = eventually(() -> tasksOfCase(officer, caseId), tasks -> tasks.size() == 1,
                TOWN_OFFICER + " sees one task of case " + caseId).get(0);
            assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(LeadDisposalProcess.TASK_VERIFY_LEAD);
            assertThat(task.path("name").asText()).isEqualTo("核查线索");
            assertThat(task.path("assignee").isNull()).as("offered, not assigned").isTrue();

            HttpCaller admin = HttpCaller.basic(app.url(""), DEMO_ADMIN, DEMO_ADMIN);
            JsonNode links = JSON.readTree(admin.get("/engine-rest/task/" + task.path("id").asText() + "/identity-links").body());
            assertThat(links.findValuesAsText("groupId")).as(links.toString())
                .contains(GroupIds.officers(Agency.CIVIL_AFFAIRS, RegionCode.of(DemoOrganisation.CHENGGUAN)));
            assertThat(tasksOfCase(HttpCaller.basic(app.url(""), OTHER_TOWN_OFFICER, DemoOrganisation.PASSWORD), caseId))
                .as("another town's officer").isEmpty();
            assertThat(deployments(admin)).hasSize(1);

            // The console's deadline queries on H2 (docs/console.md, "Deadlines"): the county office counts the new task.
            HttpCaller county = HttpCaller.basic(app.url(""), "xian_cfb", DemoOrganisation.PASSWORD);
            HttpCaller.Response summary = county.get("/api/console/deadlines/summary");
            assertThat(summary.status()).as(summary.body()).isEqualTo(200);
            assertThat(JSON.readTree(summary.body()).path("totals").path("OPEN").asLong()).isPositive();
            HttpCaller.Response open = county.get("/api/console/deadlines/tasks?state=OPEN&size=1");
            assertThat(open.status()).as(open.body()).isEqualTo(200);
            assertThat(JSON.readTree(open.body()).path("total").asLong()).isEqualTo(JSON.readTree(summary.body()).path("totals").path("OPEN").asLong());
            assertThat(county.get("/api/console/escalations?days=30").status()).isEqualTo(200);
            assertThat(county.get("/api/console/deadlines/tasks.xlsx?state=OVERDUE").status()).isEqualTo(200);
        }

        try (ForkedApplication again = ForkedApplication.startAsRun("h2-default-run-again", directory)) {
            HttpCaller admin = HttpCaller.basic(again.url(""), DEMO_ADMIN, DEMO_ADMIN);
            assertThat(deployments(admin)).as("models unchanged: no new deployment").hasSize(1);
            assertThat(again.output()).doesNotContain("First start: importing the demo organisation");
            assertThat(tasksOfCase(HttpCaller.basic(again.url(""), TOWN_OFFICER, DemoOrganisation.PASSWORD), caseId))
                .extracting(task -> task.path("taskDefinitionKey").asText()).containsExactly(LeadDisposalProcess.TASK_VERIFY_LEAD);
        }
    }

    private static List<JsonNode> tasksOfCase(HttpCaller caller, long caseId) {
        return list(caller.get("/engine-rest/task?processInstanceBusinessKey=" + caseId));
    }

    private static List<JsonNode> deployments(HttpCaller admin) {
        return list(admin.get("/engine-rest/deployment"));
    }

    private static List<JsonNode> list(HttpCaller.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            JsonNode array = JSON.readTree(response.body());
            assertThat(array.isArray()).as(response.body()).isTrue();
            return StreamSupport.stream(array.spliterator(), false).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of docs/intake.md's example, in the demo county. */
    private static String bankAlert() {
        return """
            {"source": "BANK_FUND_ALERT", "reference": "H2-SMOKE-000001",
             "institution": {"name": "幸福养老院", "address": "东街 8 号", "jurisdiction": "%s"},
             "description": "近 30 日收取会员费 312 笔，合计 120 万元，资金转入个人账户",
             "amountInvolvedYuan": 1200000, "peopleInvolved": 312, "observedOn": "2026-11-20"}
            """.formatted(DemoOrganisation.DONGJIE);
    }

    /** The value once it passes {@code done}; engine jobs and the ready event come a moment after the start. */
    private static <T> T eventually(Callable<T> value, Predicate<T> done, String what) {
        return await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(value, done::test);
    }
}
