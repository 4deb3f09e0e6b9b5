package cn.elderguard.disposal;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.elderguard.lead.CaseRepository;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingException;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.system.CaseKeys;
import cn.elderguard.system.Variables;

/**
 * Task_PrepareCrossRegion (RULES §6): an institution registered in another jurisdiction is shared with that
 * jurisdiction's 处非办, copied to the provincial 处非办. Where the other jurisdiction is outside this
 * installation (another province), our provincial 处非办 takes the co-investigation task and passes it on.
 */
@Component("prepareCrossRegion")
class PrepareCrossRegionDelegate implements JavaDelegate {

    private final RoutingService routing;
    private final CaseRepository cases;
    private final CaseTimeline timeline;

    PrepareCrossRegionDelegate(RoutingService routing, CaseRepository cases, CaseTimeline timeline) {
        this.routing = routing;
        this.cases = cases;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = CaseKeys.caseId(execution);
        RegionCode caseRegion = cases.byId(caseId).orElseThrow().jurisdiction();
        RegionCode province = caseRegion.selfAndAncestors().get(caseRegion.selfAndAncestors().size() - 1);
        RegionCode elsewhere = RegionCode.of(Variables.text(execution, DisposalVariables.REGISTERED_ELSEWHERE));
        Unit coInvestigating;
        try {
            coInvestigating = routing.route(Agency.CHUFEI_OFFICE, elsewhere);
        } catch (RoutingException outsideThisInstallation) {
            coInvestigating = routing.route(Agency.CHUFEI_OFFICE, province);
        }
        Unit provincial = routing.route(Agency.CHUFEI_OFFICE, province);
        Instant now = Instant.now();
        timeline.record(new CaseEvent(caseId, now, CaseEvent.Kind.REPORTED_UPWARD, null,
            "跨地区通报：登记地 " + elsewhere + "，由" + coInvestigating.name() + "协查", null, Agency.CHUFEI_OFFICE.name(),
            coInvestigating.region().value(), null, null, null, null));
        timeline.record(new CaseEvent(caseId, now, CaseEvent.Kind.REPORTED_UPWARD, null, "抄送" + provincial.name(), null,
            Agency.CHUFEI_OFFICE.name(), province.value(), null, null, null, null));
        execution.setVariable(DisposalVariables.CROSS_REGION_JURISDICTION, coInvestigating.region().value());
        execution.setVariable(DisposalVariables.CROSS_REGION_NOTIFIED, true);
    }
}
