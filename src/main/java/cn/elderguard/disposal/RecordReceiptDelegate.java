package cn.elderguard.disposal;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.Now;
import cn.elderguard.engine.Variables;
import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.engine.CaseProcessNames;

/** CaseHandOver, Task_RecordReceipt: the receiving unit's receipt (回执) is on record; its clock starts here. */
@ModelBean(CaseHandOverProcess.BEAN_RECORD_RECEIPT)
class RecordReceiptDelegate implements JavaDelegate {

    private final RoutingService routing;
    private final CaseTimeline timeline;

    RecordReceiptDelegate(RoutingService routing, CaseTimeline timeline) {
        this.routing = routing;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Unit to = routing.route(Agency.valueOf(Variables.text(execution, CaseHandOverProcess.VAR_TO_AGENCY)),
            RegionCode.of(Variables.text(execution, CaseProcessNames.VAR_JURISDICTION)));
        timeline.record(new CaseEvent(CaseKeys.caseId(execution), Now.instant(), CaseEvent.Kind.RECEIVED, null,
            to.name() + " 签收（回执）", CurrentUser.actorId().orElse(null), to.agency().name(),
            to.region().value(), null, null, null, Variables.text(execution, CaseProcessNames.VAR_NOTES)));
    }
}
