package cn.elderguard.lead;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.CaseProcessNames;

/** Starts a case's {@code LeadDisposal} process; the engine joins the caller's transaction. */
@Component
class CaseProcess {

    private final RuntimeService runtime;

    CaseProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    String start(CaseFile caseFile, String institutionName) {
        return runtime.startProcessInstanceByKey(LeadDisposalProcess.KEY, caseFile.businessKey(), Map.of(
            CaseProcessNames.VAR_JURISDICTION, caseFile.jurisdiction().value(),
            CaseProcessNames.VAR_RESPONSIBLE_AGENCY, caseFile.responsibleAgency().name(),
            CaseProcessNames.VAR_INSTITUTION_NAME, institutionName)).getId();
    }
}
