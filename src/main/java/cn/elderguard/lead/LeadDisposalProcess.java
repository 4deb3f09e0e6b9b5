package cn.elderguard.lead;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.ApplicationVariables;
import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.engine.Variables;

/**
 * The {@code LeadDisposal} process (bpmn/LeadDisposal.bpmn): its key, element ids (flow nodes, including the embedded
 * subprocesses and what they contain, and sequence flows) and form ids, shared by code and tests so that no id is
 * typed twice (ModelContractTest keeps them in step with the model); its variables and the beans it names, and the
 * variables the application sets, which models may read.
 */
@Component
public final class LeadDisposalProcess implements ApplicationVariables {

    public static final String KEY = "LeadDisposal";

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
    /** 处置与异地通报同时进行 */
    public static final String GATEWAY_DISPOSAL_AND_CROSS_REGION = "Gateway_DisposalAndCrossRegion";
    /** 异地登记？ */
    public static final String GATEWAY_CROSS_REGION = "Gateway_CrossRegion";
    /** 异地通报与抄送 */
    public static final String SUB_PROCESS_CROSS_REGION_NOTICE = "SubProcess_CrossRegionNotice";
    /** 需异地通报 — in SubProcess_CrossRegionNotice */
    public static final String START_EVENT_CROSS_REGION_NOTICE = "StartEvent_CrossRegionNotice";
    /** 通报登记地并抄送省处非办 — in SubProcess_CrossRegionNotice */
    public static final String TASK_PREPARE_CROSS_REGION = "Task_PrepareCrossRegion";
    /** 通报与抄送 — in SubProcess_CrossRegionNotice */
    public static final String GATEWAY_CROSS_REGION_SHARE = "Gateway_CrossRegionShare";
    /** 协查跨地区线索 — in SubProcess_CrossRegionNotice */
    public static final String TASK_CO_INVESTIGATE_CROSS_REGION = "Task_CoInvestigateCrossRegion";
    /** 跨地区协查已反馈 — in SubProcess_CrossRegionNotice */
    public static final String END_EVENT_CROSS_REGION_NOTED = "EndEvent_CrossRegionNoted";
    /** 抄送省处非办？ — in SubProcess_CrossRegionNotice */
    public static final String GATEWAY_COPY_TO_PROVINCE = "Gateway_CopyToProvince";
    /** 阅知跨地区线索通报 — in SubProcess_CrossRegionNotice */
    public static final String TASK_ACKNOWLEDGE_CROSS_REGION_COPY = "Task_AcknowledgeCrossRegionCopy";
    /** 跨地区通报已阅知 — in SubProcess_CrossRegionNotice */
    public static final String END_EVENT_CROSS_REGION_COPY_READ = "EndEvent_CrossRegionCopyRead";
    /** 无需抄送 — in SubProcess_CrossRegionNotice */
    public static final String END_EVENT_NO_COPY_TO_PROVINCE = "EndEvent_NoCopyToProvince";
    /** 异地通报已办结 */
    public static final String END_EVENT_CROSS_REGION_NOTICE_DONE = "EndEvent_CrossRegionNoticeDone";
    /** 无需异地通报 */
    public static final String END_EVENT_NO_CROSS_REGION_NOTICE = "EndEvent_NoCrossRegionNotice";
    /** 按风险等级和登记情况处置？ */
    public static final String GATEWAY_DISPOSAL_PATH = "Gateway_DisposalPath";
    /** 黄色：风险提示与抽查监测 */
    public static final String SUB_PROCESS_YELLOW_MONITORING = "SubProcess_YellowMonitoring";
    /** 黄色线索 — in SubProcess_YellowMonitoring */
    public static final String START_EVENT_YELLOW_MONITORING = "StartEvent_YellowMonitoring";
    /** 发出风险提示 — in SubProcess_YellowMonitoring */
    public static final String TASK_ISSUE_RISK_WARNING = "Task_IssueRiskWarning";
    /** (合流) — in SubProcess_YellowMonitoring */
    public static final String GATEWAY_SPOT_CHECK_AGAIN = "Gateway_SpotCheckAgain";
    /** 到抽查时间 — in SubProcess_YellowMonitoring */
    public static final String EVENT_SPOT_CHECK_DUE = "Event_SpotCheckDue";
    /** 开展抽查检查 — in SubProcess_YellowMonitoring */
    public static final String TASK_SPOT_CHECK = "Task_SpotCheck";
    /** 抽查结果？ — in SubProcess_YellowMonitoring */
    public static final String GATEWAY_SPOT_CHECK_RESULT = "Gateway_SpotCheckResult";
    /** 监测已结束 — in SubProcess_YellowMonitoring */
    public static final String END_EVENT_MONITORING_ENDED = "EndEvent_MonitoringEnded";
    /** 发现新情况 — in SubProcess_YellowMonitoring */
    public static final String END_EVENT_SPOT_CHECK_NEW_FACTS = "EndEvent_SpotCheckNewFacts";
    /** 抽查发现新情况 */
    public static final String BOUNDARY_EVENT_SPOT_CHECK_NEW_FACTS = "BoundaryEvent_SpotCheckNewFacts";
    /** 向属地政府和政法机关通报线索 */
    public static final String TASK_NOTIFY_GOVERNMENT = "Task_NotifyGovernment";
    /** (合流) */
    public static final String GATEWAY_ADMINISTRATIVE_DISPOSAL = "Gateway_AdministrativeDisposal";
    /** 行政处置：约谈、整改、清退 */
    public static final String SUB_PROCESS_ADMINISTRATIVE_DISPOSAL = "SubProcess_AdministrativeDisposal";
    /** 需行政处置 — in SubProcess_AdministrativeDisposal */
    public static final String START_EVENT_ADMINISTRATIVE_DISPOSAL = "StartEvent_AdministrativeDisposal";
    /** 警示约谈机构及负责人 — in SubProcess_AdministrativeDisposal */
    public static final String TASK_CONDUCT_WARNING_INTERVIEW = "Task_ConductWarningInterview";
    /** 责令整改 — in SubProcess_AdministrativeDisposal */
    public static final String TASK_ORDER_RECTIFICATION = "Task_OrderRectification";
    /** 需督促清退资金？ — in SubProcess_AdministrativeDisposal */
    public static final String GATEWAY_REFUND_NEEDED = "Gateway_RefundNeeded";
    /** (合流) — in SubProcess_AdministrativeDisposal */
    public static final String GATEWAY_NEXT_TRANCHE = "Gateway_NextTranche";
    /** 登记清退资金 — in SubProcess_AdministrativeDisposal */
    public static final String TASK_RECORD_REFUND_TRANCHE = "Task_RecordRefundTranche";
    /** 核算清退进度 — in SubProcess_AdministrativeDisposal */
    public static final String TASK_TALLY_REFUNDS = "Task_TallyRefunds";
    /** 清退到位？ — in SubProcess_AdministrativeDisposal */
    public static final String GATEWAY_REFUND_TARGET_REACHED = "Gateway_RefundTargetReached";
    /** (合流) — in SubProcess_AdministrativeDisposal */
    public static final String GATEWAY_REFUNDS_DONE = "Gateway_RefundsDone";
    /** 整改期限届满 — in SubProcess_AdministrativeDisposal */
    public static final String EVENT_RECTIFICATION_DEADLINE = "Event_RectificationDeadline";
    /** 核验整改情况 — in SubProcess_AdministrativeDisposal */
    public static final String TASK_VERIFY_RECTIFICATION = "Task_VerifyRectification";
    /** 整改情况已核验 — in SubProcess_AdministrativeDisposal */
    public static final String END_EVENT_RECTIFICATION_VERIFIED = "EndEvent_RectificationVerified";
    /** 整改到位？ */
    public static final String GATEWAY_RECTIFICATION_RESULT = "Gateway_RectificationResult";
    /** 升级为红色 */
    public static final String TASK_ESCALATE_TO_RED = "Task_EscalateToRed";
    /** (合流) */
    public static final String GATEWAY_RED_PATH = "Gateway_RedPath";
    /** 红色：通报并分头处置 */
    public static final String SUB_PROCESS_RED_MEASURES = "SubProcess_RedMeasures";
    /** 红色线索 — in SubProcess_RedMeasures */
    public static final String START_EVENT_RED_MEASURES = "StartEvent_RedMeasures";
    /** 向区县政府和政法机关通报线索 — in SubProcess_RedMeasures */
    public static final String TASK_NOTIFY_COUNTY_GOVERNMENT = "Task_NotifyCountyGovernment";
    /** 分头处置 — in SubProcess_RedMeasures */
    public static final String GATEWAY_RED_MEASURES = "Gateway_RedMeasures";
    /** 移送公安机关 — in SubProcess_RedMeasures */
    public static final String TASK_TRANSFER_TO_POLICE = "Task_TransferToPolice";
    /** 反馈立案决定 — in SubProcess_RedMeasures */
    public static final String TASK_REPORT_POLICE_DECISION = "Task_ReportPoliceDecision";
    /** 防控涉稳风险（政法委） — in SubProcess_RedMeasures */
    public static final String TASK_CONTROL_STABILITY_RISK = "Task_ControlStabilityRisk";
    /** 防控涉稳风险（信访） — in SubProcess_RedMeasures; each agency has its own task (decision 034) */
    public static final String TASK_CONTROL_STABILITY_RISK_PETITIONS = "Task_ControlStabilityRiskPetitions";
    /** 在住或受损老人？ — in SubProcess_RedMeasures */
    public static final String GATEWAY_VICTIM_SUPPORT = "Gateway_VictimSupport";
    /** 妥善安置老年人 — in SubProcess_RedMeasures */
    public static final String TASK_RESETTLE_RESIDENTS = "Task_ResettleResidents";
    /** 困难救助（低保、特困） — in SubProcess_RedMeasures */
    public static final String TASK_PROVIDE_HARDSHIP_ASSISTANCE = "Task_ProvideHardshipAssistance";
    /** (合流) — in SubProcess_RedMeasures */
    public static final String GATEWAY_RED_MEASURES_DONE = "Gateway_RedMeasuresDone";
    /** 分头处置已完成 — in SubProcess_RedMeasures */
    public static final String END_EVENT_RED_MEASURES_DONE = "EndEvent_RedMeasuresDone";
    /** 公安机关是否立案？ */
    public static final String GATEWAY_POLICE_DECISION = "Gateway_PoliceDecision";
    /** 未登记场所处置 */
    public static final String SUB_PROCESS_UNREGISTERED_VENUE = "SubProcess_UnregisteredVenue";
    /** 未登记场所 — in SubProcess_UnregisteredVenue */
    public static final String START_EVENT_UNREGISTERED_VENUE = "StartEvent_UnregisteredVenue";
    /** 判断是否大额预付费 — in SubProcess_UnregisteredVenue */
    public static final String TASK_ASSESS_PREPAID_FEES = "Task_AssessPrepaidFees";
    /** 收取大额预付费？ — in SubProcess_UnregisteredVenue */
    public static final String GATEWAY_LARGE_PREPAID_FEES = "Gateway_LargePrepaidFees";
    /** (合流) — in SubProcess_UnregisteredVenue */
    public static final String GATEWAY_URGE_AGAIN = "Gateway_UrgeAgain";
    /** 督促办理登记 — in SubProcess_UnregisteredVenue */
    public static final String TASK_URGE_REGISTRATION = "Task_UrgeRegistration";
    /** 到跟踪检查时间 — in SubProcess_UnregisteredVenue */
    public static final String EVENT_FOLLOW_UP_DUE = "Event_FollowUpDue";
    /** 跟踪检查 — in SubProcess_UnregisteredVenue */
    public static final String TASK_FOLLOW_UP_CHECK = "Task_FollowUpCheck";
    /** 检查结果？ — in SubProcess_UnregisteredVenue */
    public static final String GATEWAY_FOLLOW_UP_RESULT = "Gateway_FollowUpResult";
    /** 已办理登记 — in SubProcess_UnregisteredVenue */
    public static final String END_EVENT_VENUE_REGISTERED = "EndEvent_VenueRegistered";
    /** 发现新情况 — in SubProcess_UnregisteredVenue */
    public static final String END_EVENT_FOLLOW_UP_NEW_FACTS = "EndEvent_FollowUpNewFacts";
    /** 责令退还资金 — in SubProcess_UnregisteredVenue */
    public static final String TASK_ORDER_REFUND = "Task_OrderRefund";
    /** 场所性质？ — in SubProcess_UnregisteredVenue */
    public static final String GATEWAY_LEGAL_FORM = "Gateway_LegalForm";
    /** 移交社会组织登记管理部门 — in SubProcess_UnregisteredVenue */
    public static final String TASK_HAND_OVER_TO_SOCIAL_ORG_REGISTRATION = "Task_HandOverToSocialOrgRegistration";
    /** 依法处置未登记民非场所 — in SubProcess_UnregisteredVenue */
    public static final String TASK_DISPOSE_UNREGISTERED_SOCIAL_ORG = "Task_DisposeUnregisteredSocialOrg";
    /** 民非场所已处置 — in SubProcess_UnregisteredVenue */
    public static final String END_EVENT_SOCIAL_ORG_DISPOSED = "EndEvent_SocialOrgDisposed";
    /** 移交市场监管部门 — in SubProcess_UnregisteredVenue */
    public static final String TASK_HAND_OVER_TO_MARKET_REGULATION = "Task_HandOverToMarketRegulation";
    /** 查处取缔 — in SubProcess_UnregisteredVenue */
    public static final String TASK_INVESTIGATE_AND_BAN = "Task_InvestigateAndBan";
    /** 场所已取缔 — in SubProcess_UnregisteredVenue */
    public static final String END_EVENT_VENUE_BANNED = "EndEvent_VenueBanned";
    /** 跟踪检查发现新情况 */
    public static final String BOUNDARY_EVENT_FOLLOW_UP_NEW_FACTS = "BoundaryEvent_FollowUpNewFacts";
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

