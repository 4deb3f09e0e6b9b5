package cn.elderguard.security;

import static cn.elderguard.support.DemoOrganisation.CHENGGUAN;
import static cn.elderguard.support.DemoOrganisation.DONGJIE;
import static cn.elderguard.support.DemoOrganisation.HEXI;
import static cn.elderguard.support.DemoOrganisation.HEXICUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;

/**
 * Supervisors read their subtree through the engine's tenant check, without rows per task (docs/decisions/045): after
 * a lead is posted in each of two towns (东街社区 in 城关镇, 河西村 in 河西镇), each kind of user lists 辖区全部任务 as
 * Tasklist does (the webapps' filter API with its session, variables embedded) and the engine REST API as other
 * clients do, and finds exactly the tasks and case names of their unit or subtree.
 */
@ElderGuardTest
class TenantVisibilityTest {

    private static final String ALL_TASKS = "辖区全部任务";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    Lead chengguan;
    Lead hexi;

    record Lead(long caseId, String institutionName, String processInstanceId, String taskId) {
    }

    @BeforeEach
    void aLeadInEachTown() throws Exception {
        chengguan = post(DONGJIE);
        hexi = post(HEXICUN);
    }

    /** user; sees the 城关 lead's task; sees the 河西 lead's task. */
    static Stream<Arguments> users() {
        return Stream.of(
            arguments("hx_zzb_ld", false, true),   // 河西镇综治办负责人: their town only
            arguments("cg_zzb", true, false),      // 城关镇综治办经办人
            arguments("xian_cfb", true, true),     // 县处非办: both towns of the county
            arguments("xian_ldxz", true, true),    // 县领导小组
            arguments("shi_cfb_ld", true, true),   // 市处非办
            arguments("sheng_cfb", true, true),    // 省处非办: everything
            arguments("cg_mz", true, false),       // 城关镇民政办: the unit the 城关 lead was routed to
            arguments("hx_mz_ld", false, true),    // 河西镇民政办负责人
            arguments("cg_scjg", false, false),    // another unit of 城关镇
            arguments("xian_mz", false, false));   // the county's 民政局: the towns' own offices work them
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void tasklistShowsTheUnitsOwnWorkAndTheSupervisedSubtree(String user, boolean seesChengguan, boolean seesHexi) throws Exception {
        Set<String> expected = expected(seesChengguan, seesHexi);

        HttpCaller tasklist = HttpCaller.webappSession(port, user, DemoOrganisation.PASSWORD).with("Accept", "application/hal+json");
        String filter = engine.getFilterService().createFilterQuery().filterName(ALL_TASKS).singleResult().getId();
        HttpCaller.Response listed = tasklist.post("/camunda/api/engine/engine/default/filter/" + filter + "/list?firstResult=0&maxResults=50",
            json.writeValueAsString(Map.of("processInstanceIdIn", List.of(chengguan.processInstanceId(), hexi.processInstanceId()))));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode page = json.readTree(listed.body());
        Set<String> tasks = new TreeSet<>();
        page.path("_embedded").path("task").forEach(task -> tasks.add(task.path("id").asText()));
        assertThat(tasks).as("tasks in " + ALL_TASKS).isEqualTo(expected);
        // The list shows each case's institution: the case's variables are readable to whoever sees its task.
        Set<String> names = new TreeSet<>();
        page.path("_embedded").path("task").forEach(task ->
            task.path("_embedded").path("variable").forEach(variable -> names.add(variable.path("value").asText())));
        Set<String> expectedNames = new TreeSet<>();
        if (seesChengguan) {
            expectedNames.add(chengguan.institutionName());
        }
        if (seesHexi) {
            expectedNames.add(hexi.institutionName());
        }
        assertThat(names).as("institution names in the list").isEqualTo(expectedNames);

        HttpCaller rest = HttpCaller.basic(port, user, DemoOrganisation.PASSWORD);
        Set<String> overRest = new TreeSet<>();
        json.readTree(rest.get("/engine-rest/task?processInstanceIdIn=" + chengguan.processInstanceId() + "," + hexi.processInstanceId()).body())
            .forEach(task -> overRest.add(task.path("id").asText()));
        assertThat(overRest).as("tasks over /engine-rest").isEqualTo(expected);
        for (Lead lead : List.of(chengguan, hexi)) {
            int status = rest.get("/engine-rest/task/" + lead.taskId() + "/variables").status();
            assertThat(status).as("a task's variables").isEqualTo(expected.contains(lead.taskId()) ? 200 : 403);
        }
    }

    @Test
    void aLeadWritesNoRowsForSupervisorsAndItsRowsCarryTheTownsTenant() {
        for (Lead lead : List.of(chengguan, hexi)) {
            String town = lead == chengguan ? CHENGGUAN : HEXI;
            // The engine's candidate grant on the task and the unit's read grant on the case; nothing per supervisor.
            assertThat(grants(lead.taskId())).containsExactly("CIVIL_AFFAIRS-" + town);
            assertThat(grants(lead.processInstanceId())).containsExactly("CIVIL_AFFAIRS-" + town);
            assertThat(engine.getTaskService().createTaskQuery().taskId(lead.taskId()).singleResult().getTenantId()).isEqualTo(town);
            assertThat(jdbc.sql("SELECT DISTINCT TENANT_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?").param(lead.processInstanceId())
                .query(String.class).list()).containsExactly(town);
            assertThat(jdbc.sql("SELECT DISTINCT TENANT_ID_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?").param(lead.processInstanceId())
                .query(String.class).list()).containsExactly(town);
        }
    }

    @Test
    void casesStartedBeforeTenantsGetThemFromTheMigration() {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly(); // the shared database keeps its rows as they were
            // As a case started before tenants existed left them.
            String instance = chengguan.processInstanceId();
            jdbc.sql("UPDATE ACT_RU_IDENTITYLINK SET TENANT_ID_ = NULL WHERE TASK_ID_ = ?").param(chengguan.taskId()).update();
            for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE")) {
                jdbc.sql("UPDATE " + table + " SET TENANT_ID_ = NULL WHERE PROC_INST_ID_ = ?").param(instance).update();
            }
            assertThat(visibleTo("hx_zzb_ld", chengguan.taskId())).as("an untenanted task passes every tenant check").isTrue();

            Connection connection = DataSourceUtils.getConnection(dataSource);
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V25__tenants_of_running_cases.sql"));

            assertThat(jdbc.sql("SELECT DISTINCT TENANT_ID_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?").param(chengguan.processInstanceId())
                .query(String.class).list()).containsExactly(CHENGGUAN);
            assertThat(jdbc.sql("SELECT TENANT_ID_ FROM ACT_RU_TASK WHERE ID_ = ?").param(chengguan.taskId()).query(String.class).single())
                .isEqualTo(CHENGGUAN);
            assertThat(jdbc.sql("SELECT DISTINCT TENANT_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?").param(chengguan.processInstanceId())
                .query(String.class).list()).containsExactly(CHENGGUAN);
            assertThat(jdbc.sql("SELECT DISTINCT TENANT_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ?").param(chengguan.taskId())
                .query(String.class).list()).containsExactly(CHENGGUAN);
            assertThat(visibleTo("hx_zzb_ld", chengguan.taskId())).as("another town's supervisor").isFalse();
            assertThat(visibleTo("cg_zzb", chengguan.taskId())).as("the town's supervisor").isTrue();
            assertThat(visibleTo("cg_mz", chengguan.taskId())).as("the unit").isTrue();
        });
    }

    private boolean visibleTo(String user, String taskId) {
        return EngineCaller.of(user, engine).run(engine, () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1);
    }

    private List<String> grants(String resourceId) {
        return jdbc.sql("SELECT GROUP_ID_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = ? ORDER BY GROUP_ID_").param(resourceId)
            .query(String.class).list();
    }

    private Set<String> expected(boolean chengguanTask, boolean hexiTask) {
        Set<String> expected = new TreeSet<>();
        if (chengguanTask) {
            expected.add(chengguan.taskId());
        }
        if (hexiTask) {
            expected.add(hexi.taskId());
        }
        return expected;
    }

    /** A lead as another system posts it (a bank's alert): a new institution in {@code village}, so a new case. */
    private Lead post(String village) throws Exception {
        String name = "辖区可见测试养老院-" + UUID.randomUUID();
        Map<String, Object> lead = new HashMap<>();
        lead.put("source", "BANK_FUND_ALERT");
        lead.put("reference", "REF-" + UUID.randomUUID());
        lead.put("institution", Map.of("name", name, "jurisdiction", village));
        lead.put("description", "大额资金异动");
        lead.put("amountInvolvedYuan", 500000);
        Api.Response response = Api.as(http, "bank_alert_api", DemoOrganisation.PASSWORD).post("/api/leads", lead);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        long caseId = jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE ID = ?").param(response.json().path("leadId").asLong())
            .query(Long.class).single();
        String processInstanceId = jdbc.sql("SELECT PROCESS_INSTANCE_ID FROM EG_CASE WHERE ID = ?").param(caseId).query(String.class).single();
        List<String> tasks = new ArrayList<>();
        engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().forEach(task -> tasks.add(task.getId()));
        assertThat(tasks).hasSize(1);
        return new Lead(caseId, name, processInstanceId, tasks.get(0));
    }
}
