package cn.elderguard.campaign;

import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.ApplicationVariables;
import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.engine.Variables;

/**
 * The {@code Campaign} process (bpmn/Campaign.bpmn, docs/campaigns.md): its key, element ids, forms, messages, the
 * extension properties its tasks carry, its variables and the beans it names, so that no id is typed twice
 * (ModelContractTest keeps them in step with the model).
 */
@Component
public final class CampaignProcess implements ApplicationVariables {

    public static final String KEY = "Campaign";

    /** 专项行动已发起 */
    public static final String START_EVENT_CAMPAIGN_LAUNCHED = "StartEvent_CampaignLaunched";
    /** 同时开展 */
    public static final String GATEWAY_LAUNCH = "Gateway_Launch";
    /** (合流) */
    public static final String GATEWAY_NEXT_PHASE = "Gateway_NextPhase";
    /** 阶段开始日 */
    public static final String EVENT_PHASE_STARTS = "Event_PhaseStarts";
    /** 进入新阶段并通知各单位 */
    public static final String TASK_START_PHASE = "Task_StartPhase";
    /** 最后阶段？ */
    public static final String GATEWAY_LAST_PHASE = "Gateway_LastPhase";
    /** 开始总结 */
    public static final String GATEWAY_OPEN_SUMMARY = "Gateway_OpenSummary";
    /** 总结报告 */
    public static final String SUB_PROCESS_SUMMARY = "SubProcess_Summary";
    /** 进入最后阶段 — in SubProcess_Summary */
    public static final String START_EVENT_SUMMARY_OPENED = "StartEvent_SummaryOpened";
    /** 同时进行 — in SubProcess_Summary */
    public static final String GATEWAY_SUMMARY_WORK = "Gateway_SummaryWork";
    /** 各单位报送总结 — in SubProcess_Summary */
    public static final String SUB_PROCESS_UNIT_SUMMARY = "SubProcess_UnitSummary";
    /** 总结报送开始 — in SubProcess_UnitSummary */
    public static final String START_EVENT_UNIT_SUMMARY = "StartEvent_UnitSummary";
    /** 报送本单位总结报告 — in SubProcess_UnitSummary */
    public static final String TASK_FILE_UNIT_SUMMARY = "Task_FileUnitSummary";
    /** 本单位总结已报送 — in SubProcess_UnitSummary */
    public static final String END_EVENT_UNIT_SUMMARY_FILED = "EndEvent_UnitSummaryFiled";
    /** 汇总专项行动总结报告 — in SubProcess_Summary */
    public static final String TASK_COMPILE_SUMMARY = "Task_CompileSummary";
    /** 信息报送提醒日 — in SubProcess_Summary */
    public static final String EVENT_INFO_REMINDER_DUE = "Event_InfoReminderDue";
    /** 提醒信息报送不足两篇的单位 — in SubProcess_Summary */
    public static final String TASK_REMIND_INFO_REPORT_LAGGARDS = "Task_RemindInfoReportLaggards";
    /** (合流) — in SubProcess_Summary */
    public static final String GATEWAY_SUMMARY_JOIN = "Gateway_SummaryJoin";
    /** 总结报告已完成 — in SubProcess_Summary */
    public static final String END_EVENT_SUMMARY_DONE = "EndEvent_SummaryDone";
    /** 总结报告已汇总 */
    public static final String END_EVENT_SUMMARY_COMPILED = "EndEvent_SummaryCompiled";
    /** (合流) */
    public static final String GATEWAY_PHASE_UNDER_WAY = "Gateway_PhaseUnderWay";
    /** 阶段如何结束？ */
    public static final String GATEWAY_PHASE_ENDS = "Gateway_PhaseEnds";
    /** 阶段截止日 */
    public static final String EVENT_PHASE_END_DATE = "Event_PhaseEndDate";
    /** 专项办提前结束本阶段 */
    public static final String EVENT_PHASE_CLOSED_EARLY = "Event_PhaseClosedEarly";
    /** (合流) */
    public static final String GATEWAY_PHASE_ENDED = "Gateway_PhaseEnded";
    /** 结束本阶段并通知各单位 */
    public static final String TASK_END_PHASE = "Task_EndPhase";
    /** 还有下一阶段？ */
    public static final String GATEWAY_MORE_PHASES = "Gateway_MorePhases";
    /** 各阶段已结束 */
    public static final String END_EVENT_PHASES_ENDED = "EndEvent_PhasesEnded";
    /** 各单位实施方案备案 */
    public static final String SUB_PROCESS_PLAN_FILING = "SubProcess_PlanFiling";
    /** 专项行动发起 — in SubProcess_PlanFiling */
    public static final String START_EVENT_PLAN_FILING_OPENED = "StartEvent_PlanFilingOpened";
    /** (合流) — in SubProcess_PlanFiling */
    public static final String GATEWAY_PLAN_DUE = "Gateway_PlanDue";
    /** 报送实施方案备案 — in SubProcess_PlanFiling */
    public static final String TASK_FILE_PLAN = "Task_FilePlan";
    /** 审核实施方案 — in SubProcess_PlanFiling */
    public static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
    /** 予以备案？ — in SubProcess_PlanFiling */
    public static final String GATEWAY_PLAN_ACCEPTED = "Gateway_PlanAccepted";
    /** 实施方案已备案 — in SubProcess_PlanFiling */
    public static final String END_EVENT_PLAN_ACCEPTED = "EndEvent_PlanAccepted";
    /** 实施方案均已备案 */
    public static final String END_EVENT_PLANS_FILED = "EndEvent_PlansFiled";
    /** 每月工作进展报送 */
    public static final String SUB_PROCESS_MONTHLY_ROUND = "SubProcess_MonthlyRound";
    /** 报送月份 — in SubProcess_MonthlyRound */
    public static final String START_EVENT_MONTHLY_ROUND = "StartEvent_MonthlyRound";
    /** 本月报送开始（月初） — in SubProcess_MonthlyRound */
    public static final String EVENT_REPORT_ROUND_OPENS = "Event_ReportRoundOpens";
    /** 开启本月进展报送 — in SubProcess_MonthlyRound */
    public static final String TASK_OPEN_REPORT_ROUND = "Task_OpenReportRound";
    /** 专项行动仍在进行？ — in SubProcess_MonthlyRound */
    public static final String GATEWAY_ROUND_OPEN = "Gateway_RoundOpen";
    /** 各单位报送月度进展 — in SubProcess_MonthlyRound */
    public static final String SUB_PROCESS_MONTHLY_REPORT = "SubProcess_MonthlyReport";
    /** 本月报送 — in SubProcess_MonthlyReport */
    public static final String START_EVENT_MONTHLY_REPORT = "StartEvent_MonthlyReport";
    /** (合流) — in SubProcess_MonthlyReport */
    public static final String GATEWAY_MONTHLY_REPORT_DUE = "Gateway_MonthlyReportDue";
    /** 报送月度工作进展 — in SubProcess_MonthlyReport */
    public static final String TASK_SUBMIT_MONTHLY_REPORT = "Task_SubmitMonthlyReport";
    /** 审阅月度工作进展 — in SubProcess_MonthlyReport */
    public static final String TASK_REVIEW_MONTHLY_REPORT = "Task_ReviewMonthlyReport";
    /** 审阅通过？ — in SubProcess_MonthlyReport */
    public static final String GATEWAY_MONTHLY_REPORT_ACCEPTED = "Gateway_MonthlyReportAccepted";
    /** 本月进展已审阅 — in SubProcess_MonthlyReport */
    public static final String END_EVENT_MONTHLY_REPORT_ACCEPTED = "EndEvent_MonthlyReportAccepted";
    /** 本月进展均已审阅 — in SubProcess_MonthlyRound */
    public static final String END_EVENT_ROUND_DONE = "EndEvent_RoundDone";
    /** 不再报送 — in SubProcess_MonthlyRound */
    public static final String END_EVENT_ROUND_SKIPPED = "EndEvent_RoundSkipped";
    /** 月度报送均已完成 */
    public static final String END_EVENT_MONTHLY_REPORTS_DONE = "EndEvent_MonthlyReportsDone";
    /** 紧急情况报告 */
    public static final String SUB_PROCESS_URGENT_REPORT = "SubProcess_UrgentReport";
    /** 收到紧急情况报告 — in SubProcess_UrgentReport */
    public static final String START_EVENT_URGENT_REPORT = "StartEvent_UrgentReport";
    /** 同时报送 — in SubProcess_UrgentReport */
    public static final String GATEWAY_URGENT_REPORT_RECIPIENTS = "Gateway_UrgentReportRecipients";
    /** 处理紧急情况报告 — in SubProcess_UrgentReport */
    public static final String TASK_HANDLE_URGENT_REPORT = "Task_HandleUrgentReport";
    /** 已处理 — in SubProcess_UrgentReport */
    public static final String END_EVENT_URGENT_REPORT_HANDLED = "EndEvent_UrgentReportHandled";
    /** 有上一级处非办？ — in SubProcess_UrgentReport */
    public static final String GATEWAY_UPPER_OFFICE = "Gateway_UpperOffice";
    /** 阅知下级紧急情况报告 — in SubProcess_UrgentReport */
    public static final String TASK_READ_URGENT_REPORT = "Task_ReadUrgentReport";
    /** 上一级已阅知 — in SubProcess_UrgentReport */
    public static final String END_EVENT_URGENT_REPORT_READ = "EndEvent_UrgentReportRead";
    /** 无上一级 — in SubProcess_UrgentReport */
    public static final String END_EVENT_NO_UPPER_OFFICE = "EndEvent_NoUpperOffice";

