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
import cn.elderguard.system.Now;
import cn.elderguard.engine.Variables;
import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.engine.CaseProcessNames;

/**
 * CaseHandOver, Task_RecordHandOver: a transfer between agencies (移送公安, to social-organisation registration,
 * to market regulation) goes on record when it is sent; the receiving unit's receipt (回执) closes it. The
 * handing-over unit's clock runs until the receipt, the receiving unit's from then on.
 */
@ModelBean(CaseHandOverProcess.BEAN_RECORD_HAND_OVER)
class RecordHandOverDelegate implements JavaDelegate {

    private final RoutingService routing;
    private final CaseTimeline timeline;

    RecordHandOverDelegate(RoutingService routing, CaseTimeline timeline) {
        this.routing = routing;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RegionCode region = RegionCode.of(Variables.text(execution, CaseProcessNames.VAR_JURISDICTION));
        Unit from = routing.route(Agency.valueOf(Variables.text(execution, CaseProcessNames.VAR_RESPONSIBLE_AGENCY)), region);
        Unit to = routing.route(Agency.valueOf(Variables.text(execution, CaseHandOverProcess.VAR_TO_AGENCY)), region);
        timeline.record(new CaseEvent(CaseKeys.caseId(execution), Now.instant(), CaseEvent.Kind.HANDED_OVER, null,
            CaseEvent.handOverTitle(Variables.text(execution, CaseHandOverProcess.VAR_HAND_OVER_PURPOSE), from.name(), to.name()), null,
            from.agency().name(), from.region().value(), null, null, null, null));
    }
}
