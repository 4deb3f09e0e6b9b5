package cn.elderguard.security;

import static cn.elderguard.support.DemoOrganisation.DONGJIE;
import static cn.elderguard.support.DemoOrganisation.HEXICUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/**
 * Who sees and works which task, over the engine REST API and the Java API, for the demo roles. Two
 * cases: one of 城关镇's market unit (a lead from 东街社区), one of 河西镇's (a lead from 河西村).
 */
@ElderGuardTest
class TaskAuthorizationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    Task chengguanTask;
    Task hexiTask;

    @BeforeEach
    void oneTaskInEachTown() {
        chengguanTask = LeadDisposalStarter.verificationTask(engine,
            LeadDisposalStarter.start(engine, Agency.MARKET_REGULATION, DONGJIE));
        hexiTask = LeadDisposalStarter.verificationTask(engine,
            LeadDisposalStarter.start(engine, Agency.MARKET_REGULATION, HEXICUN));
    }

    @AfterEach
    void clearEngineAuthentication() {
        engine.getIdentityService().clearAuthentication();
    }

    /** user, sees the 城关 task, sees the 河西 task, may work on the 城关 task, may work on the 河西 task. */
    static Stream<Arguments> roles() {
        return Stream.of(
            arguments("cg_scjg", "城关市场监管所经办人", true, false, true, false),
            arguments("cg_scjg_ld", "城关市场监管所负责人", true, false, true, false),
            arguments("hx_scjg", "河西市场监管所经办人", false, true, false, true),
            arguments("cg_zzb", "城关镇综治办（处非）经办人", true, false, false, false),
            arguments("xian_cfb", "县处非办经办人", true, true, false, false),
            arguments("xian_ldxz", "县领导小组成员", true, true, false, false),
            arguments("sheng_cfb", "省处非办经办人", true, true, false, false),
            arguments("xian_scjg", "县市场监管局经办人", false, false, false, false),
            arguments("cg_pcs", "城关派出所经办人", false, false, false, false));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("roles")
    void engineRestApi(String user, String role, boolean seesChengguan, boolean seesHexi, boolean worksChengguan,
                       boolean worksHexi) throws Exception {
        TestRestTemplate as = http.withBasicAuth(user, DemoOrganisation.PASSWORD);

        List<String> listed = ids(as.getForEntity("/engine-rest/task?maxResults=1000", String.class));
        assertThat(listed.contains(chengguanTask.getId())).as("城关 task in the list").isEqualTo(seesChengguan);
        assertThat(listed.contains(hexiTask.getId())).as("河西 task in the list").isEqualTo(seesHexi);
        assertThat(as.getForEntity("/engine-rest/task/{id}", String.class, hexiTask.getId()).getStatusCode())
            .as("河西 task by id").isEqualTo(seesHexi ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        assertThat(as.getForEntity("/engine-rest/task/{id}", String.class, chengguanTask.getId()).getStatusCode())
            .as("城关 task by id").isEqualTo(seesChengguan ? HttpStatus.OK : HttpStatus.NOT_FOUND);

        claimAndCompleteOverRest(as, user, chengguanTask, "城关", worksChengguan);
        claimAndCompleteOverRest(as, user, hexiTask, "河西", worksHexi);
    }

    private static void claimAndCompleteOverRest(TestRestTemplate as, String user, Task task, String town, boolean works) {
        ResponseEntity<String> claim = as.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user), String.class,
            task.getId());
        if (works) {
            assertThat(claim.getStatusCode()).as("claim the " + town + " task").isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(as.postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", restVariables()), String.class,
                task.getId()).getStatusCode()).as("complete the " + town + " task").isEqualTo(HttpStatus.NO_CONTENT);
        } else {
            assertThat(claim.getStatusCode()).as("claim the " + town + " task").isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("roles")
    void javaApi(String user, String role, boolean seesChengguan, boolean seesHexi, boolean worksChengguan, boolean worksHexi) {
        // As every engine call made as a person: with the user's groups and tenants (docs/decisions/045).
        EngineCaller caller = EngineCaller.of(user, engine);
        engine.getIdentityService().setAuthentication(caller.userId(), caller.groupIds(), caller.tenantIds());
        TaskService tasks = engine.getTaskService();

        assertThat(tasks.createTaskQuery().taskId(chengguanTask.getId()).count()).isEqualTo(seesChengguan ? 1 : 0);
        assertThat(tasks.createTaskQuery().taskId(hexiTask.getId()).count()).isEqualTo(seesHexi ? 1 : 0);
        claimAndComplete(tasks, user, chengguanTask, worksChengguan);
        claimAndComplete(tasks, user, hexiTask, worksHexi);
    }

    private static void claimAndComplete(TaskService tasks, String user, Task task, boolean works) {
        if (works) {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), VerificationFacts.registeredAndClean());
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        } else {
            assertThatThrownBy(() -> tasks.claim(task.getId(), user)).isInstanceOf(AuthorizationException.class);
        }
    }

    /** The verification facts in the engine REST API's typed-variable form. */
    private static Map<String, Object> restVariables() {
        Map<String, Object> variables = new java.util.HashMap<>();
        VerificationFacts.registeredAndClean().forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private List<String> ids(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode tasks = json.readTree(response.getBody());
        return Stream.of(tasks).flatMap(node -> node.findValuesAsText("id").stream()).toList();
    }
}