    public static final String SEQUENCE_FLOW_TO_FILE_UNIT_SUMMARY = "SequenceFlow_ToFileUnitSummary";
    public static final String SEQUENCE_FLOW_TO_UNIT_SUMMARY_FILED = "SequenceFlow_ToUnitSummaryFiled";
    public static final String SEQUENCE_FLOW_TO_SUMMARY_WORK = "SequenceFlow_ToSummaryWork";
    public static final String SEQUENCE_FLOW_TO_UNIT_SUMMARIES = "SequenceFlow_ToUnitSummaries";
    public static final String SEQUENCE_FLOW_TO_COMPILE_SUMMARY = "SequenceFlow_ToCompileSummary";
    public static final String SEQUENCE_FLOW_TO_INFO_REMINDER_DUE = "SequenceFlow_ToInfoReminderDue";
    public static final String SEQUENCE_FLOW_TO_REMIND_INFO_REPORT_LAGGARDS = "SequenceFlow_ToRemindInfoReportLaggards";
    public static final String SEQUENCE_FLOW_UNIT_SUMMARIES_FILED = "SequenceFlow_UnitSummariesFiled";
    public static final String SEQUENCE_FLOW_SUMMARY_COMPILED = "SequenceFlow_SummaryCompiled";
    public static final String SEQUENCE_FLOW_LAGGARDS_REMINDED = "SequenceFlow_LaggardsReminded";
    public static final String SEQUENCE_FLOW_TO_SUMMARY_DONE = "SequenceFlow_ToSummaryDone";
    public static final String SEQUENCE_FLOW_TO_PLAN_DUE = "SequenceFlow_ToPlanDue";
    public static final String SEQUENCE_FLOW_TO_FILE_PLAN = "SequenceFlow_ToFilePlan";
    public static final String SEQUENCE_FLOW_TO_REVIEW_PLAN = "SequenceFlow_ToReviewPlan";
    public static final String SEQUENCE_FLOW_TO_PLAN_ACCEPTED = "SequenceFlow_ToPlanAccepted";
    public static final String SEQUENCE_FLOW_PLAN_ACCEPTED = "SequenceFlow_PlanAccepted";
    public static final String SEQUENCE_FLOW_PLAN_RETURNED = "SequenceFlow_PlanReturned";
    public static final String SEQUENCE_FLOW_TO_MONTHLY_REPORT_DUE = "SequenceFlow_ToMonthlyReportDue";
    public static final String SEQUENCE_FLOW_TO_SUBMIT_MONTHLY_REPORT = "SequenceFlow_ToSubmitMonthlyReport";
    public static final String SEQUENCE_FLOW_TO_REVIEW_MONTHLY_REPORT = "SequenceFlow_ToReviewMonthlyReport";
    public static final String SEQUENCE_FLOW_TO_MONTHLY_REPORT_ACCEPTED = "SequenceFlow_ToMonthlyReportAccepted";
    public static final String SEQUENCE_FLOW_MONTHLY_REPORT_ACCEPTED = "SequenceFlow_MonthlyReportAccepted";
    public static final String SEQUENCE_FLOW_MONTHLY_REPORT_RETURNED = "SequenceFlow_MonthlyReportReturned";
    public static final String SEQUENCE_FLOW_TO_REPORT_ROUND_OPENS = "SequenceFlow_ToReportRoundOpens";
    public static final String SEQUENCE_FLOW_TO_OPEN_REPORT_ROUND = "SequenceFlow_ToOpenReportRound";
    public static final String SEQUENCE_FLOW_TO_ROUND_OPEN = "SequenceFlow_ToRoundOpen";
    public static final String SEQUENCE_FLOW_ROUND_OPEN = "SequenceFlow_RoundOpen";
    public static final String SEQUENCE_FLOW_ROUND_SKIPPED = "SequenceFlow_RoundSkipped";
    public static final String SEQUENCE_FLOW_TO_ROUND_DONE = "SequenceFlow_ToRoundDone";
    public static final String SEQUENCE_FLOW_TO_URGENT_REPORT_RECIPIENTS = "SequenceFlow_ToUrgentReportRecipients";
    public static final String SEQUENCE_FLOW_TO_HANDLE_URGENT_REPORT = "SequenceFlow_ToHandleUrgentReport";
    public static final String SEQUENCE_FLOW_TO_URGENT_REPORT_HANDLED = "SequenceFlow_ToUrgentReportHandled";
    public static final String SEQUENCE_FLOW_TO_UPPER_OFFICE = "SequenceFlow_ToUpperOffice";
    public static final String SEQUENCE_FLOW_UPPER_OFFICE = "SequenceFlow_UpperOffice";
    public static final String SEQUENCE_FLOW_NO_UPPER_OFFICE = "SequenceFlow_NoUpperOffice";
    public static final String SEQUENCE_FLOW_TO_URGENT_REPORT_READ = "SequenceFlow_ToUrgentReportRead";
    public static final String SEQUENCE_FLOW_TO_LAUNCH = "SequenceFlow_ToLaunch";
    public static final String SEQUENCE_FLOW_TO_PHASES = "SequenceFlow_ToPhases";
    public static final String SEQUENCE_FLOW_TO_PLAN_FILING = "SequenceFlow_ToPlanFiling";
    public static final String SEQUENCE_FLOW_TO_MONTHLY_ROUNDS = "SequenceFlow_ToMonthlyRounds";
    public static final String SEQUENCE_FLOW_TO_PHASE_STARTS = "SequenceFlow_ToPhaseStarts";
    public static final String SEQUENCE_FLOW_TO_START_PHASE = "SequenceFlow_ToStartPhase";
    public static final String SEQUENCE_FLOW_TO_LAST_PHASE = "SequenceFlow_ToLastPhase";
    public static final String SEQUENCE_FLOW_LAST_PHASE = "SequenceFlow_LastPhase";
    public static final String SEQUENCE_FLOW_NOT_LAST_PHASE = "SequenceFlow_NotLastPhase";
    public static final String SEQUENCE_FLOW_TO_SUMMARY = "SequenceFlow_ToSummary";
    public static final String SEQUENCE_FLOW_SUMMARY_OPENED = "SequenceFlow_SummaryOpened";
    public static final String SEQUENCE_FLOW_TO_SUMMARY_COMPILED = "SequenceFlow_ToSummaryCompiled";
    public static final String SEQUENCE_FLOW_TO_PHASE_ENDS = "SequenceFlow_ToPhaseEnds";
    public static final String SEQUENCE_FLOW_TO_PHASE_END_DATE = "SequenceFlow_ToPhaseEndDate";
    public static final String SEQUENCE_FLOW_TO_PHASE_CLOSED_EARLY = "SequenceFlow_ToPhaseClosedEarly";
    public static final String SEQUENCE_FLOW_PHASE_END_DATE_REACHED = "SequenceFlow_PhaseEndDateReached";
    public static final String SEQUENCE_FLOW_PHASE_CLOSED_EARLY = "SequenceFlow_PhaseClosedEarly";
    public static final String SEQUENCE_FLOW_TO_END_PHASE = "SequenceFlow_ToEndPhase";
    public static final String SEQUENCE_FLOW_TO_MORE_PHASES = "SequenceFlow_ToMorePhases";
    public static final String SEQUENCE_FLOW_MORE_PHASES = "SequenceFlow_MorePhases";
    public static final String SEQUENCE_FLOW_NO_MORE_PHASES = "SequenceFlow_NoMorePhases";
    public static final String SEQUENCE_FLOW_TO_PLANS_FILED = "SequenceFlow_ToPlansFiled";
    public static final String SEQUENCE_FLOW_TO_MONTHLY_REPORTS_DONE = "SequenceFlow_ToMonthlyReportsDone";

