package cn.elderguard.organisation;

/** The agencies of docs/domain.md §1.2. Which of them exist in which jurisdiction is data (units), not code. */
public enum Agency {
    CHUFEI_OFFICE("处非办"),
    CIVIL_AFFAIRS("民政"),
    SOCIAL_ORG_REGISTRATION("社会组织登记管理"),
    MARKET_REGULATION("市场监管"),
    PUBLIC_SECURITY("公安"),
    FINANCIAL_REGULATION("金融监管"),
    POLITICAL_LEGAL("政法委"),
    PETITIONS("信访"),
    CYBERSPACE("网信"),
    HOUSING("住建"),
    HEALTH("卫健"),
    COMMERCE("商务"),
    CULTURE_TOURISM("文旅"),
    URBAN_MANAGEMENT("城管"),
    JUSTICE("司法"),
    GRID_WORKER("网格员");

    private final String label;

    Agency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