    /* Sequence flows, by scope as the model lists them; a comment gives the label where the model has one. */
    public static final String SEQUENCE_FLOW_TO_PREPARE_CROSS_REGION = "SequenceFlow_ToPrepareCrossRegion";
    public static final String SEQUENCE_FLOW_TO_CROSS_REGION_SHARE = "SequenceFlow_ToCrossRegionShare";
    public static final String SEQUENCE_FLOW_TO_CO_INVESTIGATE = "SequenceFlow_ToCoInvestigate";
    public static final String SEQUENCE_FLOW_TO_COPY_TO_PROVINCE = "SequenceFlow_ToCopyToProvince";
    /** 抄送（省处非办未承担协查） */
    public static final String SEQUENCE_FLOW_COPY_TO_PROVINCE = "SequenceFlow_CopyToProvince";
    /** 不抄送 */
    public static final String SEQUENCE_FLOW_NO_COPY_TO_PROVINCE = "SequenceFlow_NoCopyToProvince";
    public static final String SEQUENCE_FLOW_TO_CROSS_REGION_NOTED = "SequenceFlow_ToCrossRegionNoted";
    public static final String SEQUENCE_FLOW_TO_CROSS_REGION_COPY_READ = "SequenceFlow_ToCrossRegionCopyRead";
    public static final String SEQUENCE_FLOW_TO_ISSUE_RISK_WARNING = "SequenceFlow_ToIssueRiskWarning";
    public static final String SEQUENCE_FLOW_TO_SPOT_CHECK_AGAIN = "SequenceFlow_ToSpotCheckAgain";
    public static final String SEQUENCE_FLOW_TO_SPOT_CHECK_DUE = "SequenceFlow_ToSpotCheckDue";
    public static final String SEQUENCE_FLOW_TO_SPOT_CHECK = "SequenceFlow_ToSpotCheck";
    public static final String SEQUENCE_FLOW_TO_SPOT_CHECK_RESULT = "SequenceFlow_ToSpotCheckResult";
    /** 继续监测 */
    public static final String SEQUENCE_FLOW_SPOT_CHECK_CONTINUE = "SequenceFlow_SpotCheckContinue";
    /** 发现新情况 */
    public static final String SEQUENCE_FLOW_SPOT_CHECK_NEW_FACTS = "SequenceFlow_SpotCheckNewFacts";
    /** 建议结束监测 */
    public static final String SEQUENCE_FLOW_SPOT_CHECK_END_MONITORING = "SequenceFlow_SpotCheckEndMonitoring";
    public static final String SEQUENCE_FLOW_TO_WARNING_INTERVIEW = "SequenceFlow_ToWarningInterview";
    public static final String SEQUENCE_FLOW_TO_ORDER_RECTIFICATION = "SequenceFlow_ToOrderRectification";
    public static final String SEQUENCE_FLOW_TO_REFUND_NEEDED = "SequenceFlow_ToRefundNeeded";
    /** 需清退 */
    public static final String SEQUENCE_FLOW_REFUND_NEEDED = "SequenceFlow_RefundNeeded";
    /** 无需清退 */
    public static final String SEQUENCE_FLOW_NO_REFUND = "SequenceFlow_NoRefund";
    public static final String SEQUENCE_FLOW_TO_RECORD_REFUND_TRANCHE = "SequenceFlow_ToRecordRefundTranche";
    public static final String SEQUENCE_FLOW_TO_TALLY_REFUNDS = "SequenceFlow_ToTallyRefunds";
    public static final String SEQUENCE_FLOW_TO_REFUND_TARGET_REACHED = "SequenceFlow_ToRefundTargetReached";
    /** 尚未到位 */
    public static final String SEQUENCE_FLOW_REFUND_OUTSTANDING = "SequenceFlow_RefundOutstanding";
    /** 已到位 */
    public static final String SEQUENCE_FLOW_REFUND_COMPLETE = "SequenceFlow_RefundComplete";
    public static final String SEQUENCE_FLOW_TO_RECTIFICATION_DEADLINE = "SequenceFlow_ToRectificationDeadline";
    public static final String SEQUENCE_FLOW_TO_VERIFY_RECTIFICATION = "SequenceFlow_ToVerifyRectification";
    public static final String SEQUENCE_FLOW_TO_RECTIFICATION_VERIFIED = "SequenceFlow_ToRectificationVerified";
    public static final String SEQUENCE_FLOW_TO_NOTIFY_COUNTY_GOVERNMENT = "SequenceFlow_ToNotifyCountyGovernment";
    public static final String SEQUENCE_FLOW_TO_RED_MEASURES = "SequenceFlow_ToRedMeasures";
    public static final String SEQUENCE_FLOW_TRANSFER_TO_POLICE = "SequenceFlow_TransferToPolice";
    public static final String SEQUENCE_FLOW_STABILITY_RISK = "SequenceFlow_StabilityRisk";
    public static final String SEQUENCE_FLOW_STABILITY_RISK_PETITIONS = "SequenceFlow_StabilityRiskPetitions";
    public static final String SEQUENCE_FLOW_TO_VICTIM_SUPPORT = "SequenceFlow_ToVictimSupport";
    /** 有在住老人 */
    public static final String SEQUENCE_FLOW_RESETTLE_RESIDENTS = "SequenceFlow_ResettleResidents";
    /** 有受损老人 */
    public static final String SEQUENCE_FLOW_HARDSHIP_ASSISTANCE = "SequenceFlow_HardshipAssistance";
    /** 均无 */
    public static final String SEQUENCE_FLOW_NO_VICTIM_SUPPORT = "SequenceFlow_NoVictimSupport";
    public static final String SEQUENCE_FLOW_TO_POLICE_DECISION = "SequenceFlow_ToPoliceDecision";
    public static final String SEQUENCE_FLOW_POLICE_REPORTED = "SequenceFlow_PoliceReported";
    public static final String SEQUENCE_FLOW_RESIDENTS_RESETTLED = "SequenceFlow_ResidentsResettled";
    public static final String SEQUENCE_FLOW_HARDSHIP_ASSISTED = "SequenceFlow_HardshipAssisted";
    public static final String SEQUENCE_FLOW_STABILITY_CONTROLLED = "SequenceFlow_StabilityControlled";
    public static final String SEQUENCE_FLOW_STABILITY_CONTROLLED_PETITIONS = "SequenceFlow_StabilityControlledPetitions";
    public static final String SEQUENCE_FLOW_TO_RED_MEASURES_DONE = "SequenceFlow_ToRedMeasuresDone";
    public static final String SEQUENCE_FLOW_TO_ASSESS_PREPAID_FEES = "SequenceFlow_ToAssessPrepaidFees";
    public static final String SEQUENCE_FLOW_TO_LARGE_PREPAID_FEES = "SequenceFlow_ToLargePrepaidFees";
    /** 否 */
    public static final String SEQUENCE_FLOW_NO_LARGE_FEES = "SequenceFlow_NoLargeFees";
    /** 是 */
    public static final String SEQUENCE_FLOW_LARGE_FEES = "SequenceFlow_LargeFees";
    public static final String SEQUENCE_FLOW_TO_URGE_REGISTRATION = "SequenceFlow_ToUrgeRegistration";
    public static final String SEQUENCE_FLOW_TO_FOLLOW_UP_DUE = "SequenceFlow_ToFollowUpDue";
    public static final String SEQUENCE_FLOW_TO_FOLLOW_UP_CHECK = "SequenceFlow_ToFollowUpCheck";
    public static final String SEQUENCE_FLOW_TO_FOLLOW_UP_RESULT = "SequenceFlow_ToFollowUpResult";
    /** 已办理登记 */
    public static final String SEQUENCE_FLOW_NOW_REGISTERED = "SequenceFlow_NowRegistered";
    /** 发现新情况 */
    public static final String SEQUENCE_FLOW_FOLLOW_UP_NEW_FACTS = "SequenceFlow_FollowUpNewFacts";
    /** 尚未登记 */
    public static final String SEQUENCE_FLOW_NOT_YET_REGISTERED = "SequenceFlow_NotYetRegistered";
    public static final String SEQUENCE_FLOW_TO_LEGAL_FORM = "SequenceFlow_ToLegalForm";
    /** 民非 */
    public static final String SEQUENCE_FLOW_PRIVATE_NON_ENTERPRISE = "SequenceFlow_PrivateNonEnterprise";
    /** 企业 */
    public static final String SEQUENCE_FLOW_ENTERPRISE = "SequenceFlow_Enterprise";
    public static final String SEQUENCE_FLOW_TO_SOCIAL_ORG_DISPOSAL = "SequenceFlow_ToSocialOrgDisposal";
    public static final String SEQUENCE_FLOW_TO_INVESTIGATE_AND_BAN = "SequenceFlow_ToInvestigateAndBan";
    public static final String SEQUENCE_FLOW_SOCIAL_ORG_DISPOSED = "SequenceFlow_SocialOrgDisposed";
    public static final String SEQUENCE_FLOW_BANNED = "SequenceFlow_Banned";
    public static final String SEQUENCE_FLOW_TO_RE_VERIFY = "SequenceFlow_ToReVerify";
    public static final String SEQUENCE_FLOW_TO_VERIFY_LEAD = "SequenceFlow_ToVerifyLead";
    public static final String SEQUENCE_FLOW_TO_RECORD_VERIFICATION = "SequenceFlow_ToRecordVerification";
    public static final String SEQUENCE_FLOW_TO_RATE_RISK = "SequenceFlow_ToRateRisk";
    public static final String SEQUENCE_FLOW_TO_SCORE_PRIORITY = "SequenceFlow_ToScorePriority";
    public static final String SEQUENCE_FLOW_TO_RECORD_RATING = "SequenceFlow_ToRecordRating";
    public static final String SEQUENCE_FLOW_TO_DISPOSAL_AND_CROSS_REGION = "SequenceFlow_ToDisposalAndCrossRegion";
    public static final String SEQUENCE_FLOW_TO_CROSS_REGION = "SequenceFlow_ToCrossRegion";
    /** 在外地登记 */
    public static final String SEQUENCE_FLOW_CROSS_REGION = "SequenceFlow_CrossRegion";
    /** 否 */
    public static final String SEQUENCE_FLOW_NOT_CROSS_REGION = "SequenceFlow_NotCrossRegion";
    public static final String SEQUENCE_FLOW_CROSS_REGION_NOTICE_DONE = "SequenceFlow_CrossRegionNoticeDone";
    public static final String SEQUENCE_FLOW_TO_DISPOSAL_PATH = "SequenceFlow_ToDisposalPath";
    /** 绿：日常监管 */
    public static final String SEQUENCE_FLOW_GREEN = "SequenceFlow_Green";
    /** 黄 */
    public static final String SEQUENCE_FLOW_YELLOW = "SequenceFlow_Yellow";
    /** 橙 */
    public static final String SEQUENCE_FLOW_ORANGE = "SequenceFlow_Orange";
    /** 红 */
    public static final String SEQUENCE_FLOW_RED = "SequenceFlow_Red";
    /** 未登记场所 */
    public static final String SEQUENCE_FLOW_UNREGISTERED = "SequenceFlow_Unregistered";
    public static final String SEQUENCE_FLOW_MONITORING_ENDED = "SequenceFlow_MonitoringEnded";
    public static final String SEQUENCE_FLOW_RE_VERIFY_AFTER_SPOT_CHECK = "SequenceFlow_ReVerifyAfterSpotCheck";
    public static final String SEQUENCE_FLOW_TO_ADMINISTRATIVE_DISPOSAL = "SequenceFlow_ToAdministrativeDisposal";
    public static final String SEQUENCE_FLOW_TO_ADMINISTRATIVE_MEASURES = "SequenceFlow_ToAdministrativeMeasures";
    public static final String SEQUENCE_FLOW_TO_RECTIFICATION_RESULT = "SequenceFlow_ToRectificationResult";
    /** 整改到位 */
    public static final String SEQUENCE_FLOW_RECTIFICATION_PASSED = "SequenceFlow_RectificationPassed";
    /** 整改不到位 */
    public static final String SEQUENCE_FLOW_RECTIFICATION_FAILED = "SequenceFlow_RectificationFailed";
    public static final String SEQUENCE_FLOW_ESCALATED_TO_RED = "SequenceFlow_EscalatedToRed";
    public static final String SEQUENCE_FLOW_TO_RED_MEASURES_SCOPE = "SequenceFlow_ToRedMeasuresScope";
    public static final String SEQUENCE_FLOW_TO_POLICE_DECISION_GATEWAY = "SequenceFlow_ToPoliceDecisionGateway";
    /** 立案 */
    public static final String SEQUENCE_FLOW_CASE_FILED = "SequenceFlow_CaseFiled";
    /** 不立案，回到行政处置 */
    public static final String SEQUENCE_FLOW_CASE_NOT_FILED = "SequenceFlow_CaseNotFiled";
    public static final String SEQUENCE_FLOW_UNREGISTERED_VENUE_DONE = "SequenceFlow_UnregisteredVenueDone";
    public static final String SEQUENCE_FLOW_RE_VERIFY_AFTER_FOLLOW_UP = "SequenceFlow_ReVerifyAfterFollowUp";
    public static final String SEQUENCE_FLOW_TO_SIGN_OFF = "SequenceFlow_ToSignOff";
    public static final String SEQUENCE_FLOW_TO_SIGN_OFF_DECISION = "SequenceFlow_ToSignOffDecision";
    /** 同意销号 */
    public static final String SEQUENCE_FLOW_SIGNED_OFF = "SequenceFlow_SignedOff";
    /** 退回重新核查 */
    public static final String SEQUENCE_FLOW_SIGN_OFF_REJECTED = "SequenceFlow_SignOffRejected";
    public static final String SEQUENCE_FLOW_TO_CASE_CLOSED = "SequenceFlow_ToCaseClosed";