    // ---- Forms

    public static final String FORM_FILE_PLAN = "FilePlan";
    public static final String FORM_REVIEW_PLAN = "ReviewPlan";
    public static final String FORM_SUBMIT_MONTHLY_REPORT = "SubmitMonthlyReport";
    public static final String FORM_REVIEW_MONTHLY_REPORT = "ReviewMonthlyReport";
    public static final String FORM_FILE_UNIT_SUMMARY = "FileUnitSummary";
    public static final String FORM_COMPILE_SUMMARY = "CompileSummary";
    public static final String FORM_HANDLE_URGENT_REPORT = "HandleUrgentReport";
    public static final String FORM_READ_URGENT_REPORT = "ReadUrgentReport";

    // ---- Messages (names, as the application correlates them)

    /** The office closes the phase under way before its end date. */
    public static final String MESSAGE_CLOSE_PHASE = "CampaignClosePhase";
    /** A unit sent an urgent report. */
    public static final String MESSAGE_URGENT_REPORT = "CampaignUrgentReport";

    // ---- Variables set at launch (process scope)

    /** The campaign's name, shown in every form. */
    public static final String VAR_CAMPAIGN_NAME = "campaignName";
    /** How many units take part: the loop cardinality of every per-unit duty. */
    public static final String VAR_UNIT_COUNT = "unitCount";
    /** How many months have a progress report: the loop cardinality of the monthly rounds. */
    public static final String VAR_REPORT_ROUNDS = "reportRounds";
    public static final String VAR_PLAN_DUE_AT = "planDueAt";
    public static final String VAR_UNIT_SUMMARY_DUE_AT = "unitSummaryDueAt";
    public static final String VAR_SUMMARY_DUE_AT = "summaryDueAt";
    /** When the units with fewer than two information reports are reminded. */
    public static final String VAR_INFO_REMINDER_AT = "infoReminderAt";
    /** The jurisdiction above the office's, whose 处非办 reads urgent reports; absent for a province's campaign. */
    public static final String VAR_UPPER_JURISDICTION = "upperJurisdiction";
    public static final String VAR_HAS_UPPER_OFFICE = "hasUpperOffice";

