package cn.elderguard.disposal;

import static cn.elderguard.lead.LeadDisposalProcess.VAR_COLLAPSED;
import static cn.elderguard.lead.LeadDisposalProcess.VAR_OPERATION_STABLE;
import static cn.elderguard.lead.LeadDisposalProcess.VAR_PREPAID_FEES_USE;
import static cn.elderguard.lead.LeadDisposalProcess.VAR_PREPAID_FEES_YUAN;
import static cn.elderguard.lead.LeadDisposalProcess.VAR_REGISTERED;
import static cn.elderguard.lead.LeadDisposalProcess.VAR_REGISTERED_ELSEWHERE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.engine.Variables;

/**
 * What a verifying officer finds (核查, form VerifyLead): which facts cannot all be true together, and which
 * facts the form asks only while another fact makes them meaningful (docs/forms.md). The form makes the
 * contradictions impossible by hiding the dependent fact; {@link RefuseContradictoryVerification} refuses
 * them on the server, whoever completes the task. The rules live here and nowhere else.
 */
final class Verification {

    /** 未收取 */
    static final String NO_PREPAID_FEES = "NONE";

    /**
     * Dependent fact → the fact it depends on. The form shows a dependent fact only while it applies (use of the
     * fees only when fees were collected, 运营比较平稳 only when not collapsed, a registration elsewhere only when
     * registered); a hidden field is not submitted, and an absent dependent fact means its neutral value.
     */
    static final Map<String, String> DEPENDENT_FACTS = Map.of(
        VAR_PREPAID_FEES_USE, VAR_PREPAID_FEES_YUAN,
        VAR_OPERATION_STABLE, VAR_COLLAPSED,
        VAR_REGISTERED_ELSEWHERE, VAR_REGISTERED);

    private static final List<Rule> RULES = List.of(
        new Rule(VAR_PREPAID_FEES_YUAN, "已收取预付费、会员费（元）", VAR_PREPAID_FEES_USE, "预付费主要用途",
            facts -> feesCollected(facts) && (facts.prepaidFeesUse() == null || NO_PREPAID_FEES.equals(facts.prepaidFeesUse())),
            "已收取预付费、会员费的，请选择其主要用途（不能为“未收取”）；确未收取的，金额请填 0"),
        new Rule(VAR_PREPAID_FEES_YUAN, "已收取预付费、会员费（元）", VAR_PREPAID_FEES_USE, "预付费主要用途",
            facts -> facts.prepaidFeesYuan() != null && !feesCollected(facts) && facts.prepaidFeesUse() != null
                && !NO_PREPAID_FEES.equals(facts.prepaidFeesUse()),
            "金额为 0 时预付费主要用途只能是“未收取”；确有收取的，请填写收取的金额"),
        new Rule(VAR_COLLAPSED, "已经“爆雷”", VAR_OPERATION_STABLE, "运营比较平稳",
            facts -> facts.collapsed() && facts.operationStable(),
            "已经“爆雷”的机构不能同时运营比较平稳，请取消其中一项"),
        new Rule(VAR_REGISTERED, "已依法登记", VAR_REGISTERED_ELSEWHERE, "异地登记的区划代码",
            facts -> !facts.registered() && facts.registeredElsewhere() != null,
            "未登记的场所没有登记地：已在外地登记的请勾选“已依法登记”，否则请清空异地登记的区划代码"));

    private Verification() {
    }

    /** A user task whose form is VerifyLead, in any model. */
    static boolean isVerificationTask(DelegateTask task) {
        return task.getBpmnModelElementInstance() != null
            && LeadDisposalProcess.FORM_VERIFY_LEAD.equals(task.getBpmnModelElementInstance().getCamundaFormRef());
    }

    /** 未收取 and the uses the form offers once fees were collected. */
    static final List<String> PREPAID_FEES_USES = List.of(NO_PREPAID_FEES, "FACILITY_CONSTRUCTION", "OPERATIONS", "IRREGULAR");

    /** Each contradiction among the facts, naming both fields and what to do; empty when they fit together. */
    static List<String> contradictions(VariableScope scope) {
        VerifiedFacts facts = VerifiedFacts.asSubmitted(scope);
        List<String> problems = new ArrayList<>();
        if (facts.prepaidFeesUse() != null && !PREPAID_FEES_USES.contains(facts.prepaidFeesUse())) {
            problems.add(VAR_PREPAID_FEES_USE + "（预付费主要用途）：取值“" + facts.prepaidFeesUse() + "”无效，应为 " + PREPAID_FEES_USES);
        }
        for (Rule rule : RULES) {
            if (rule.broken().test(facts)) {
                problems.add(rule.field() + "（" + rule.fieldLabel() + "）与 " + rule.otherField() + "（" + rule.otherFieldLabel()
                    + "）相互矛盾：" + rule.whatToDo());
            }
        }
        return problems;
    }

    /** Gives each absent dependent fact its neutral value (未收取, not stable, no registration elsewhere). */
    static void normalise(VariableScope scope) {
        Map<String, Object> neutral = new LinkedHashMap<>();
        neutral.put(VAR_PREPAID_FEES_USE, NO_PREPAID_FEES);
        neutral.put(VAR_OPERATION_STABLE, false);
        neutral.put(VAR_REGISTERED_ELSEWHERE, null);
        neutral.forEach((fact, value) -> {
            if (Variables.text(scope, fact) == null) {
                scope.setVariable(fact, value);
            }
        });
    }

    private static boolean feesCollected(VerifiedFacts facts) {
        return facts.prepaidFeesYuan() != null && facts.prepaidFeesYuan().signum() > 0;
    }

    private record Rule(String field, String fieldLabel, String otherField, String otherFieldLabel, Predicate<VerifiedFacts> broken,
                        String whatToDo) {
    }
}
