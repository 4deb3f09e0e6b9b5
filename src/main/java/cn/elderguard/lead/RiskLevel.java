package cn.elderguard.lead;

/** 绿 / 黄 / 橙 / 红, in rising severity: a case takes the most severe level any criterion gives. */
public enum RiskLevel {
    GREEN("绿"),
    YELLOW("黄"),
    ORANGE("橙"),
    RED("红");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