    // ---- Variables of the phase loop (set by the delegates)

    public static final String VAR_PHASE_NO = "phaseNo";
    public static final String VAR_PHASE_LABEL = "phaseLabel";
    public static final String VAR_PHASE_STARTS_AT = "phaseStartsAt";
    public static final String VAR_PHASE_ENDS_AT = "phaseEndsAt";
    public static final String VAR_LAST_PHASE = "lastPhase";
    public static final String VAR_MORE_PHASES = "morePhases";

    // ---- Variables of one unit's duty (local to its multi-instance subprocess)

    public static final String VAR_UNIT_AGENCY = "unitAgency";
    public static final String VAR_UNIT_JURISDICTION = "unitJurisdiction";
    public static final String VAR_UNIT_NAME = "unitName";
    public static final String VAR_DUTY_DUE_AT = "dutyDueAt";
    /** The unit's own text: its plan, each month's report, its summary (one name each, so a returned filing opens with its text). */
    public static final String VAR_PLAN_TEXT = "planText";
    public static final String VAR_REPORT_TEXT = "reportText";
    public static final String VAR_UNIT_SUMMARY_TEXT = "unitSummaryText";
    /** The office's decision: ACCEPT or RETURN (CampaignDuties). */
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENTS = "reviewComments";
    /** A returned duty's new due date (yyyy-MM-dd), set by the office. */
    public static final String VAR_RESUBMIT_BY = "resubmitBy";