    /** Form ids (forms/*.form, the form's "id"), one per user task, bound with binding "deployment". */
    public static final String FORM_ACKNOWLEDGE_CROSS_REGION_COPY = "AcknowledgeCrossRegionCopy";
    public static final String FORM_CONDUCT_WARNING_INTERVIEW = "ConductWarningInterview";
    public static final String FORM_CONTROL_STABILITY_RISK = "ControlStabilityRisk";
    public static final String FORM_CO_INVESTIGATE_CROSS_REGION = "CoInvestigateCrossRegion";
    public static final String FORM_DISPOSE_UNREGISTERED_SOCIAL_ORG = "DisposeUnregisteredSocialOrg";
    public static final String FORM_FOLLOW_UP_CHECK = "FollowUpCheck";
    public static final String FORM_INVESTIGATE_AND_BAN = "InvestigateAndBan";
    public static final String FORM_ISSUE_RISK_WARNING = "IssueRiskWarning";
    public static final String FORM_NOTIFY_GOVERNMENT = "NotifyGovernment";
    public static final String FORM_ORDER_RECTIFICATION = "OrderRectification";
    public static final String FORM_ORDER_REFUND = "OrderRefund";
    public static final String FORM_PROVIDE_HARDSHIP_ASSISTANCE = "ProvideHardshipAssistance";
    public static final String FORM_RECORD_REFUND_TRANCHE = "RecordRefundTranche";
    public static final String FORM_REPORT_POLICE_DECISION = "ReportPoliceDecision";
    public static final String FORM_RESETTLE_RESIDENTS = "ResettleResidents";
    public static final String FORM_SIGN_OFF_CLOSE_OUT = "SignOffCloseOut";
    public static final String FORM_SPOT_CHECK = "SpotCheck";
    public static final String FORM_URGE_REGISTRATION = "UrgeRegistration";
    public static final String FORM_VERIFY_LEAD = "VerifyLead";
    public static final String FORM_VERIFY_RECTIFICATION = "VerifyRectification";

