package cn.elderguard.disposal;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingException;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.system.Now;
import cn.elderguard.engine.Variables;
import cn.elderguard.lead.LeadDisposalProcess;

/**
 * Task_PrepareCrossRegion: an institution registered in another jurisdiction is shared with that
 * jurisdiction's 处非办 (协查跨地区线索) and copied to the provincial 处非办, whose people get the copy as a task
 * of its own in their inbox, with its mail (阅知跨地区线索通报, docs/forms.md). Where the other jurisdiction is
 * outside this installation (another province), our provincial 处非办 takes the co-investigation task and
 * passes it on; it then needs no copy besides.
 */
@ModelBean(LeadDisposalProcess.BEAN_PREPARE_CROSS_REGION)
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
        RegionCode elsewhere = RegionCode.of(Variables.text(execution, LeadDisposalProcess.VAR_REGISTERED_ELSEWHERE));
        Unit coInvestigating;
        try {
            coInvestigating = routing.route(Agency.CHUFEI_OFFICE, elsewhere);
        } catch (RoutingException outsideThisInstallation) {
            coInvestigating = routing.route(Agency.CHUFEI_OFFICE, province);
        }
        Unit provincial = routing.route(Agency.CHUFEI_OFFICE, province);
        Instant now = Now.instant();
        timeline.record(new CaseEvent(caseId, now, CaseEvent.Kind.REPORTED_UPWARD, null,
            "跨地区通报：登记地 " + elsewhere + "，由" + coInvestigating.name() + "协查", null, Agency.CHUFEI_OFFICE.name(),
            coInvestigating.region().value(), null, null, null, null));
        timeline.record(new CaseEvent(caseId, now, CaseEvent.Kind.REPORTED_UPWARD, null, "抄送" + provincial.name(), null,
            Agency.CHUFEI_OFFICE.name(), province.value(), null, null, null, null));
        execution.setVariable(LeadDisposalProcess.VAR_CROSS_REGION_JURISDICTION, coInvestigating.region().value());
        execution.setVariable(LeadDisposalProcess.VAR_CROSS_REGION_COPY_JURISDICTION,
            coInvestigating.equals(provincial) ? null : province.value());
        execution.setVariable(LeadDisposalProcess.VAR_CROSS_REGION_NOTICE, "线索所在地区划代码 " + caseRegion + "；登记地区划代码 " + elsewhere
            + "；已通报" + coInvestigating.name() + "协查，抄送" + provincial.name() + "。");
        execution.setVariable(LeadDisposalProcess.VAR_CROSS_REGION_NOTIFIED, true);
    }
}