    // ---- Variables of one monthly round (local to its multi-instance subprocess)

    /** The report month, e.g. 2024-05. */
    public static final String VAR_REPORT_PERIOD = "reportPeriod";
    public static final String VAR_REPORT_OPENS_AT = "reportOpensAt";
    public static final String VAR_REPORT_DUE_AT = "reportDueAt";
    public static final String VAR_ROUND_OPEN = "roundOpen";

    // ---- Figures shown read-only in the monthly report (task-local, set as the task is created)

    public static final String VAR_FIGURES_PERIOD = "figuresPeriod";
    public static final String VAR_FIG_INSTITUTIONS = "figInstitutions";
    public static final String VAR_FIG_LEADS = "figLeads";
    public static final String VAR_FIG_LEADS_BY_SOURCE = "figLeadsBySource";
    public static final String VAR_FIG_CASES_BY_COLOUR = "figCasesByColour";
    public static final String VAR_FIG_REFUND_YUAN = "figRefundYuan";
    public static final String VAR_FIG_REFUND_PEOPLE = "figRefundPeople";

    // ---- The office's summary sections (docs/domain.md §2.6: 总体情况、分布、原因、典型案例、下一步措施)

    public static final String VAR_SUMMARY_OVERALL = "summaryOverall";
    public static final String VAR_SUMMARY_DISTRIBUTION = "summaryDistribution";
    public static final String VAR_SUMMARY_CAUSES = "summaryCauses";
    public static final String VAR_SUMMARY_TYPICAL_CASES = "summaryTypicalCases";
    public static final String VAR_SUMMARY_NEXT_MEASURES = "summaryNextMeasures";