    // ---- Variables and beans (issue 13): every name the model, its forms and decisions give a variable, and the
    // ---- beans it names. Shared with CaseHandOver and lower modules: engine/CaseProcessNames.

    /* Facts of the verification (form VerifyLead), read together as disposal/VerifiedFacts. */
    public static final String VAR_REGISTERED = "registered";
    public static final String VAR_LEGAL_FORM = "legalForm";
    /** A registration elsewhere: its region code; null when registered here or not at all. */
    public static final String VAR_REGISTERED_ELSEWHERE = "registeredElsewhere";
    public static final String VAR_PREPAID_FEES_YUAN = "prepaidFeesYuan";
    public static final String VAR_PREPAID_FEES_USE = "prepaidFeesUse";
    public static final String VAR_ASSETS_YUAN = "assetsYuan";
    public static final String VAR_LIABILITIES_YUAN = "liabilitiesYuan";
    public static final String VAR_OPERATION_STABLE = "operationStable";
    public static final String VAR_COLLAPSED = "collapsed";
    public static final String VAR_BRANCHES_OPENED_12M = "branchesOpened12m";
    public static final String VAR_REPRESENTATIVE_OR_ADDRESS_CHANGES_24M = "representativeOrAddressChanges24m";
    public static final String VAR_PRINCIPAL_PROSECUTED = "principalProsecuted";
    public static final String VAR_COMPLAINTS = "complaints";
    public static final String VAR_BLACKLISTED = "blacklisted";
    public static final String VAR_PROMISED_RETURNS = "promisedReturns";
    public static final String VAR_PUBLIC_OPINION_EVENT = "publicOpinionEvent";
    public static final String VAR_SUSPECTED_CRIME = "suspectedCrime";
    public static final String VAR_RESIDENTS_HOUSED = "residentsHoused";
    public static final String VAR_PEOPLE_INVOLVED = "peopleInvolved";
    public static final String VAR_EXPOSURE_YUAN = "exposureYuan";
    public static final String VAR_PUBLIC_OPINION_HEAT = "publicOpinionHeat";
    public static final String VAR_STABILITY_HAZARD = "stabilityHazard";

