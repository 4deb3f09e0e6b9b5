package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * Who changed what: every new deployment is recorded with its author, time, files and what changed against the
 * version before — through Camunda Modeler's door, at start-up and through the Java API — and only if the
 * deployment itself is stored.
 */
@ElderGuardTest
class DeploymentRecordTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Test
    void aModelerDeploymentIsRecordedWithItsAuthorFilesAndWhatChanged() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        String name = "部署记录测试 " + UUID.randomUUID();
        String deploymentId = RevisedLeadDisposal.deploy(http, adminId, adminPassword, name);
        try {
            JsonNode detail = Api.admin(http).get("/api/admin/deployments/" + deploymentId).ok().json();
            JsonNode deployment = detail.path("deployment");
            assertThat(deployment.path("id").asText()).isEqualTo(deploymentId);
            assertThat(deployment.path("name").asText()).isEqualTo(name);
            assertThat(deployment.path("source").asText()).isEqualTo("Camunda Modeler");
            assertThat(deployment.path("author").asText()).isEqualTo(adminId);
            assertThat(deployment.path("authorDisplay").asText()).isEqualTo(adminId);
            // Stored in UTC, shown in Asia/Shanghai.
            OffsetDateTime deployedAt = OffsetDateTime.parse(deployment.path("deployedAt").asText());
            assertThat(deployedAt.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
            assertThat(Duration.between(before, deployedAt)).isBetween(Duration.ZERO, Duration.ofMinutes(2));
            assertThat(texts(deployment.path("files"))).containsExactlyElementsOf(RevisedLeadDisposal.files().keySet());
            assertThat(deployment.path("counts").path("CHANGED").asInt()).isEqualTo(2);
            assertThat(deployment.path("counts").path("NEW").asInt()).isZero();

            JsonNode process = definition(detail, "PROCESS", LeadDisposalProcess.KEY);
            assertThat(process.path("resourceName").asText()).isEqualTo("LeadDisposal.bpmn");
            assertThat(process.path("status").asText()).isEqualTo("CHANGED");
            assertThat(process.path("previousVersion").asInt()).isEqualTo(process.path("version").asInt() - 1);
            assertThat(changes(process)).containsExactlyInAnyOrder(
                tuple("FLOW_NODE", "RENAMED", RevisedLeadDisposal.RENAMED_TASK, "核查线索", RevisedLeadDisposal.NEW_NAME),
                tuple("FLOW_NODE", "ADDED", RevisedLeadDisposal.ADDED_TASK, null, "记录核查结果"),
                tuple("FLOW_NODE", "REMOVED", RevisedLeadDisposal.REMOVED_TASK, "记录核查结果", null),
                tuple("SEQUENCE_FLOW", "CHANGED", LeadDisposalProcess.SEQUENCE_FLOW_TO_RECORD_VERIFICATION,
                    LeadDisposalProcess.TASK_VERIFY_LEAD + " → " + RevisedLeadDisposal.REMOVED_TASK, LeadDisposalProcess.TASK_VERIFY_LEAD + " → " + RevisedLeadDisposal.ADDED_TASK),
                tuple("SEQUENCE_FLOW", "CHANGED", LeadDisposalProcess.SEQUENCE_FLOW_TO_RATE_RISK,
                    RevisedLeadDisposal.REMOVED_TASK + " → " + LeadDisposalProcess.TASK_RATE_RISK, RevisedLeadDisposal.ADDED_TASK + " → " + LeadDisposalProcess.TASK_RATE_RISK));

            JsonNode form = definition(detail, "FORM", LeadDisposalProcess.FORM_VERIFY_LEAD);
            assertThat(form.path("status").asText()).isEqualTo("CHANGED");
            assertThat(changes(form)).containsExactly(tuple("FIELD", "ADDED", RevisedLeadDisposal.ADDED_FIELD, null, "补充说明"));

            // The rest of the whole set came along unchanged (docs/decisions/002).
            List<String> unchanged = new ArrayList<>();
            for (JsonNode definition : detail.path("definitions")) {
                if (!List.of(LeadDisposalProcess.KEY, LeadDisposalProcess.FORM_VERIFY_LEAD).contains(definition.path("key").asText())) {
                    assertThat(definition.path("status").asText()).as(definition.toString()).isEqualTo("UNCHANGED");
                    assertThat(definition.path("changes")).isEmpty();
                    unchanged.add(definition.path("key").asText());
                }
            }
            assertThat(unchanged).contains("RiskRating", CaseHandOverProcess.KEY, LeadDisposalProcess.FORM_SIGN_OFF_CLOSE_OUT);

            // Newest first: the deployment just made heads the list.
            JsonNode first = Api.admin(http).get("/api/admin/deployments?size=1").ok().json();
            assertThat(first.path("deployments")).hasSize(1);
            assertThat(first.path("deployments").get(0).path("id").asText()).isEqualTo(deploymentId);
            assertThat(first.path("deployments").get(0).path("files")).hasSize(RevisedLeadDisposal.files().size());
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
        // The record outlives a deleted deployment: it is the history of who changed what.
        assertThat(Api.admin(http).get("/api/admin/deployments/" + deploymentId).status()).isEqualTo(200);
    }

    @Test
    void theStartUpDeploymentIsRecordedAsTheSystemsWithEveryDefinitionNew() {
        String first = jdbc.sql("SELECT DEPLOYMENT_ID FROM EG_DEPLOYMENT_RECORD ORDER BY ID FETCH FIRST 1 ROWS ONLY").query(String.class).single();

        JsonNode detail = Api.admin(http).get("/api/admin/deployments/" + first).ok().json();

        assertThat(detail.path("deployment").path("source").asText()).isEqualTo("ElderGuard");
        assertThat(detail.path("deployment").path("author").isNull()).isTrue();
        assertThat(detail.path("deployment").path("authorDisplay").asText()).isEqualTo(DeploymentRecords.STARTUP_AUTHOR);
        JsonNode process = definition(detail, "PROCESS", LeadDisposalProcess.KEY);
        assertThat(process.path("status").asText()).isEqualTo("NEW");
        assertThat(process.path("previousVersion").isNull()).isTrue();
        assertThat(changes(process)).contains(tuple("FLOW_NODE", "ADDED", LeadDisposalProcess.TASK_VERIFY_LEAD, null, "核查线索"));
    }

    @Test
    void pagesFollowOneAnotherNewestFirstWithoutGapsOrRepeats() {
        List<String> deployed = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                deployed.add(deployForm("DeploymentRecordPaging" + i).getId());
            }
            List<String> seen = new ArrayList<>();
            long before = 0;
            do {
                JsonNode page = Api.admin(http).get("/api/admin/deployments?size=2" + (before == 0 ? "" : "&before=" + before)).ok().json();
                assertThat(page.path("deployments").size()).isBetween(1, 2);
                page.path("deployments").forEach(deployment -> seen.add(deployment.path("id").asText()));
                before = page.path("next").isNull() ? 0 : page.path("next").asLong();
            } while (before != 0);
            long recorded = jdbc.sql("SELECT COUNT(*) FROM EG_DEPLOYMENT_RECORD").query(Long.class).single();
            assertThat(seen).doesNotHaveDuplicates().hasSize((int) recorded);
            assertThat(seen.subList(0, 3)).containsExactly(deployed.get(2), deployed.get(1), deployed.get(0));

            assertThat(Api.admin(http).get("/api/admin/deployments?size=0").status()).isEqualTo(400);
            assertThat(Api.admin(http).get("/api/admin/deployments?size=0").errorFields()).containsExactly("size");
            assertThat(Api.admin(http).get("/api/admin/deployments/no-such-deployment").status()).isEqualTo(404);
        } finally {
            deployed.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
        }
    }

    @Test
    void aRefusedDeploymentLeavesNoRecord() throws Exception {
        long records = recordCount();
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        String misspelt = Files.readString(Path.of("bpmn/RiskRating.dmn"), StandardCharsets.UTF_8).replace("\"YELLOW\"</text>", "\"YELOW\"</text>");
        assertThat(misspelt).contains("\"YELOW\"");

        ResponseEntity<String> refused = RevisedLeadDisposal.deploy(http, adminId, adminPassword, "拒绝的部署 " + UUID.randomUUID(),
            Map.of("RiskRating.dmn", misspelt.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(recordCount()).isEqualTo(records);
    }

    /**
     * The record is written on the deployment's own transaction: visible inside it before the commit, gone with
     * it when the transaction rolls back, whatever makes it roll back after the recorder ran.
     */
    @Test
    void theRecordCommitsAndRollsBackWithItsDeployment() {
        long records = recordCount();
        String deploymentId = transactions.execute(status -> {
            Deployment deployment = deployForm("DeploymentRecordRollback");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_DEPLOYMENT_RECORD WHERE DEPLOYMENT_ID = ?").param(deployment.getId())
                .query(Long.class).single()).isEqualTo(1);
            status.setRollbackOnly();
            return deployment.getId();
        });

        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
        assertThat(recordCount()).isEqualTo(records);
        assertThat(Api.admin(http).get("/api/admin/deployments/" + deploymentId).status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsReadTheRecords() {
        String any = jdbc.sql("SELECT DEPLOYMENT_ID FROM EG_DEPLOYMENT_RECORD ORDER BY ID FETCH FIRST 1 ROWS ONLY").query(String.class).single();
        for (String user : List.of("xian_cfb", "hx_mz")) {
            Api officer = Api.as(http, user, DemoOrganisation.PASSWORD);
            assertThat(officer.get("/api/admin/deployments").status()).isEqualTo(403);
            assertThat(officer.get("/api/admin/deployments/" + any).status()).isEqualTo(403);
        }
        assertThat(Api.anonymous(http).get("/api/admin/deployments").status()).isEqualTo(401);
        assertThat(Api.admin(http).get("/api/admin/deployments").status()).isEqualTo(200);
    }

    /** A form alone, through the Java API (no one logged in): the smallest deployment every rule accepts. */
    private Deployment deployForm(String formId) {
        String form = "{\"id\":\"" + formId + "\",\"type\":\"default\",\"schemaVersion\":16,\"components\":[{\"id\":\"Field_Note\","
            + "\"key\":\"note\",\"label\":\"备注\",\"type\":\"textfield\"}]}";
        return engine.getRepositoryService().createDeployment().name("部署记录测试 " + formId)
            .addInputStream(formId + ".form", new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    private long recordCount() {
        return jdbc.sql("SELECT COUNT(*) FROM EG_DEPLOYMENT_RECORD").query(Long.class).single();
    }

    private static JsonNode definition(JsonNode detail, String kind, String key) {
        for (JsonNode definition : detail.path("definitions")) {
            if (kind.equals(definition.path("kind").asText()) && key.equals(definition.path("key").asText())) {
                return definition;
            }
        }
        throw new AssertionError("no " + kind + " " + key + " in " + detail);
    }

    private static List<org.assertj.core.groups.Tuple> changes(JsonNode definition) {
        List<org.assertj.core.groups.Tuple> changes = new ArrayList<>();
        for (JsonNode change : definition.path("changes")) {
            changes.add(tuple(change.path("element").asText(), change.path("change").asText(), change.path("elementId").asText(),
                change.path("before").isNull() ? null : change.path("before").asText(),
                change.path("after").isNull() ? null : change.path("after").asText()));
        }
        return changes;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
