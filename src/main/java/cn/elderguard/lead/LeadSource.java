package cn.elderguard.lead;

/** Where a lead comes from (线索来源, docs/domain.md §3.1). Machine sources submit through service accounts. */
public enum LeadSource {
    PUBLIC_TIP("群众举报", false),
    GRID_PATROL("网格巡查", false),
    MONITORING_PLATFORM("监测预警平台", true),
    BANK_FUND_ALERT("银行资金异动预警", true),
    AD_MONITORING("广告监测", true),
    MEDIA_EXPOSURE("媒体曝光", false),
    AGENCY_REFERRAL("部门移送", true),
    CROSS_REGION("跨地区通报", true);

    private final String label;
    private final boolean machine;

    LeadSource(String label, boolean machine) {
        this.label = label;
        this.machine = machine;
    }

    public String label() {
        return label;
    }

    /** Submitted by another system (service account), which may resend: an idempotency key is required. */
    public boolean machine() {
        return machine;
    }
}