    // ---- Variables of one urgent report (local to its event subprocess)

    public static final String VAR_URGENT_REPORT_ID = "urgentReportId";
    public static final String VAR_URGENT_REPORT_TEXT = "urgentReportText";
    public static final String VAR_HANDLING_NOTES = "handlingNotes";

    // ---- Beans the model names

    public static final String BEAN_START_PHASE = "startPhase";
    public static final String BEAN_END_PHASE = "endPhase";
    public static final String BEAN_ASSIGN_CAMPAIGN_UNIT = "assignCampaignUnit";
    public static final String BEAN_SCHEDULE_REPORT_ROUND = "scheduleReportRound";
    public static final String BEAN_OPEN_REPORT_ROUND = "openReportRound";
    public static final String BEAN_REMIND_INFO_REPORT_LAGGARDS = "remindInfoReportLaggards";

    static final Set<String> START_VARIABLES = Set.of(CaseProcessNames.VAR_JURISDICTION, VAR_CAMPAIGN_NAME, VAR_UNIT_COUNT,
        VAR_REPORT_ROUNDS, VAR_PLAN_DUE_AT, VAR_UNIT_SUMMARY_DUE_AT, VAR_SUMMARY_DUE_AT, VAR_INFO_REMINDER_AT, VAR_UPPER_JURISDICTION,
        VAR_HAS_UPPER_OFFICE, VAR_PHASE_NO, VAR_PHASE_STARTS_AT);

    static final Set<String> SET_BY_DELEGATES = Set.of(VAR_PHASE_LABEL, VAR_PHASE_ENDS_AT, VAR_LAST_PHASE, VAR_MORE_PHASES,
        VAR_UNIT_AGENCY, VAR_UNIT_JURISDICTION, VAR_UNIT_NAME, VAR_REPORT_PERIOD, VAR_REPORT_OPENS_AT, VAR_REPORT_DUE_AT,
        VAR_FIGURES_PERIOD, VAR_FIG_INSTITUTIONS, VAR_FIG_LEADS, VAR_FIG_LEADS_BY_SOURCE, VAR_FIG_CASES_BY_COLOUR, VAR_FIG_REFUND_YUAN,
        VAR_FIG_REFUND_PEOPLE, VAR_URGENT_REPORT_ID, VAR_URGENT_REPORT_TEXT);

    CampaignProcess() {
    }

    @Override
    public Set<String> setByApplication() {
        Set<String> set = new HashSet<>(START_VARIABLES);
        set.addAll(SET_BY_DELEGATES);
        return Set.copyOf(set);
    }

    /** The campaign a process instance runs: its business key. */
    public static long campaignId(VariableScope scope) {
        String key = ((org.camunda.bpm.engine.delegate.DelegateExecution) scope).getProcessBusinessKey();
        return Long.parseLong(key.substring(Campaign.KEY_PREFIX.length()));
    }

    public static Integer phaseNo(VariableScope scope) {
        return Variables.integer(scope, VAR_PHASE_NO);
    }

    public static Date date(VariableScope scope, String name) {
        return (Date) scope.getVariable(name);
    }
}
