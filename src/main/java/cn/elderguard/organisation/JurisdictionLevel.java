package cn.elderguard.organisation;

/**
 * 省 / 市 / 区县 / 乡镇街道 / 村社区. A 12-digit statistical area code carries its level: each level owns
 * the digits up to {@link #significantDigits()}, and every digit after them is zero.
 */
public enum JurisdictionLevel {
    PROVINCE("省", 2),
    CITY("市", 4),
    COUNTY("区县", 6),
    TOWN("乡镇街道", 9),
    VILLAGE("村社区", 12);

    private final String label;
    private final int significantDigits;

    JurisdictionLevel(String label, int significantDigits) {
        this.label = label;
        this.significantDigits = significantDigits;
    }

    public String label() {
        return label;
    }

    public int significantDigits() {
        return significantDigits;
    }

    /** The level above, or {@code null} for a province. */
    public JurisdictionLevel parent() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
