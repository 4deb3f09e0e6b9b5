package cn.elderguard.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.elderguard.campaign.CampaignRepository.PhasePlan;
import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingException;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidInputException.FieldProblem;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.Now;

/**
 * Launches a campaign (docs/campaigns.md, "Launching"): checks the launch against the organisation and the calendar,
 * stores the campaign, its phases and its units, and starts its process, in one transaction: a failure leaves neither.
 */
@Service
public class CampaignLaunch {

    static final int PREVIEW_UNITS = 20;
    static final int MAX_PHASE_GAP_DAYS = 31;
    /** Reminders to send the second information report go out this many days before the last phase ends (docs/campaigns.md). */
    static final int INFO_REMINDER_DAYS_BEFORE_END = 14;
    private static final int PAGE = 1000;

    private final CampaignRepository campaigns;
    private final OrganisationRepository organisation;
    private final RoutingService routing;
    private final CampaignEngine engine;
    private final CurrentUser currentUser;

    CampaignLaunch(CampaignRepository campaigns, OrganisationRepository organisation, RoutingService routing, CampaignEngine engine,
                   CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.routing = routing;
        this.engine = engine;
        this.currentUser = currentUser;
    }

    /** How many units the launch would include, and the first of them; nothing is stored. */
    @Transactional(readOnly = true)
    public Preview preview(CampaignInput input) {
        Plan plan = check(input);
        return new Preview(plan.unitCount(), organisation.unitsBelow(plan.owner(), plan.agencies(), plan.levels(), 0, PREVIEW_UNITS));
    }

    @Transactional
    public Campaign launch(CampaignInput input) {
        Plan plan = check(input);
        Instant now = Now.instant();
        long id = campaigns.insert(input.name().strip(), plan.owner(), input.template() == null ? "CUSTOM" : input.template(),
            plan.planDueOn(), plan.unitSummaryDueOn(), input.summaryDueOn(), plan.unitCount(), currentUser.id(), now);
        campaigns.insertPhases(id, plan.phases());
        for (int offset = 0; offset < plan.unitCount(); offset += PAGE) {
            campaigns.insertUnits(id, offset, organisation.unitsBelow(plan.owner(), plan.agencies(), plan.levels(), offset, PAGE));
        }
        Campaign campaign = campaigns.find(id).orElseThrow();
        String processInstanceId = engine.start(campaign, startVariables(campaign, plan, now)).getId();
        campaigns.processStarted(id, processInstanceId);
        return campaigns.find(id).orElseThrow();
    }