    /* The rating (Task_RateRisk, Task_ScorePriority, Task_RecordRating, Task_AssessPrepaidFees, Task_EscalateToRed). */
    /** RiskRating's matched rows (result variable); Task_RecordRating stores them with the rating and removes it. */
    public static final String VAR_RISK_RATINGS = "riskRatings";
    /** LeadPriority's score (result variable), every task's priority. */
    public static final String VAR_CASE_PRIORITY = "casePriority";
    /** The case's colour, a {@link RiskLevel} name. */
    public static final String VAR_RISK_LEVEL = "riskLevel";
    public static final String VAR_RISK_EXPLANATION = "riskExplanation";
    /** LargePrepaidFees' answer (result variable) for the unregistered-venue path. */
    public static final String VAR_LARGE_PREPAID_FEES = "largePrepaidFees";

    /* A registration elsewhere (Task_PrepareCrossRegion). */
    public static final String VAR_CROSS_REGION_NOTIFIED = "crossRegionNotified";
    public static final String VAR_CROSS_REGION_JURISDICTION = "crossRegionJurisdiction";
    /** Where the provincial 处非办's copy of a cross-region lead goes; null when that office co-investigates itself. */
    public static final String VAR_CROSS_REGION_COPY_JURISDICTION = "crossRegionCopyJurisdiction";
    /** What the copy says (shown in a disabled field of its form). */
    public static final String VAR_CROSS_REGION_NOTICE = "crossRegionNotice";

