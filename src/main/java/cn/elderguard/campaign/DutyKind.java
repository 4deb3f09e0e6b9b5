package cn.elderguard.campaign;

/** The dated duties a campaign asks of each participating unit (docs/campaigns.md, "Duties"). */
public enum DutyKind {
    /** 实施方案备案: every unit files its own implementation plan on launch. */
    PLAN("实施方案备案"),
    /** 月度工作进展: before the 22nd of every month the campaign runs. */
    MONTHLY_REPORT("月度工作进展"),
    /** 本单位总结报告: filed in the last phase. */
    UNIT_SUMMARY("本单位总结报告"),
    /** 专项行动总结报告: compiled by the campaign office by the summary due date. */
    SUMMARY("专项行动总结报告");

    private final String label;

    DutyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** PERIOD of a duty owed once (EG_CAMPAIGN_DUTY). */
    public static final String ONCE = "";
}
