package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import cn.elderguard.campaign.CampaignProcess;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.engine.ModelBean;
import cn.elderguard.engine.ModelBeans;
import cn.elderguard.engine.ApplicationVariables;

/**
 * Rules expression-allowlist, no-scripts and fields-from-forms file by file: the shipped models pass them, and each
 * kind of breach is refused naming the element and the offending part.
 */
class ExpressionRulesTest {

    static Map<String, byte[]> shipped = new TreeMap<>();
    static ModelBeans beans;

    ExpressionAllowlist allowlist = new ExpressionAllowlist(beans);
    NoScripts noScripts = new NoScripts(new ModelProperties(List.of(), "test", List.of()));
    FieldsFromForms fields = new FieldsFromForms(beans, applicationVariables(), Map::of);

    @BeforeAll
    static void read() throws IOException {
        for (String folder : List.of("bpmn", "forms")) {
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    shipped.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        // The allowlist as the application builds it: every class annotated @ModelBean.
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ModelBean.class));
        Map<String, Set<String>> found = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("cn.elderguard")) {
            try {
                ModelBean bean = AnnotatedElementUtils.findMergedAnnotation(Class.forName(candidate.getBeanClassName()), ModelBean.class);
                found.put(bean.value(), Set.of(bean.methods()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        beans = new ModelBeans(found);
    }

    static List<ApplicationVariables> applicationVariables() {
        return List.of(variablesOf(LeadDisposalProcess.class), variablesOf(CampaignProcess.class));
    }

    /** A capability's declaration, whose constructor is its own (Spring makes it). */
    private static ApplicationVariables variablesOf(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (ApplicationVariables) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBeanTheShippedModelsNameIsOnTheAllowlist() {
        assertThat(beans.allowlist().keySet()).contains("routeToUnit", "recordVerification", "recordRating", "tallyRefunds",
            "prepareCrossRegion", "escalateToRed", "closeCase", "recordReceipt", "recordHandOver", "sendDailyDigests");
    }

    @Test
    void theShippedModelsPass() {
        shipped.forEach((name, content) -> {
            for (DeploymentRule rule : List.of(allowlist, noScripts, fields)) {
                if (rule.appliesTo(name)) {
                    assertThat(rule.check(name, content, DeploymentContext.of(shipped))).as(rule.id() + " on " + name).isEmpty();
                }
            }
        });
    }

    @Test
    void theRuntimeChainIsRefusedNamingTheTaskAndGetClass() {
        List<DeploymentViolation> violations = alone(allowlist, "Probe.bpmn", process("""
            <bpmn:serviceTask id="Task_Run" camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}" />"""));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.ruleId()).isEqualTo(ExpressionAllowlist.ID);
            assertThat(violation.elementId()).isEqualTo("Task_Run");
            assertThat(violation.chinese()).contains("bpmn:serviceTask@camunda:expression").contains("方法 getClass 不在允许列表中")
                .contains("反射");
            assertThat(violation.english()).contains("the method getClass is not on the allowlist");
        });
    }

    @Test
    void aDelegateExpressionNamesAnAllowlistedBean() {
        List<DeploymentViolation> violations = alone(allowlist, "Probe.bpmn", process("""
            <bpmn:serviceTask id="Task_Run" camunda:delegateExpression="${dataSource}" />"""));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.elementId()).isEqualTo("Task_Run");
            assertThat(violation.chinese()).contains("${dataSource} 不是允许的 bean").contains("routeToUnit");
        });
    }

    @Test
    void javaClassesAndConnectorsAreRefused() {
        List<DeploymentViolation> violations = alone(allowlist, "Probe.bpmn", process("""
            <bpmn:serviceTask id="Task_Run" camunda:class="cn.elderguard.Anything" />
            <bpmn:userTask id="Task_Listen"><bpmn:extensionElements>
              <camunda:taskListener class="cn.elderguard.Listener" event="create" />
            </bpmn:extensionElements></bpmn:userTask>
            <bpmn:serviceTask id="Task_Connect"><bpmn:extensionElements>
              <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
            </bpmn:extensionElements></bpmn:serviceTask>"""));

        assertThat(violations).extracting(DeploymentViolation::elementId).containsExactly("Task_Run", "Task_Listen", "Task_Connect");
        assertThat(violations.get(0).chinese()).contains("camunda:class=\"cn.elderguard.Anything\" 引用 Java 类");
        assertThat(violations.get(2).chinese()).contains("camunda:connector 不允许");
    }

    @Test
    void expressionsAreFoundWhereverTheEngineEvaluatesThem() {
        List<DeploymentViolation> violations = alone(allowlist, "Probe.bpmn", process("""
            <bpmn:userTask id="Task_Run" camunda:candidateGroups="${groups.get(0)}" camunda:dueDate="${due.plusDays(1)}">
              <bpmn:extensionElements>
                <camunda:inputOutput><camunda:inputParameter name="x">${tipsters.findAll()}</camunda:inputParameter></camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:intermediateCatchEvent id="Event_Wait"><bpmn:timerEventDefinition id="TimerEventDefinition_Wait">
              <bpmn:timeDuration>${clock.now()}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:callActivity id="Task_Call" calledElement="${keys.next()}" />
            <bpmn:documentation>${notAnExpression.really()}</bpmn:documentation>"""));

        assertThat(violations).extracting(violation -> violation.elementId() + " " + violation.chinese().split(" ")[0])
            .containsExactlyInAnyOrder("Task_Run bpmn:userTask@camunda:candidateGroups", "Task_Run bpmn:userTask@camunda:dueDate",
                "Task_Run camunda:inputParameter", "TimerEventDefinition_Wait bpmn:timeDuration", "Task_Call bpmn:callActivity@calledElement");
    }

    @Test
    void aFeelExternalFunctionAndAJuelMethodInADecisionAreRefused() {
        List<DeploymentViolation> violations = alone(allowlist, "Probe.dmn", decision("""
            <input id="Input_Juel"><inputExpression id="InputExpression_Juel" typeRef="string" expressionLanguage="juel">
              <text>${jdbcTemplate.queryForList('select 1')}</text></inputExpression></input>
            <input id="Input_Feel"><inputExpression id="InputExpression_Feel" typeRef="integer">
              <text>{ max: function(a, b) external { java: { class: "java.lang.Math", method signature: "max(int, int)" } } }.max(1, 2)</text>
            </inputExpression></input>""", "peopleInvolved"));

        assertThat(violations).extracting(DeploymentViolation::elementId).containsExactly("InputExpression_Juel", "InputExpression_Feel");
        assertThat(violations.get(0).chinese()).contains("方法 queryForList 不在允许列表中");
        assertThat(violations.get(1).chinese()).contains("FEEL 外部函数");
    }

    @Test
    void scriptsAreRefusedUnlessTheirLanguageIsAllowed() {
        byte[] scripts = process("""
            <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>println 'x'</bpmn:script></bpmn:scriptTask>
            <bpmn:manualTask id="Task_Listen"><bpmn:extensionElements><camunda:executionListener event="start">
              <camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:manualTask>
            <bpmn:sequenceFlow id="SequenceFlow_Scripted" sourceRef="Task_Script" targetRef="Task_Listen">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
            </bpmn:sequenceFlow>""");

        List<DeploymentViolation> violations = alone(noScripts, "Probe.bpmn", scripts);

        assertThat(violations).extracting(DeploymentViolation::elementId)
            .containsExactlyInAnyOrder("Task_Script", "Task_Listen", "SequenceFlow_Scripted");
        assertThat(violations).allSatisfy(violation -> assertThat(violation.chinese()).contains("未获准许")
            .contains("elderguard.models.script-languages").contains("当前准许：无"));
        // The script conditions and text are not JUEL: the expression rule leaves them to this one.
        assertThat(alone(allowlist, "Probe.bpmn", scripts)).isEmpty();

        NoScripts groovyAllowed = new NoScripts(new ModelProperties(List.of(), "test", List.of("Groovy")));
        assertThat(alone(groovyAllowed, "Probe.bpmn", scripts)).extracting(DeploymentViolation::elementId).containsExactly("Task_Listen");
    }

    @Test
    void aDecisionInAScriptLanguageIsRefused() {
        List<DeploymentViolation> violations = alone(noScripts, "Probe.dmn", decision("""
            <input id="Input_Script"><inputExpression id="InputExpression_Script" typeRef="integer" expressionLanguage="javascript">
              <text>peopleInvolved * 2</text></inputExpression></input>""", "peopleInvolved"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.elementId()).isEqualTo("InputExpression_Script");
            assertThat(violation.chinese()).contains("脚本语言 javascript");
        });
    }

    @Test
    void aConditionOnAVariableNoFormHasIsRefused() {
        Map<String, byte[]> deployment = new TreeMap<>(Map.of("VerifyLead.form", shipped.get("VerifyLead.form")));
        byte[] bpmn = process("""
            <bpmn:manualTask id="Task_Run" />
            <bpmn:sequenceFlow id="SequenceFlow_Phone" sourceRef="Task_Run" targetRef="Task_Run">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${tipsterPhone != null &amp;&amp; peopleInvolved > 0}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>""");
        deployment.put("Probe.bpmn", bpmn);

        List<DeploymentViolation> violations = fields.check("Probe.bpmn", bpmn, deployment);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.ruleId()).isEqualTo(FieldsFromForms.ID);
            assertThat(violation.elementId()).isEqualTo("SequenceFlow_Phone");
            assertThat(violation.chinese()).contains("读取变量 tipsterPhone").contains("请在表单中加入键为 tipsterPhone 的字段");
        });
    }

    @Test
    void variablesTheModelsSetThemselvesCount() {
        byte[] bpmn = process("""
            <bpmn:businessRuleTask id="Task_Rate" camunda:decisionRef="X" camunda:resultVariable="score" />
            <bpmn:manualTask id="Task_Run"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:outputParameter name="doubled">${score * 2}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:manualTask>
            <bpmn:sequenceFlow id="SequenceFlow_High" sourceRef="Task_Rate" targetRef="Task_Run">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${doubled > 10}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>""");

        assertThat(fields.check("Probe.bpmn", bpmn, Map.of("Probe.bpmn", bpmn))).isEmpty();
    }

    @Test
    void decisionInputsAreFormFieldsOrOutputsOfOtherDecisions() {
        byte[] riskRating = shipped.get("RiskRating.dmn");
        String renamed = new String(riskRating, StandardCharsets.UTF_8).replace("<text>prepaidFeesUse</text>", "<text>prepaidFeeUse</text>");

        // Deployed alone, a decision is judged by the forms already deployed.
        FieldsFromForms withDeployedForms = new FieldsFromForms(beans, applicationVariables(), () -> shipped.entrySet().stream()
            .filter(file -> file.getKey().endsWith(".form"))
            .collect(Collectors.toMap(file -> file.getKey().replace(".form", ""), file -> formKeys(file.getValue()))));
        assertThat(withDeployedForms.check("RiskRating.dmn", riskRating, Map.of("RiskRating.dmn", riskRating))).isEmpty();
        assertThat(withDeployedForms.check("RiskRating.dmn", renamed.getBytes(StandardCharsets.UTF_8), Map.of("RiskRating.dmn", renamed.getBytes(StandardCharsets.UTF_8))))
            .singleElement().satisfies(violation -> {
                assertThat(violation.elementId()).isEqualTo("InputExpression_PrepaidUse");
                assertThat(violation.chinese()).contains("读取变量 prepaidFeeUse");
            });
    }

    @Test
    void aFormLeftOutOfTheDeploymentCountsAsDeployed() {
        // Modeler's "deploy changed only": the process and one changed form, the other forms deployed before.
        byte[] leadDisposal = shipped.get("LeadDisposal.bpmn");
        Map<String, byte[]> changed = Map.of("LeadDisposal.bpmn", leadDisposal, "VerifyLead.form", shipped.get("VerifyLead.form"),
            "RiskRating.dmn", shipped.get("RiskRating.dmn"));
        FieldsFromForms withDeployedForms = new FieldsFromForms(beans, applicationVariables(), () -> shipped.entrySet().stream()
            .filter(file -> file.getKey().endsWith(".form"))
            .collect(Collectors.toMap(file -> file.getKey().replace(".form", ""), file -> formKeys(file.getValue()))));

        assertThat(withDeployedForms.check("LeadDisposal.bpmn", leadDisposal, changed)).isEmpty();
        assertThat(fields.check("LeadDisposal.bpmn", leadDisposal, changed)).extracting(DeploymentViolation::chinese)
            .anySatisfy(text -> assertThat(text).contains("读取变量 spotCheckResult"));
    }

    private static Set<String> formKeys(byte[] form) {
        try {
            return TaskForms.fields(new com.fasterxml.jackson.databind.ObjectMapper().readTree(form)).stream().map(FormField::key)
                .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] process(String elements) {
        return ("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Probe" targetNamespace="http://elderguard.cn/bpmn">
              <bpmn:process id="Probe" isExecutable="true" camunda:historyTimeToLive="1">
            """ + elements + """
              </bpmn:process>
            </bpmn:definitions>
            """).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] decision(String inputs, String ignored) {
        return ("""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Probe" name="探测" namespace="http://elderguard.cn/dmn">
              <decision id="Probe" name="探测">
                <decisionTable id="DecisionTable_Probe">
            """ + inputs + """
                  <output id="Output_Result" name="result" typeRef="string" />
                </decisionTable>
              </decision>
            </definitions>
            """).getBytes(StandardCharsets.UTF_8);
    }

    /** A file deployed on its own onto an engine with nothing deployed. */
    private static List<DeploymentViolation> alone(DeploymentRule rule, String name, byte[] content) {
        return rule.check(name, content, DeploymentContext.of(Map.of(name, content)));
    }
}
