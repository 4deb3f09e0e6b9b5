package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.RouteToUnitListener;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.engine.ModelBean;

/**
 * A model that would run Java, read the database, script, or read a variable no form has is refused at Camunda
 * Modeler's door with 400 naming file, element and rule, and nothing is deployed; and even a model that got in
 * another way resolves no bean but the allowlisted ones (docs/decisions/024).
 */
@ElderGuardTest
class ModelGateDeploymentTest {

    static final String FILE = "GateProbe.bpmn";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationContext context;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the runtime chain | <bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"${''.getClass().forName('java.lang.Runtime')"
            + ".getMethod('getRuntime').invoke(null).exec('id')}\" /> | Task_Run | expression-allowlist | 方法 getClass 不在允许列表中",
        "the data source | <bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"${dataSource.getConnection()}\" />"
            + " | Task_Run | expression-allowlist | 方法 getConnection 不在允许列表中：dataSource 不是可供模型调用的 bean",
        "JdbcTemplate | <bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"${jdbcTemplate.queryForList('select name, phone from eg_tipster')}\" />"
            + " | Task_Run | expression-allowlist | 方法 queryForList 不在允许列表中：jdbcTemplate 不是可供模型调用的 bean",
        "a bean as delegate | <bpmn:serviceTask id=\"Task_Run\" camunda:delegateExpression=\"${jdbcTemplate}\" />"
            + " | Task_Run | expression-allowlist | ${jdbcTemplate} 不是允许的 bean",
        "camunda:class | <bpmn:serviceTask id=\"Task_Run\" camunda:class=\"java.lang.Runtime\" />"
            + " | Task_Run | expression-allowlist | 引用 Java 类",
        "a script task | <bpmn:scriptTask id=\"Task_Run\" scriptFormat=\"groovy\"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"
            + " | Task_Run | no-scripts | 使用脚本语言 groovy，未获准许",
        "a script listener | <bpmn:manualTask id=\"Task_Run\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"javascript\">java.lang.Runtime.getRuntime()</camunda:script></camunda:executionListener>"
            + "</bpmn:extensionElements></bpmn:manualTask> | Task_Run | no-scripts | 使用脚本语言 javascript，未获准许",
        "a variable no form has | <bpmn:manualTask id=\"Task_Run\" /><bpmn:sequenceFlow id=\"SequenceFlow_Phone\" sourceRef=\"Task_Run\""
            + " targetRef=\"EndEvent_Done\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${tipsterPhone != null}"
            + "</bpmn:conditionExpression></bpmn:sequenceFlow> | SequenceFlow_Phone | fields-from-forms | 读取变量 tipsterPhone"})
    void aRefusedModelIsNotDeployed(String what, String elements, String elementId, String rule, String reason) throws IOException {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        ResponseEntity<String> response = deploy(process(elements));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("message").asText()).contains("部署被拒绝").contains(FILE).contains(elementId).contains(rule).contains(reason);
        assertThat(body.path("details").path(FILE).path("errors")).anySatisfy(problem -> {
            assertThat(problem.path("mainElementId").asText()).isEqualTo(elementId);
            assertThat(problem.path("message").asText()).contains(rule).contains(reason);
        });
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("GateProbe").count()).isZero();
    }

    @Test
    void aModelWithinTheRulesIsDeployed() throws IOException {
        ResponseEntity<String> response = deploy(process("""
            <bpmn:serviceTask id="Task_Run" camunda:delegateExpression="${closeCase}" />"""));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        engine.getRepositoryService().deleteDeployment(json.readTree(response.getBody()).path("id").asText(), true);
    }

    @Test
    void expressionsResolveOnlyTheAllowlistedBeans() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getBeans().keySet()).containsExactlyInAnyOrder((Object[]) context.getBeanNamesForAnnotation(ModelBean.class))
            .doesNotContain("dataSource", "jdbcTemplate", "processEngine", "runtimeService")
            .containsAll(beansNamedByTheShippedModels());
        assertThat(context.containsBean("dataSource")).isTrue();

        JuelExpressionManager expressions = (JuelExpressionManager) configuration.getExpressionManager();
        ELContext variables = expressions.createElContext(Variables.createVariables().putValue("peopleInvolved", 3).asVariableContext());
        assertThat(expressions.createValueExpression("${routeToUnit}").getValue(variables)).isInstanceOf(RouteToUnitListener.class);
        assertThat(expressions.createValueExpression("${peopleInvolved > 0}").getValue(variables)).isEqualTo(true);
        for (String outside : new String[] {"${dataSource}", "${jdbcTemplate}", "${runtimeService}", "${dataSource.getConnection()}"}) {
            assertThatThrownBy(() -> expressions.createValueExpression(outside).getValue(variables)).as(outside)
                .isInstanceOf(PropertyNotFoundException.class);
        }
    }

    private static Set<String> beansNamedByTheShippedModels() {
        Set<String> named = new java.util.TreeSet<>();
        Pattern delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
        try (var files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = delegate.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(named).contains("recordVerification", "closeCase");
        return named;
    }

    private ResponseEntity<String> deploy(byte[] bpmn) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "GateProbe");
        parts.add("deployment-source", "Camunda Modeler");
        Map<String, byte[]> files = new TreeMap<>(Map.of(FILE, bpmn));
        files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(adminId, adminPassword)
            .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    /** A one-task process; the task is Task_Run, extra elements go beside it. */
    private static byte[] process(String elements) {
        return ("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_GateProbe" targetNamespace="http://elderguard.cn/bpmn">
              <bpmn:process id="GateProbe" name="部署检查探测" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="StartEvent_Started" />
                <bpmn:sequenceFlow id="SequenceFlow_ToRun" sourceRef="StartEvent_Started" targetRef="Task_Run" />
            """ + elements + """
                <bpmn:sequenceFlow id="SequenceFlow_ToDone" sourceRef="Task_Run" targetRef="EndEvent_Done" />
                <bpmn:endEvent id="EndEvent_Done" />
              </bpmn:process>
            </bpmn:definitions>
            """).getBytes(StandardCharsets.UTF_8);
    }
}