    /* The measures' forms and the gateways after them. */
    public static final String VAR_SPOT_CHECK_INTERVAL_DAYS = "spotCheckIntervalDays";
    public static final String VAR_SPOT_CHECK_RESULT = "spotCheckResult";
    public static final String VAR_RECTIFICATION_DEADLINE = "rectificationDeadline";
    public static final String VAR_RECTIFICATION_RESULT = "rectificationResult";
    public static final String VAR_REFUND_TARGET_YUAN = "refundTargetYuan";
    public static final String VAR_REFUND_TARGET_PEOPLE = "refundTargetPeople";
    /** Set by Task_TallyRefunds: what the tranches so far add up to, and whether that meets the target. */
    public static final String VAR_REFUNDED_YUAN = "refundedYuan";
    public static final String VAR_REFUNDED_PEOPLE = "refundedPeople";
    public static final String VAR_REFUND_TARGET_REACHED = "refundTargetReached";
    public static final String VAR_TRANCHE_PAID_ON = "tranchePaidOn";
    public static final String VAR_REFUND_DEADLINE = "refundDeadline";
    public static final String VAR_POLICE_DECISION = "policeDecision";
    public static final String VAR_RESIDENTS_RESETTLED = "residentsResettled";
    public static final String VAR_PEOPLE_ASSISTED = "peopleAssisted";
    public static final String VAR_FOLLOW_UP_DAYS = "followUpDays";
    public static final String VAR_FOLLOW_UP_RESULT = "followUpResult";
    public static final String VAR_SIGN_OFF_DECISION = "signOffDecision";
    /** What the tipster is told at close-out: proposed at verification, written anew or left to the proposal by the leader. */
    public static final String VAR_TIPSTER_FEEDBACK = "tipsterFeedback";
    /** The verifying officer's proposed feedback and notes, kept by Task_RecordVerification and shown read-only at sign-off. */
    public static final String VAR_PROPOSED_TIPSTER_FEEDBACK = "proposedTipsterFeedback";
    public static final String VAR_VERIFICATION_NOTES = "verificationNotes";

