package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.institution.CreditCode;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.DoorTable;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;

/**
 * docs/security.md's door table, tried: every kind of user of the demo organisation calls every door — every
 * operation of the engine REST API (Camunda's OpenAPI description) through /engine-rest and through the webapps'
 * copy, every mapping of the application, the pages, the actuator and the webapps' own APIs — against a case in
 * 河西镇, a town that is not theirs (county and higher supervisors read it). A call is a leak when it breaks its row's
 * rule (a door that must refuse answers 2xx) or shows that case's data to someone who may not read it; the test
 * expects 0 leaks, and fails on a door that has no row.
 */
@ElderGuardTest
class AuthorizationMatrixTest {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationMatrixTest.class);
    private static final String ENGINE_WEBAPP = "/camunda/api/engine/engine/default";
    /** The console's charts library from its webjar (the pom's echarts.version; docs/decisions/039-echarts-webjar.md). */
    private static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final DoorTable doors = DoorTable.read();
    Fixture foreign;

    /** A kind of user, and what they may read of the 河西 case by docs/security.md's "Who sees what". */
    record Role(String label, String userId, boolean readsCase, boolean readsRegistry) {

        boolean anonymous() {
            return userId == null;
        }

        boolean admin() {
            return "admin".equals(userId);
        }

        boolean serviceAccount() {
            return userId != null && userId.endsWith("_api");
        }

        /** Who may open the supervisors' console (docs/console.md, "Scope"): 处非办, leading groups, unit leaders, administrators. */
        boolean watchesConsole() {
            return admin() || readsCase() || (userId != null && (userId.endsWith("_ld") || userId.endsWith("_zzb")));
        }

        boolean person() {
            return !anonymous() && !serviceAccount();
        }
    }

    static final List<Role> ROLES = List.of(
        new Role("另一乡镇民政办经办人", "cg_mz", false, false),
        new Role("另一乡镇民政办负责人", "cg_mz_ld", false, false),
        new Role("另一乡镇派出所经办人", "cg_pcs", false, false),
        new Role("另一乡镇市场监管所负责人", "cg_scjg_ld", false, false),
        new Role("另一乡镇综治办（处非）经办人", "cg_zzb", false, false),
        new Role("另一乡镇综治办（处非）负责人", "cg_zzb_ld", false, false),
        new Role("另一乡镇社区网格员", "dongjie_wgy", false, false),
        new Role("另一乡镇社区网格员负责人", "xijie_wgy_ld", false, false),
        new Role("县民政局经办人", "xian_mz", false, true),
        new Role("县民政局负责人", "xian_mz_ld", false, true),
        new Role("县社会组织管理股经办人", "xian_shzz", false, false),
        new Role("县市场监管局经办人", "xian_scjg", false, false),
        new Role("县公安局负责人", "xian_ga_ld", false, false),
        new Role("县政法委经办人", "xian_zfw", false, false),
        new Role("县信访局经办人", "xian_xf", false, false),
        new Role("县处非办经办人", "xian_cfb", true, true),
        new Role("县处非办负责人", "xian_cfb_ld", true, true),
        new Role("县领导小组成员", "xian_ldxz", true, true),
        new Role("市处非办经办人", "shi_cfb", true, true),
        new Role("市处非办负责人", "shi_cfb_ld", true, true),
        new Role("省处非办经办人", "sheng_cfb", true, true),
        new Role("省处非办负责人", "sheng_cfb_ld", true, true),
        new Role("接口账号（银行预警）", "bank_alert_api", false, false),
        new Role("接口账号（监测平台）", "monitor_api", false, false),
        new Role("未登录", null, false, false),
        new Role("系统管理员", "admin", true, true));

    /** The 河西 case and what would give it away: its texts and ids. */
    record Fixture(String institutionName, String creditCode, String description, String tipsterName, String tipsterPhone,
                   String comment, String attachment, long caseId, long leadId, long institutionId, String trackingCode, String processInstanceId,
                   String taskId, String processDefinitionId, Map<String, String> ids) {

        List<String> caseMarkers() {
            return List.of(description, comment, attachment, processInstanceId, taskId);
        }

        /** The case's numbers as JSON fields (a whole number, not the start of a longer one). */
        List<java.util.regex.Pattern> caseNumbers() {
            return List.of(java.util.regex.Pattern.compile("\"caseId\":" + caseId + "[,}]"),
                java.util.regex.Pattern.compile("\"leadId\":" + leadId + "[,}]"));
        }

        List<String> tipsterMarkers() {
            return List.of(tipsterName, tipsterPhone);
        }
    }

    /** One request: the door and path its rule is looked up by, and what is sent. */
    record Call(String door, String method, String rulePath, String url, String body, String contentType, boolean session,
                boolean targetsOwnAccount) {
    }

    record Outcome(Role role, Call call, DoorTable.Row row, int status, String body) {
    }

    @Test
    void noKindOfUserCrossesAnyDoorIntoAnotherTownsCase() throws Exception {
        foreign = foreignCase();
        List<String> unruled = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Outcome>>> runs = new ArrayList<>();
        for (Role role : ROLES) {
            runs.add(pool.submit(() -> callEveryDoor(role, unruled)));
        }
        int calls = 0;
        List<Outcome> all = new ArrayList<>();
        for (Future<List<Outcome>> run : runs) {
            for (Outcome outcome : run.get()) {
                calls++;
                all.add(outcome);
                judge(outcome).ifPresent(leaks::add);
            }
        }
        pool.shutdown();
        // The harness reaches the engine through both doors (session, CSRF token, Basic): a supervisor reads the
        // case's task, an administrator reads jobs, and an officer's claim is refused by the engine, not by CSRF.
        assertThat(status(all, "xian_cfb", "GET", "/engine-rest/task/" + foreign.taskId())).isEqualTo(200);
        assertThat(status(all, "xian_cfb", "GET", ENGINE_WEBAPP + "/task/" + foreign.taskId())).isEqualTo(200);
        assertThat(status(all, "admin", "GET", ENGINE_WEBAPP + "/job")).isEqualTo(200);
        assertThat(status(all, "admin", "GET", "/engine-rest/job")).isEqualTo(200);
        Outcome claim = outcome(all, "cg_mz", "POST", ENGINE_WEBAPP + "/task/" + foreign.taskId() + "/claim");
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.body()).contains("TASK_WORK").doesNotContain("CSRF");
        String evidence = "/api/attachments/" + foreign.ids().get("eg-attachment");
        assertThat(status(all, "xian_cfb", "GET", evidence)).as("a supervisor downloads the case's evidence").isEqualTo(200);
        assertThat(status(all, "cg_mz", "GET", evidence)).as("another town's officer").isEqualTo(403);
        String summary = "/api/campaigns/" + foreign.ids().get("campaign") + "/summary.pdf";
        assertThat(status(all, "xian_cfb", "GET", summary)).as("the county 处非办 exports a 河西 campaign's summary").isEqualTo(200);
        assertThat(status(all, "cg_zzb", "GET", summary)).as("another town's 处非办").isEqualTo(403);
        assertThat(status(all, "dongjie_wgy", "GET", summary)).as("a village grid worker").isEqualTo(403);
        leaks.addAll(invariants());

        Path report = Path.of("target", "authorization-matrix.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "calls: " + calls + "\nleaks: " + leaks.size() + "\n" + String.join("\n", leaks)
            + "\ndoors without a rule: " + unruled.size() + "\n" + String.join("\n", new TreeSet<>(unruled)) + "\n");
        log.info("Authorization matrix: {} roles, {} calls, {} leaks, {} doors without a rule (target/authorization-matrix.txt)",
            ROLES.size(), calls, leaks.size(), new TreeSet<>(unruled).size());
        assertThat(new TreeSet<>(unruled)).as("doors without a row in docs/security.md").isEmpty();
        assertThat(leaks).as("leaks (see target/authorization-matrix.txt)").isEmpty();
        assertThat(calls).as("the matrix really ran").isGreaterThan(ROLES.size() * 700);
    }

    // ---------------------------------------------------------------------------------------------- the calls

    private List<Outcome> callEveryDoor(Role role, List<String> unruled) throws IOException {
        Client client = new Client(role);
        List<Outcome> outcomes = new ArrayList<>();
        for (Call call : calls(role)) {
            String ruleDoor = call.door();
            String rulePath = call.rulePath();
            var row = doors.rule(ruleDoor, call.method(), rulePath);
            if (row.isPresent() && row.get().who().equals("engine")) {
                // The webapps' copy of the engine API follows the engine rows.
                row = doors.rule("engine", call.method(), rulePath.substring(ENGINE_WEBAPP.length()));
            }
            if (row.isEmpty()) {
                synchronized (unruled) {
                    unruled.add(ruleDoor + " " + call.method() + " " + rulePath);
                }
                continue;
            }
            if (skip(role, row.get(), call)) {
                continue;
            }
            HttpCaller.Response response = client.send(call);
            outcomes.add(new Outcome(role, call, row.get(), response.status(), response.body()));
        }
        return outcomes;
    }

    /** Writes the rule allows this role are not made: they would change the case the other calls look at. */
    private static boolean skip(Role role, DoorTable.Row row, Call call) {
        boolean write = !Set.of("GET", "OPTIONS", "HEAD").contains(call.method());
        return switch (row.who()) {
            case "admin", "task-work", "task-form" -> role.admin() && write;
            case "self" -> write && (role.admin() || (role.person() && call.targetsOwnAccount()));
            case "registry" -> write && call.rulePath().matches("/api/institutions/\\d+") && role.readsRegistry();
            case "campaign-office", "campaign-member", "campaign-reader" -> write && role.readsCase();
            default -> false;
        };
    }

    private List<Call> calls(Role role) throws IOException {
        List<Call> calls = new ArrayList<>();
        for (String[] operation : engineOperations()) {
            for (String path : concretePaths(operation[1], role)) {
                String body = body(operation[0], path, role);
                boolean own = role.userId() != null && path.startsWith("/user/" + role.userId() + "/");
                calls.add(new Call("engine", operation[0], path, "/engine-rest" + path, body, "application/json", false, own));
                calls.add(new Call("webapp", operation[0], ENGINE_WEBAPP + path, ENGINE_WEBAPP + path, body, "application/json", true, own));
            }
        }
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    calls.addAll(applicationCalls(method.name(), pattern, role));
                }
            }
        }
        calls.add(new Call("pages", "GET", "/app/leads.html", "/app/leads.html", null, null, false, false));
        calls.add(new Call("pages", "GET", ECHARTS, ECHARTS, null, null, false, false));
        for (String actuator : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used")) {
            calls.add(new Call("actuator", "GET", actuator, actuator, null, null, false, false));
        }
        for (String[] webapp : new String[][] {
            {"GET", "/camunda/api/engine/engine/"}, {"GET", "/camunda/api/admin/auth/user/default"},
            {"GET", "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js"},
            {"GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count"},
            {"GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"},
            {"GET", "/camunda/api/cockpit/plugin/base/default/process-instance/count"},
            {"POST", "/camunda/api/cockpit/plugin/base/default/process-instance"},
            {"GET", "/camunda/api/cockpit/plugin/base/default/incident/count"},
            {"POST", "/camunda/api/admin/setup/default/user/create"},
            {"GET", "/camunda/api/admin/plugin/adminPlugins/default/metrics"},
            {"GET", "/camunda/api/tasklist/plugin/tasklistPlugins/default/anything"},
            {"GET", "/camunda/api/welcome/plugin/welcomePlugins/default/anything"}}) {
            calls.add(new Call("webapp", webapp[0], webapp[1], webapp[1], "GET".equals(webapp[0]) ? null : "{}", "application/json",
                true, false));
        }
        return calls;
    }

    private List<Call> applicationCalls(String method, String pattern, Role role) {
        String door = pattern.startsWith("/public/") ? "public" : "application";
        String path = pattern
            .replace("/api/leads/{id}", "/api/leads/" + foreign.leadId())
            .replace("/api/cases/{id}", "/api/cases/" + foreign.caseId())
            .replace("/api/institutions/{id}", "/api/institutions/" + foreign.institutionId())
            .replace("/api/attachments/{id}", "/api/attachments/" + foreign.ids().get("eg-attachment"))
            .replace("{trackingCode}", foreign.trackingCode())
            .replace("/api/tasks/{taskId}", "/api/tasks/" + foreign.taskId())
            .replace("{code}", DemoOrganisation.HEXICUN)
            .replace("{processKey}", LeadDisposalProcess.KEY).replace("{taskKey}", LeadDisposalProcess.TASK_VERIFY_LEAD)
            .replace("/api/admin/deployments/{id}", "/api/admin/deployments/" + foreign.ids().get("deployment"))
            .replace("{batchId}", "matrix-no-such-batch")
            .replace("/api/campaigns/{id}", "/api/campaigns/" + foreign.ids().get("campaign"))
            .replace("/publicity/{pid}", "/publicity/" + foreign.ids().get("campaign-publicity"))
            .replace("/pledges/{pid}", "/pledges/" + foreign.ids().get("campaign-pledge"))
            .replace("{fileId}", foreign.ids().get("campaign-file"));
        String region = regionOf(role);
        List<String> urls = switch (pattern) {
            case "/api/cases" -> List.of(path + "?list=SCREENING", path + "?list=SCREENING&jurisdiction=" + DemoOrganisation.HEXICUN);
            case "/api/institutions" -> List.of(path, path + "?jurisdiction=" + DemoOrganisation.HEXICUN);
            // The 河西 case's task: readers get its marks, everyone else an answer without it.
            case "/api/tasks/deadline-marks" -> List.of(path + "?ids=" + foreign.taskId());
            case "/api/campaigns/{id}/records/totals" -> List.of(path, path + "?by=jurisdiction");
            case "/api/campaigns/{id}/reports", "/api/campaigns/{id}/publicity", "/api/campaigns/{id}/pledges" -> "GET".equals(method)
                ? List.of(path, path + "?unit=CIVIL_AFFAIRS@" + DemoOrganisation.HEXI) : List.of(path);
            case "/api/organisation/routing", "/api/organisation/ladder" ->
                List.of(path + "?agency=CIVIL_AFFAIRS&jurisdiction=" + DemoOrganisation.HEXICUN);
            default -> List.of(path);
        };
        String body = null;
        String contentType = "application/json";
        if ((pattern.endsWith("/attachments") || pattern.endsWith("/photos") || pattern.endsWith("/scan")) && "POST".equals(method)) {
            contentType = "multipart/form-data; boundary=matrix";
            body = "--matrix\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 matrix\r\n--matrix--\r\n";
        } else if (pattern.endsWith("/import")) {
            contentType = "multipart/form-data; boundary=matrix";
            body = "--matrix\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nnot a spreadsheet\r\n--matrix--\r\n";
        } else if (pattern.equals("/api/leads")) {
            body = role.serviceAccount()
                ? "{\"source\":\"BANK_FUND_ALERT\",\"reference\":\"MATRIX-" + UUID.randomUUID() + "\",\"institution\":{\"name\":\"矩阵测试\","
                    + "\"creditCode\":\"" + foreign.creditCode() + "\",\"jurisdiction\":\"" + region + "\"},\"description\":\"矩阵测试\"}"
                : "{\"source\":\"GRID_PATROL\",\"institution\":{\"name\":\"矩阵测试\",\"creditCode\":\"" + foreign.creditCode()
                    + "\",\"jurisdiction\":\"" + region + "\"},\"description\":\"矩阵测试\"}";
        } else if (pattern.equals("/api/leads/batch")) {
            // One item, as the single intake's body but always with its reference (every batch item needs one).
            body = "{\"leads\":[{\"source\":\"" + (role.serviceAccount() ? "BANK_FUND_ALERT" : "GRID_PATROL") + "\",\"reference\":\"MATRIX-"
                + UUID.randomUUID() + "\",\"institution\":{\"name\":\"矩阵测试\",\"creditCode\":\"" + foreign.creditCode()
                + "\",\"jurisdiction\":\"" + region + "\"},\"description\":\"矩阵测试\"}]}";
        } else if (pattern.startsWith("/api/institutions")) {
            body = "{\"name\":\"矩阵测试养老院\",\"creditCode\":\"" + foreign.creditCode() + "\",\"registered\":true,"
                + "\"legalForm\":\"PRIVATE_NON_ENTERPRISE\",\"jurisdiction\":\"" + region + "\"}";
        } else if (pattern.equals("/public/api/tips")) {
            body = "{\"institution\":{\"name\":\"矩阵测试\",\"jurisdiction\":\"" + DemoOrganisation.HEXICUN + "\"},\"description\":\"矩阵测试\"}";
        } else if (pattern.equals("/api/campaigns/{id}/reports")) {
            body = "{\"kind\":\"URGENT\",\"title\":\"矩阵测试\",\"body\":\"矩阵测试\"}";
        } else if (pattern.equals("/api/campaigns/{id}/publicity")) {
            body = "{\"heldOn\":\"" + cn.elderguard.system.Now.today() + "\",\"place\":\"矩阵测试\",\"form\":\"BANNER\","
                + "\"materialsHandedOut\":1,\"peopleReached\":1}";
        } else if (pattern.equals("/api/campaigns/{id}/pledges")) {
            body = "{\"institutionId\":" + foreign.institutionId() + ",\"signedOn\":\"" + cn.elderguard.system.Now.today() + "\"}";
        } else if (pattern.startsWith("/api/service-levels/")) {
            body = "{\"dueDays\":10,\"workingDays\":true,\"reminderDaysBefore\":2,\"escalationDaysAfter\":[0,3,5]}";
        } else if (!"GET".equals(method)) {
            body = "{}";
        }
        List<Call> calls = new ArrayList<>();
        for (String url : urls) {
            calls.add(new Call(door, method, path, url, body, contentType, false, false));
        }
        return calls;
    }

    /** The role's own jurisdiction, where it may report leads and create institutions. */
    private static String regionOf(Role role) {
        if (role.userId() == null || role.admin()) {
            return DemoOrganisation.DONGJIE;
        }
        String id = role.userId();
        if (id.startsWith("cg_")) {
            return DemoOrganisation.CHENGGUAN;
        }
        if (id.startsWith("dongjie")) {
            return DemoOrganisation.DONGJIE;
        }
        if (id.startsWith("xijie")) {
            return "999001001002";
        }
        if (id.startsWith("xian_")) {
            return DemoOrganisation.COUNTY;
        }
        if (id.startsWith("shi_")) {
            return DemoOrganisation.CITY;
        }
        return DemoOrganisation.PROVINCE;
    }

    private List<String[]> engineOperations() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.json")) {
            JsonNode paths = json.readTree(in).path("paths");
            List<String[]> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase();
                    if (Set.of("GET", "POST", "PUT", "DELETE", "OPTIONS").contains(method)) {
                        operations.add(new String[] {method, path.getKey()});
                    }
                }
            }
            assertThat(operations).as("Camunda's OpenAPI description of the engine REST API").hasSizeGreaterThan(350);
            return operations;
        }
    }

    /** The operation's path with the case's ids (a user's own and another's for user resources). */
    private List<String> concretePaths(String template, Role role) {
        String[] segments = template.substring(1).split("/");
        String resource = segments[0].equals("history") && segments.length > 1 ? "history/" + segments[1] : segments[0];
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/');
            if (segment.startsWith("{")) {
                path.append(parameter(resource, segment.substring(1, segment.length() - 1)));
            } else {
                path.append(segment);
            }
        }
        String concrete = path.toString();
        if (template.startsWith("/user/{id}") && role.userId() != null) {
            return List.of(concrete, concrete.replaceFirst("^/user/[^/]+", "/user/" + role.userId()));
        }
        return List.of(concrete);
    }

    private String parameter(String resource, String name) {
        Map<String, String> ids = foreign.ids();
        return switch (name) {
            case "id" -> ids.getOrDefault(resource, UUID.randomUUID().toString());
            case "key" -> resource.startsWith("decision") ? "RiskRating" : LeadDisposalProcess.KEY;
            case "varName" -> "institutionName";
            case "commentId" -> ids.get("comment");
            case "attachmentId" -> ids.get("attachment");
            case "userId" -> "hx_mz";
            case "groupId" -> ids.get("group");
            case "tenant-id" -> "matrix-tenant";
            default -> UUID.randomUUID().toString();
        };
    }

    private String body(String method, String path, Role role) {
        if (Set.of("GET", "DELETE", "OPTIONS").contains(method)) {
            return null;
        }
        if (path.endsWith("/claim")) {
            return "{\"userId\":\"" + (role.userId() == null ? "nobody" : role.userId()) + "\"}";
        }
        if (path.endsWith("/complete") || path.endsWith("/submit-form")) {
            return "{\"variables\":{\"notes\":{\"value\":\"矩阵测试\"}}}";
        }
        if (path.matches(".*/(variables|localVariables)")) {
            return "{\"modifications\":{\"notes\":{\"value\":\"矩阵测试\"}}}";
        }
        if (path.matches(".*/(variables|localVariables)/[^/]+")) {
            return "{\"value\":\"矩阵测试\",\"type\":\"String\"}";
        }
        if (path.endsWith("/retries")) {
            return "{\"retries\":5}";
        }
        if (path.endsWith("/duedate")) {
            return "{\"duedate\":\"2031-01-01T00:00:00.000+0800\"}";
        }
        if (path.endsWith("/suspended")) {
            return "{\"suspended\":true}";
        }
        if (path.endsWith("/priority")) {
            return "{\"priority\":7}";
        }
        if (path.endsWith("/profile")) {
            return "{\"id\":\"" + path.split("/")[2] + "\",\"firstName\":\"改名\",\"lastName\":\"改名\",\"email\":\"x@example.cn\"}";
        }
        if (path.endsWith("/credentials")) {
            return "{\"password\":\"Matrix-Passw0rd!\",\"authenticatedUserPassword\":\"not-the-password\"}";
        }
        if (path.endsWith("/start")) {
            return "{\"businessKey\":\"999999\"}";
        }
        return "{}";
    }

    // -------------------------------------------------------------------------------------------- the verdict

    private static Outcome outcome(List<Outcome> outcomes, String userId, String method, String url) {
        return outcomes.stream().filter(o -> userId.equals(o.role().userId()) && o.call().method().equals(method)
            && o.call().url().equals(url)).findFirst().orElseThrow(() -> new AssertionError("not called: " + userId + " " + method + " " + url));
    }

    private static int status(List<Outcome> outcomes, String userId, String method, String url) {
        return outcome(outcomes, userId, method, url).status();
    }

    /** Why the outcome is a leak, if it is one. */
    private java.util.Optional<String> judge(Outcome outcome) {
        Role role = outcome.role();
        Call call = outcome.call();
        int status = outcome.status();
        String body = outcome.body() == null ? "" : outcome.body();
        String where = role.label() + "（" + (role.userId() == null ? "anonymous" : role.userId()) + "） " + call.method() + " "
            + call.url() + " → " + status + " by " + outcome.row();
        // What the caller sent (an id in the URL, echoed in an error message) is no leak.
        String sent = call.url() + (call.body() == null ? "" : call.body());
        for (String marker : foreign.tipsterMarkers()) {
            if (body.contains(marker)) {
                return java.util.Optional.of("LEAK tipster identity: " + where);
            }
        }
        if (!role.readsCase() && body.contains(foreign.ids().get("campaign-marker"))) {
            return java.util.Optional.of("LEAK campaign record: " + where);
        }
        if (!role.readsCase()) {
            for (String marker : foreign.caseMarkers()) {
                if (body.contains(marker) && !sent.contains(marker)) {
                    return java.util.Optional.of("LEAK case data (" + marker + "): " + where);
                }
            }
            for (java.util.regex.Pattern number : foreign.caseNumbers()) {
                if (number.matcher(body).find()) {
                    return java.util.Optional.of("LEAK case number (" + number + "): " + where);
                }
            }
        }
        if (!role.readsCase() && !role.readsRegistry() && body.contains(foreign.institutionName())) {
            return java.util.Optional.of("LEAK institution: " + where);
        }
        boolean refused = status >= 400 && status < 500 || (status == 302 && role.anonymous());
        boolean strictlyRefused = status == 401 || status == 403 || (status == 302 && role.anonymous());
        String who = outcome.row().who();
        boolean mustRefuse = switch (who) {
            case "anyone" -> false;
            case "person", "engine-scoped" -> !role.person() && !role.admin();
            case "case-reader" -> !role.person() && !role.admin() || (!role.readsCase()
                && (call.rulePath().matches("/api/cases/" + foreign.caseId() + "(/.*)?") || call.rulePath().startsWith("/api/tasks/")));
            // No role of the matrix works the 河西 case or submitted its lead (a public tip).
            case "case-worker" -> true;
            case "case-reader-or-uploader" -> !role.readsCase();
            case "intake" -> role.anonymous();
            case "task-work", "task-form", "handling-chufei", "closed" -> true;
            case "self" -> !(role.person() && call.targetsOwnAccount()) && !role.admin();
            case "admin" -> !role.admin();
            case "submitter-or-case-reader" -> !role.readsCase();
            // The 河西 campaign is owned by 河西镇: its office readers are the case readers (the county's and higher 处非办 and
            // the county's leading group, administrators); no role of the matrix belongs to one of its participating units.
            case "campaign-unit" -> true;
            case "campaign-reader", "campaign-office" -> !role.readsCase();
            case "registry" -> !role.person() && !role.admin()
                || (call.rulePath().matches("/api/institutions/\\d+") && !role.readsRegistry());
            // The 河西 campaign: its office and everyone above it are the case readers of 河西; no role takes part in it.
            case "campaign-member" -> !role.readsCase();
            case "campaign-launch" -> !role.person() && !role.admin();
            // Each role's console is its own subtree or unit; the LEAK checks above hold those outside 河西 to no 河西 data.
            case "console" -> !role.watchesConsole();
            default -> throw new IllegalStateException("unknown rule '" + who + "' in " + outcome.row());
        };
        boolean strict = Set.of("admin", "closed").contains(who) || role.anonymous();
        if (mustRefuse && !(strict ? strictlyRefused : refused)) {
            return java.util.Optional.of("DOOR OPEN: " + where + " " + abbreviate(body));
        }
        return java.util.Optional.empty();
    }

    /** Nothing the calls tried changed the case, its task, its officer or the jobs. */
    private List<String> invariants() {
        List<String> broken = new ArrayList<>();
        Task task = engine.getTaskService().createTaskQuery().taskId(foreign.taskId()).singleResult();
        if (task == null) {
            broken.add("INVARIANT the 河西 verification task is gone");
        } else {
            if (task.getAssignee() != null) {
                broken.add("INVARIANT the 河西 task was claimed by " + task.getAssignee());
            }
            Set<String> candidates = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getGroupId()).filter(group -> group != null).collect(Collectors.toSet());
            if (!candidates.equals(Set.of("CIVIL_AFFAIRS-" + DemoOrganisation.HEXI))) {
                broken.add("INVARIANT the 河西 task's candidates changed: " + candidates);
            }
        }
        Object jurisdiction = engine.getRuntimeService().getVariable(foreign.processInstanceId(), "jurisdiction");
        if (!DemoOrganisation.HEXICUN.equals(jurisdiction)) {
            broken.add("INVARIANT the case's jurisdiction variable is now " + jurisdiction);
        }
        var officer = engine.getIdentityService().createUserQuery().userId("hx_mz").singleResult();
        if (officer == null || !"董梅".equals(officer.getFirstName())) {
            broken.add("INVARIANT hx_mz was renamed or deleted: " + officer);
        }
        var cleanup = engine.getManagementService().createJobQuery().jobId(foreign.ids().get("job")).singleResult();
        if (cleanup == null || cleanup.getRetries() == 5 || cleanup.isSuspended() || cleanup.getPriority() == 7) {
            broken.add("INVARIANT the history cleanup job was changed or deleted: " + cleanup);
        }
        return broken;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    // ------------------------------------------------------------------------------------------- the fixture

    private Fixture foreignCase() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first17 = "52999002MJ" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        String institution = "河西矩阵养老院-" + tag;
        String description = "矩阵描述-" + tag;
        String tipster = "矩阵举报人" + tag;
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> tip = Map.of(
            "institution", Map.of("name", institution, "creditCode", creditCode, "jurisdiction", DemoOrganisation.HEXICUN),
            "description", description, "tipster", Map.of("name", tipster, "phone", phone));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/public/api/tips"))
            .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.77")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(tip))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String trackingCode = json.readTree(created.body()).path("trackingCode").asText();
        Map<String, Object> lead = jdbc.sql("SELECT L.ID, L.CASE_ID, L.INSTITUTION_ID, C.PROCESS_INSTANCE_ID FROM EG_LEAD L"
            + " JOIN EG_CASE C ON C.ID = L.CASE_ID WHERE L.TRACKING_CODE = ?").param(trackingCode).query().singleRow();
        String processInstanceId = (String) lead.get("PROCESS_INSTANCE_ID");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
        String comment = "矩阵批注-" + tag;
        String commentId = engine.getTaskService().createComment(task.getId(), processInstanceId, comment).getId();
        String attachment = "矩阵附件-" + tag;
        String attachmentId = engine.getTaskService().createAttachment("text/plain", task.getId(), processInstanceId, attachment,
            attachment, new java.io.ByteArrayInputStream(attachment.getBytes(StandardCharsets.UTF_8))).getId();
        String definitionId = task.getProcessDefinitionId();
        // An evidence attachment as 河西's 民政办, working the case, uploads it: its name and content are the marker.
        String boundary = "matrix-" + tag;
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + attachment + ".png\"\r\n"
            + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(png);
        multipart.write((attachment + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/leads/" + lead.get("ID") + "/attachments"))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("hx_mz:" + DemoOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

        Map<String, String> ids = new LinkedHashMap<>();
        campaignRecords(ids, tag, ((Number) lead.get("INSTITUTION_ID")).longValue());
        ids.put("task", task.getId());
        ids.put("process-instance", processInstanceId);
        ids.put("execution", processInstanceId);
        ids.put("process-definition", definitionId);
        ids.put("history/process-instance", processInstanceId);
        ids.put("history/task", task.getId());
        ids.put("comment", commentId);
        ids.put("attachment", attachmentId);
        ids.put("eg-attachment", json.readTree(uploaded.body()).path("id").asText());
        ids.put("group", "CIVIL_AFFAIRS-" + DemoOrganisation.HEXI);
        ids.put("user", "hx_mz");
        ids.put("filter", engine.getFilterService().createFilterQuery().filterName("辖区全部任务").singleResult().getId());
        ids.put("deployment", engine.getRepositoryService().getProcessDefinition(definitionId).getDeploymentId());
        var decision = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("RiskRating").latestVersion()
            .singleResult();
        ids.put("decision-definition", decision.getId());
        ids.put("decision-requirements-definition", decision.getDecisionRequirementsDefinitionId());
        ids.put("job", engine.getHistoryService().findHistoryCleanupJobs().get(0).getId());
        ids.put("job-definition", engine.getManagementService().createJobDefinitionQuery().processDefinitionId(definitionId).list()
            .get(0).getId());
        ids.put("variable-instance", engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
            .variableName("institutionName").singleResult().getId());
        ids.put("history/variable-instance", ids.get("variable-instance"));
        ids.put("authorization", engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
            .resourceId(task.getId()).list().get(0).getId());
        ids.put("history/activity-instance", engine.getHistoryService().createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId).activityId(LeadDisposalProcess.TASK_VERIFY_LEAD).singleResult().getId());
        return new Fixture(institution, creditCode, description, tipster, phone, comment, attachment, ((Number) lead.get("CASE_ID")).longValue(),
            ((Number) lead.get("ID")).longValue(), ((Number) lead.get("INSTITUTION_ID")).longValue(), trackingCode, processInstanceId,
            task.getId(), definitionId, ids);
    }

    /**
     * A campaign of 河西镇 (inserted: the launch is not the subject here) in which 河西镇民政办 sent a report, recorded a
     * publicity activity with a photo and a pledge of the 河西 institution with its scan; the report's title is the marker.
     */
    private void campaignRecords(Map<String, String> ids, String tag, long institutionId) throws Exception {
        long campaignId = jdbc.sql("INSERT INTO EG_CAMPAIGN (NAME, OWNER_REGION, TEMPLATE, PLAN_DUE_ON, UNIT_SUMMARY_DUE_ON, SUMMARY_DUE_ON,"
                + " STATUS, UNIT_COUNT, LAUNCHED_BY, LAUNCHED_AT) VALUES (?, ?, 'STANDARD', DATE '2031-01-31', DATE '2031-12-20',"
                + " DATE '2031-12-31', 'RUNNING', 2, 'hx_zzb', TIMESTAMP '2020-01-01 00:00:00') RETURNING ID")
            .params("河西矩阵专项行动-" + tag, DemoOrganisation.HEXI).query(Long.class).single();
        jdbc.sql("INSERT INTO EG_CAMPAIGN_UNIT (CAMPAIGN_ID, ORDINAL, AGENCY, REGION_CODE, UNIT_NAME) VALUES (?, 0, 'CIVIL_AFFAIRS', ?,"
            + " '河西镇民政办'), (?, 1, 'GRID_WORKER', ?, '河西村网格员')").params(campaignId, DemoOrganisation.HEXI, campaignId,
            DemoOrganisation.HEXICUN).update();
        String marker = "矩阵专项信息-" + tag;
        HttpCaller officer = HttpCaller.basic(port, "hx_mz", DemoOrganisation.PASSWORD);
        HttpCaller.Response report = officer.post("/api/campaigns/" + campaignId + "/reports",
            "{\"kind\":\"INFO\",\"title\":\"" + marker + "\",\"body\":\"" + marker + "\"}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        HttpCaller.Response publicity = officer.post("/api/campaigns/" + campaignId + "/publicity", "{\"heldOn\":\""
            + cn.elderguard.system.Now.today() + "\",\"place\":\"" + marker + "\",\"form\":\"LECTURE\",\"materialsHandedOut\":3,"
            + "\"peopleReached\":30}");
        assertThat(publicity.status()).as(publicity.body()).isEqualTo(201);
        String publicityId = json.readTree(publicity.body()).path("id").asText();
        HttpResponse<String> photo = multipartAs("hx_mz", "/api/campaigns/" + campaignId + "/publicity/" + publicityId + "/photos",
            marker + ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3});
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(201);
        HttpCaller.Response pledge = officer.post("/api/campaigns/" + campaignId + "/pledges",
            "{\"institutionId\":" + institutionId + ",\"signedOn\":\"" + cn.elderguard.system.Now.today() + "\"}");
        assertThat(pledge.status()).as(pledge.body()).isEqualTo(201);
        String pledgeId = json.readTree(pledge.body()).path("id").asText();
        HttpResponse<String> scan = multipartAs("hx_mz", "/api/campaigns/" + campaignId + "/pledges/" + pledgeId + "/scan",
            marker + ".pdf", ("%PDF-1.4 " + marker).getBytes(StandardCharsets.UTF_8));
        assertThat(scan.statusCode()).as(scan.body()).isEqualTo(201);
        ids.put("campaign", String.valueOf(campaignId));
        ids.put("campaign-marker", marker);
        ids.put("campaign-publicity", publicityId);
        ids.put("campaign-pledge", pledgeId);
        ids.put("campaign-file", json.readTree(photo.body()).path("id").asText());
    }

    private HttpResponse<String> multipartAs(String user, String path, String fileName, byte[] content) throws Exception {
        String boundary = "matrix-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(content);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + DemoOrganisation.PASSWORD)
                .getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A user's two ways in: HTTP Basic for /engine-rest and the application, the webapps' session for /camunda/api. */
    private final class Client {

        private final HttpCaller basic;
        private final HttpCaller session;

        Client(Role role) {
            String password = role.admin() ? "test-admin" : DemoOrganisation.PASSWORD;
            this.basic = role.anonymous() ? HttpCaller.anonymous(port) : HttpCaller.basic(port, role.userId(), password);
            this.session = role.anonymous() ? HttpCaller.anonymous(port) : HttpCaller.webappSession(port, role.userId(), password);
        }

        HttpCaller.Response send(Call call) {
            return (call.session() ? session : basic).send(call.method(), call.url(), call.body(), call.contentType());
        }
    }
}
