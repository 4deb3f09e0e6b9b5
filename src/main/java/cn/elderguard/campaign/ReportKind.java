package cn.elderguard.campaign;

/** What a unit sends at any time during a campaign (docs/campaigns.md, "What units record"). */
public enum ReportKind {
    /** 工作动态信息: at least {@value InformationReports#MINIMUM} per unit over the campaign (docs/domain.md §2.4). */
    INFO("工作动态信息"),
    /** 紧急情况报告: straight to the campaign office and the 处非办 one level up (docs/domain.md §2.5). */
    URGENT("紧急情况报告");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
