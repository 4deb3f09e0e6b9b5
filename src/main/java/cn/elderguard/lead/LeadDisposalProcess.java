package cn.elderguard.lead;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.elderguard.admin.ApplicationVariables;
import cn.elderguard.organisation.RouteToUnitListener;

/**
 * The {@code LeadDisposal} process (bpmn/LeadDisposal.bpmn): its key, element ids and form ids, shared by
 * code and tests so that no id is typed twice; and the variables every case starts with, which models may read.
 */
@Component
public final class LeadDisposalProcess implements ApplicationVariables {

    public static final String KEY = "LeadDisposal";
    /** The process called for every transfer between agencies (bpmn/CaseHandOver.bpmn). */
    public static final String HAND_OVER_KEY = "CaseHandOver";
    public static final String HAND_OVER_CONFIRM_RECEIPT = "Task_ConfirmReceipt";

    /** 线索已登记 */
    public static final String START_EVENT_LEAD_REPORTED = "StartEvent_LeadReported";
    /** (合流) */
    public static final String GATEWAY_RE_VERIFY = "Gateway_ReVerify";
    /** 核查线索 */
    public static final String TASK_VERIFY_LEAD = "Task_VerifyLead";
    /** 记录核查结果 */
    public static final String TASK_RECORD_VERIFICATION = "Task_RecordVerification";
    /** 评定风险等级 */
    public static final String TASK_RATE_RISK = "Task_RateRisk";
    /** 评定线索优先级 */
    public static final String TASK_SCORE_PRIORITY = "Task_ScorePriority";
    /** 记录风险等级并报送 */
    public static final String TASK_RECORD_RATING = "Task_RecordRating";
    /** 异地登记？ */
    public static final String GATEWAY_CROSS_REGION = "Gateway_CrossRegion";
    /** 通报登记地并抄送省处非办 */
    public static final String TASK_PREPARE_CROSS_REGION = "Task_PrepareCrossRegion";
    /** 通报与抄送 */
    public static final String GATEWAY_CROSS_REGION_SHARE = "Gateway_CrossRegionShare";
    /** 协查跨地区线索 */
    public static final String TASK_CO_INVESTIGATE_CROSS_REGION = "Task_CoInvestigateCrossRegion";
    /** 跨地区协查已反馈 */
    public static final String END_EVENT_CROSS_REGION_NOTED = "EndEvent_CrossRegionNoted";
    /** 阅知跨地区线索通报 (the provincial 处非办's copy) */
    public static final String TASK_ACKNOWLEDGE_CROSS_REGION_COPY = "Task_AcknowledgeCrossRegionCopy";
    /** 跨地区通报已阅知 */
    public static final String END_EVENT_CROSS_REGION_COPY_READ = "EndEvent_CrossRegionCopyRead";
    /** 按风险等级和登记情况处置？ */
    public static final String GATEWAY_DISPOSAL_PATH = "Gateway_DisposalPath";
    /** 发出风险提示 */
    public static final String TASK_ISSUE_RISK_WARNING = "Task_IssueRiskWarning";
    /** (合流) */
    public static final String GATEWAY_SPOT_CHECK_AGAIN = "Gateway_SpotCheckAgain";
    /** 到抽查时间 */
    public static final String EVENT_SPOT_CHECK_DUE = "Event_SpotCheckDue";
    /** 开展抽查检查 */
    public static final String TASK_SPOT_CHECK = "Task_SpotCheck";
    /** 抽查结果？ */
    public static final String GATEWAY_SPOT_CHECK_RESULT = "Gateway_SpotCheckResult";
    /** 向属地政府和政法机关通报线索 */
    public static final String TASK_NOTIFY_GOVERNMENT = "Task_NotifyGovernment";
    /** (合流) */
    public static final String GATEWAY_ADMINISTRATIVE_DISPOSAL = "Gateway_AdministrativeDisposal";
    /** 警示约谈机构及负责人 */
    public static final String TASK_CONDUCT_WARNING_INTERVIEW = "Task_ConductWarningInterview";
    /** 责令整改 */
    public static final String TASK_ORDER_RECTIFICATION = "Task_OrderRectification";
    /** 需督促清退资金？ */
    public static final String GATEWAY_REFUND_NEEDED = "Gateway_RefundNeeded";
    /** (合流) */
    public static final String GATEWAY_NEXT_TRANCHE = "Gateway_NextTranche";
    /** 登记清退资金 */
    public static final String TASK_RECORD_REFUND_TRANCHE = "Task_RecordRefundTranche";
    /** 核算清退进度 */
    public static final String TASK_TALLY_REFUNDS = "Task_TallyRefunds";
    /** 清退到位？ */
    public static final String GATEWAY_REFUND_TARGET_REACHED = "Gateway_RefundTargetReached";
    /** (合流) */
    public static final String GATEWAY_REFUNDS_DONE = "Gateway_RefundsDone";
    /** 整改期限届满 */
    public static final String EVENT_RECTIFICATION_DEADLINE = "Event_RectificationDeadline";
    /** 核验整改情况 */
    public static final String TASK_VERIFY_RECTIFICATION = "Task_VerifyRectification";
    /** 整改到位？ */
    public static final String GATEWAY_RECTIFICATION_RESULT = "Gateway_RectificationResult";
    /** 升级为红色 */
    public static final String TASK_ESCALATE_TO_RED = "Task_EscalateToRed";
    /** (合流) */
    public static final String GATEWAY_RED_PATH = "Gateway_RedPath";
    /** 向区县政府和政法机关通报线索 */
    public static final String TASK_NOTIFY_COUNTY_GOVERNMENT = "Task_NotifyCountyGovernment";
    /** 分头处置 */
    public static final String GATEWAY_RED_MEASURES = "Gateway_RedMeasures";
    /** 移送公安机关 */
    public static final String TASK_TRANSFER_TO_POLICE = "Task_TransferToPolice";
    /** 反馈立案决定 */
    public static final String TASK_REPORT_POLICE_DECISION = "Task_ReportPoliceDecision";
    /** 妥善安置老年人 */
    public static final String TASK_RESETTLE_RESIDENTS = "Task_ResettleResidents";
    /** 困难救助（低保、特困） */
    public static final String TASK_PROVIDE_HARDSHIP_ASSISTANCE = "Task_ProvideHardshipAssistance";
    /** 防控涉稳风险 */
    public static final String TASK_CONTROL_STABILITY_RISK = "Task_ControlStabilityRisk";
    /** (合流) */
    public static final String GATEWAY_RED_MEASURES_DONE = "Gateway_RedMeasuresDone";
    /** 公安机关是否立案？ */
    public static final String GATEWAY_POLICE_DECISION = "Gateway_PoliceDecision";
    /** 判断是否大额预付费 */
    public static final String TASK_ASSESS_PREPAID_FEES = "Task_AssessPrepaidFees";
    /** 收取大额预付费？ */
    public static final String GATEWAY_LARGE_PREPAID_FEES = "Gateway_LargePrepaidFees";
    /** (合流) */
    public static final String GATEWAY_URGE_AGAIN = "Gateway_UrgeAgain";
    /** 督促办理登记 */
    public static final String TASK_URGE_REGISTRATION = "Task_UrgeRegistration";
    /** 到跟踪检查时间 */
    public static final String EVENT_FOLLOW_UP_DUE = "Event_FollowUpDue";
    /** 跟踪检查 */
    public static final String TASK_FOLLOW_UP_CHECK = "Task_FollowUpCheck";
    /** 检查结果？ */
    public static final String GATEWAY_FOLLOW_UP_RESULT = "Gateway_FollowUpResult";
    /** 责令退还资金 */
    public static final String TASK_ORDER_REFUND = "Task_OrderRefund";
    /** 场所性质？ */
    public static final String GATEWAY_LEGAL_FORM = "Gateway_LegalForm";
    /** 移交社会组织登记管理部门 */
    public static final String TASK_HAND_OVER_TO_SOCIAL_ORG_REGISTRATION = "Task_HandOverToSocialOrgRegistration";
    /** 依法处置未登记民非场所 */
    public static final String TASK_DISPOSE_UNREGISTERED_SOCIAL_ORG = "Task_DisposeUnregisteredSocialOrg";
    /** 移交市场监管部门 */
    public static final String TASK_HAND_OVER_TO_MARKET_REGULATION = "Task_HandOverToMarketRegulation";
    /** 查处取缔 */
    public static final String TASK_INVESTIGATE_AND_BAN = "Task_InvestigateAndBan";
    /** (合流) */
    public static final String GATEWAY_CLOSE_OUT = "Gateway_CloseOut";
    /** 负责人审核销号 */
    public static final String TASK_SIGN_OFF_CLOSE_OUT = "Task_SignOffCloseOut";
    /** 同意销号？ */
    public static final String GATEWAY_SIGN_OFF = "Gateway_SignOff";
    /** 销号 */
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    /** 案件已销号 */
    public static final String END_EVENT_CASE_CLOSED = "EndEvent_CaseClosed";

    /** Process variables: only what routing, forms and the task list need; the case itself is in EG_CASE. */
    public static final String VAR_INSTITUTION_NAME = "institutionName";

    /** Form ids (forms/*.form), bound with binding "deployment". */
    public static final String FORM_VERIFY_LEAD = "VerifyLead";
    public static final String FORM_ACKNOWLEDGE_CROSS_REGION_COPY = "AcknowledgeCrossRegionCopy";

    /** What {@link CaseProcess} starts every case with. */
    static final Set<String> START_VARIABLES = Set.of(RouteToUnitListener.JURISDICTION, RouteToUnitListener.RESPONSIBLE_AGENCY,
        VAR_INSTITUTION_NAME);

    LeadDisposalProcess() {
    }

    @Override
    public Set<String> setByApplication() {
        return START_VARIABLES;
    }
}
