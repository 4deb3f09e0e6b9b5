package cn.elderguard.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The case id of a process: its business key (LeadDisposal and the processes it calls). */
public final class CaseKeys {

    private CaseKeys() {
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