    /* Beans the model names ({@code delegateExpression="${…}"}), each an engine/ModelBean. */
    public static final String BEAN_RECORD_VERIFICATION = "recordVerification";
    public static final String BEAN_RECORD_RATING = "recordRating";
    public static final String BEAN_PREPARE_CROSS_REGION = "prepareCrossRegion";
    public static final String BEAN_TALLY_REFUNDS = "tallyRefunds";
    public static final String BEAN_ESCALATE_TO_RED = "escalateToRed";
    public static final String BEAN_CLOSE_CASE = "closeCase";

    /** What {@link CaseProcess} starts every case with. */
    static final Set<String> START_VARIABLES = Set.of(CaseProcessNames.VAR_JURISDICTION, CaseProcessNames.VAR_RESPONSIBLE_AGENCY,
        CaseProcessNames.VAR_INSTITUTION_NAME);

    /**
     * What the delegates set (no form has them), so models may read them: the verification's normalised facts
     * (disposal) and what the verifying officer wrote for the sign-off to show, the rating's outcome (rating), the cross-region notice and the refund tally (disposal).
     */
    static final Set<String> SET_BY_DELEGATES = Set.of(VAR_REGISTERED, VAR_REGISTERED_ELSEWHERE, VAR_CROSS_REGION_NOTIFIED,
        VAR_CROSS_REGION_JURISDICTION, VAR_CROSS_REGION_COPY_JURISDICTION, VAR_CROSS_REGION_NOTICE, VAR_REFUND_TARGET_REACHED,
        VAR_REFUNDED_YUAN, VAR_REFUNDED_PEOPLE, VAR_RISK_LEVEL, VAR_RISK_EXPLANATION, VAR_CASE_PRIORITY, VAR_PROPOSED_TIPSTER_FEEDBACK,
        VAR_VERIFICATION_NOTES);

    LeadDisposalProcess() {
    }

    /** The variables the application sets, at start and in the delegates; one declaration for all modules. */
    @Override
    public Set<String> setByApplication() {
        Set<String> set = new HashSet<>(START_VARIABLES);
        set.addAll(SET_BY_DELEGATES);
        return Set.copyOf(set);
    }

    /* Typed reads of the variables several classes read. */

    /** The case's colour; null before it is rated. */
    public static RiskLevel riskLevel(VariableScope scope) {
        String level = Variables.text(scope, VAR_RISK_LEVEL);
        return level == null ? null : RiskLevel.valueOf(level);
    }

    /** The LeadPriority score; null before it is scored. */
    public static Integer casePriority(VariableScope scope) {
        return Variables.integer(scope, VAR_CASE_PRIORITY);
    }

    /** Whether the institution is registered (as verified); false before the verification. */
    public static boolean registered(VariableScope scope) {
        return Variables.flag(scope, VAR_REGISTERED);
    }
}