    private Map<String, Object> startVariables(Campaign campaign, Plan plan, Instant now) {
        LocalDate lastDay = plan.phases().get(plan.phases().size() - 1).endsOn();
        LocalDate lastStarts = plan.phases().get(plan.phases().size() - 1).startsOn();
        Instant infoReminder = ReportCalendar.startOf(lastDay.minusDays(INFO_REMINDER_DAYS_BEFORE_END));
        Instant lastPhaseStart = ReportCalendar.startOf(lastStarts);
        RegionCode upper = plan.owner().level() == JurisdictionLevel.PROVINCE ? null : plan.owner().parent();
        boolean upperOffice = upper != null && hasOffice(upper);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseProcessNames.VAR_JURISDICTION, plan.owner().value());
        variables.put(CampaignProcess.VAR_CAMPAIGN_NAME, campaign.name());
        variables.put(CampaignProcess.VAR_UNIT_COUNT, plan.unitCount());
        variables.put(CampaignProcess.VAR_REPORT_ROUNDS, ReportCalendar.rounds(now, lastDay).size());
        variables.put(CampaignProcess.VAR_PLAN_DUE_AT, Date.from(ReportCalendar.endOf(plan.planDueOn())));
        variables.put(CampaignProcess.VAR_UNIT_SUMMARY_DUE_AT, Date.from(ReportCalendar.endOf(plan.unitSummaryDueOn())));
        variables.put(CampaignProcess.VAR_SUMMARY_DUE_AT, Date.from(ReportCalendar.endOf(campaign.summaryDueOn())));
        variables.put(CampaignProcess.VAR_INFO_REMINDER_AT, Date.from(infoReminder.isBefore(lastPhaseStart) ? lastPhaseStart : infoReminder));
        variables.put(CampaignProcess.VAR_UPPER_JURISDICTION, upperOffice ? upper.value() : null);
        variables.put(CampaignProcess.VAR_HAS_UPPER_OFFICE, upperOffice);
        variables.put(CampaignProcess.VAR_PHASE_NO, 0);
        variables.put(CampaignProcess.VAR_PHASE_STARTS_AT, Date.from(ReportCalendar.startOf(plan.phases().get(0).startsOn())));
        return variables;
    }

    private boolean hasOffice(RegionCode region) {
        try {
            routing.route(Agency.CHUFEI_OFFICE, region);
            return true;
        } catch (RoutingException e) {
            return false;
        }
    }

    /** Every rule a launch must meet; all broken rules are reported together. */
    private Plan check(CampaignInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        RegionCode owner = RegionCode.of(input.ownerRegion());
        if (organisation.jurisdiction(owner).isEmpty()) {
            throw new InvalidInputException("ownerRegion", "辖区 " + owner + " 不在组织架构中；请先导入组织架构");
        }
        if (!currentUser.scope().supervises(owner)) {
            throw new AccessDeniedException(
                "只有本辖区或上级辖区的处非办、领导小组成员可以发起专项行动");
        }
        if (organisation.unit(new UnitKey(Agency.CHUFEI_OFFICE, owner)).isEmpty()) {
            problems.add(new FieldProblem("ownerRegion", "该辖区没有处非办，无法担任专项办；请选择设有处非办的辖区"));
        }
        List<PhasePlan> phases = input.phases().stream()
            .map(phase -> new PhasePlan(phase.code(), phase.label().strip(), phase.startsOn(), phase.endsOn())).toList();
        for (int i = 0; i < phases.size(); i++) {
            PhasePlan phase = phases.get(i);
            if (phase.endsOn().isBefore(phase.startsOn())) {
                problems.add(new FieldProblem("phases[" + i + "].endsOn", "结束日期不能早于开始日期"));
            }
            if (i > 0) {
                PhasePlan before = phases.get(i - 1);
                if (!phase.startsOn().isAfter(before.endsOn())) {
                    problems.add(new FieldProblem("phases[" + i + "].startsOn", "须晚于上一阶段的结束日期（" + before.endsOn() + "），阶段不能重叠"));
                } else if (phase.startsOn().isAfter(before.endsOn().plusDays(MAX_PHASE_GAP_DAYS))) {
                    problems.add(new FieldProblem("phases[" + i + "].startsOn", "与上一阶段相隔超过 " + MAX_PHASE_GAP_DAYS + " 天；请调整日期"));
                }
            }
        }
        LocalDate today = Now.today();
        LocalDate lastDay = phases.get(phases.size() - 1).endsOn();
        if (lastDay.isBefore(today)) {
            problems.add(new FieldProblem("phases[" + (phases.size() - 1) + "].endsOn", "最后阶段已于 " + lastDay + " 结束；请填写今后的日期"));
        }
        LocalDate planDueOn = input.planDueOn() != null ? input.planDueOn() : phases.get(0).endsOn();
        if (planDueOn.isBefore(today)) {
            problems.add(new FieldProblem("planDueOn", "实施方案备案期限不能早于今天（" + today + "）"));
        }
        LocalDate unitSummaryDueOn = input.unitSummaryDueOn() != null ? input.unitSummaryDueOn() : lastDay;
        if (unitSummaryDueOn.isBefore(phases.get(phases.size() - 1).startsOn())) {
            problems.add(new FieldProblem("unitSummaryDueOn", "各单位总结报告的期限不能早于最后阶段的开始日期"));
        }
        if (input.summaryDueOn().isBefore(unitSummaryDueOn)) {
            problems.add(new FieldProblem("summaryDueOn", "不能早于各单位总结报告的期限（" + unitSummaryDueOn + "）"));
        }
        List<Agency> agencies = input.units() == null || input.units().agencies() == null || input.units().agencies().isEmpty()
            ? Arrays.asList(Agency.values()) : input.units().agencies();
        List<JurisdictionLevel> levels = input.units() == null || input.units().levels() == null || input.units().levels().isEmpty()
            ? Arrays.stream(JurisdictionLevel.values()).filter(level -> level.ordinal() >= owner.level().ordinal()).toList()
            : input.units().levels();
        int unitCount = organisation.countUnitsBelow(owner, agencies, levels);
        if (unitCount == 0) {
            problems.add(new FieldProblem("units", "所选范围内没有参加单位；请扩大部门或层级范围"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Plan(owner, phases, agencies, levels, unitCount, planDueOn, unitSummaryDueOn);
    }

    private record Plan(RegionCode owner, List<PhasePlan> phases, List<Agency> agencies, List<JurisdictionLevel> levels, int unitCount,
                        LocalDate planDueOn, LocalDate unitSummaryDueOn) {
    }

    /** What a launch would include. */
    public record Preview(int unitCount, List<Unit> firstUnits) {
    }
}
