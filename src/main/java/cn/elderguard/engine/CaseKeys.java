package cn.elderguard.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The case id of a process: its business key (LeadDisposal and the processes it calls). */
public final class CaseKeys {

    private CaseKeys() {
    }

    /** Whether the process is about a case (LeadDisposal and what it calls), not e.g. a campaign, whose key is not a number. */
    public static boolean isCase(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return key != null && !key.isEmpty() && key.chars().allMatch(Character::isDigit);
    }

    public static long caseId(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalStateException("流程实例 " + execution.getProcessInstanceId() + " 的业务键不是案件编号：" + key, e);
        }
    }
}
