package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax-tree walk of rule expression-allowlist, one expression at a time. */
class ExpressionCheckTest {

    final ExpressionCheck check = new ExpressionCheck(Map.of("routeToUnit", Set.of(), "scoring", Set.of("score")));

    @ParameterizedTest
    @ValueSource(strings = {
        "${riskLevel == 'RED'}",
        "${registered && riskLevel == 'YELLOW'}",
        "${!registered && riskLevel != 'RED'}",
        "${registeredElsewhere != null && !crossRegionNotified}",
        "${refundTargetYuan <= 0}",
        "${(a + b) * 2 - c / 4 % 3 > 10 || empty d}",
        "${a gt 1 and not b}",
        "${a ? 'x' : 'y'}",
        "${-a}",
        "${true}",
        "${'PUBLIC_SECURITY'}",
        "P${spotCheckIntervalDays}D",
        "#{execution.processBusinessKey}",
        "${task.taskDefinitionKey}",
        "${routeToUnit}",
        "${scoring.score(peopleInvolved, 'x')}",
        "${scoring.score(execution)}",
        "${authenticatedUserId}",
        "plain text, no expression"})
    void allowed(String expression) {
        assertThat(check.check(expression).refusals()).as(expression).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')} | 方法 getClass 不在允许列表中",
        "${x.class}                                        | 属性 class 不在允许列表中",
        "${x.class.classLoader}                            | 属性 classLoader 不在允许列表中",
        "${dataSource.getConnection()}                     | 方法 getConnection 不在允许列表中：dataSource 不是可供模型调用的 bean",
        "${jdbcTemplate.queryForList('select name from eg_tipster')} | 方法 queryForList 不在允许列表中：jdbcTemplate 不是",
        "${scoring.reset()}                                | 方法 reset 不在 bean scoring 的允许列表中（允许：score）",
        "${routeToUnit.notify(task)}                       | 方法 notify 不在 bean routeToUnit 的允许列表中（允许：无）",
        "${execution.getProcessEngineServices()}           | 不允许调用 execution 的方法",
        "${execution.processEngineServices}                | 属性 processEngineServices 不在允许列表中",
        "${execution.getVariable('x')}                     | 不允许调用 execution 的方法（getVariable）",
        "${task.execution}                                 | 不允许读取 task.execution",
        "${lead.name}                                      | 不允许读取 lead.name",
        "${lead['name']}                                   | 不允许用方括号取值",
        "${currentUser()}                                  | 函数 currentUser 不在允许列表中",
        "${fn:forName('x')}                                | 函数 fn:forName 不在允许列表中",
        "${a == }                                          | 表达式无法解析"})
    void refused(String expression, String reason) {
        ExpressionCheck.Result result = check.check(expression);

        assertThat(result.refusals()).as(expression).isNotEmpty();
        assertThat(result.refusals()).extracting(ExpressionCheck.Refusal::chinese).anySatisfy(text -> assertThat(text).contains(reason));
    }

    @Test
    void everyStepOfTheRuntimeChainIsNamed() {
        ExpressionCheck.Result result = check.check(
            "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}");

        assertThat(result.refusals()).extracting(ExpressionCheck.Refusal::part)
            .containsExactly("exec()", "invoke()", "getMethod()", "forName()", "getClass()");
        assertThat(result.refusals().get(4).english()).contains("getClass").contains("reflection");
    }

    @Test
    void variablesReadAreCollectedButNotBeansOrEngineObjects() {
        ExpressionCheck.Result result = check.check("${scoring.score(peopleInvolved) > limit && execution.processBusinessKey != authenticatedUserId}");

        assertThat(result.variables()).containsExactlyInAnyOrder("peopleInvolved", "limit");
        assertThat(result.beansNamed()).containsExactly("scoring");
    }

    @Test
    void aDelegateIsExactlyOneBean() {
        assertThat(check.check("${routeToUnit}").singleBean()).isTrue();
        assertThat(check.check("${dataSource}").singleBean()).isFalse();
        assertThat(check.check("${dataSource}").variables()).containsExactly("dataSource");
        assertThat(check.check("${routeToUnit != null}").singleBean()).isFalse();
    }
}
