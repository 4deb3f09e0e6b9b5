package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * Every executable process and every decision says how long its history is kept ({@code camunda:historyTimeToLive},
 * days): history cleanup removes finished cases after it, and the engine refuses models without one unless a
 * default hides the choice (docs/decisions/025).
 */
@Component
class HistoryTimeToLive implements DeploymentRule {

    static final String ID = "history-time-to-live";
    /** Days, or the ISO form the engine also reads ({@code P1825D}). */
    private static final Pattern DAYS = Pattern.compile("\\d{1,6}|P\\d{1,6}D");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return ModelFiles.isBpmn(resourceName) || ModelFiles.isDmn(resourceName);
    }

    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        List<DeploymentViolation> violations = new ArrayList<>();
        if (ModelFiles.isBpmn(resourceName)) {
            ModelFiles.bpmn(content).ifPresent(model -> model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .forEach(process -> check(process.getId(), process.getCamundaHistoryTimeToLiveString(), "流程", "process",
                    "点击画布空白处，在属性面板「History cleanup」的 Time to live 栏", violations)));
        } else {
            ModelFiles.dmn(content).ifPresent(model -> model.getModelElementsByType(Decision.class)
                .forEach(decision -> check(decision.getId(), decision.getCamundaHistoryTimeToLiveString(), "决策", "decision",
                    "选中决策，在属性面板「History cleanup」的 Time to live 栏", violations)));
        }
        return violations;
    }

    private static void check(String id, String timeToLive, String kind, String kindEnglish, String where,
                              List<DeploymentViolation> violations) {
        if (timeToLive == null || timeToLive.isBlank()) {
            violations.add(new DeploymentViolation(ID, id,
                kind + " " + id + " 没有设定历史保留期限（historyTimeToLive）：请在 Camunda Modeler 中" + where + "填写天数（如 1825，即五年）",
                kindEnglish + " " + id + " sets no history time to live: in Camunda Modeler enter the days to keep its history"
                    + " (e.g. 1825, five years) under History cleanup, Time to live"));
        } else if (!DAYS.matcher(timeToLive.trim()).matches()) {
            violations.add(new DeploymentViolation(ID, id,
                kind + " " + id + " 的历史保留期限 " + timeToLive + " 不是天数：请在 Camunda Modeler 中" + where + "填写整数天数（如 1825）",
                kindEnglish + " " + id + "'s history time to live " + timeToLive + " is not a number of days: enter whole days"
                    + " (e.g. 1825) under History cleanup, Time to live"));
        }
    }
}
