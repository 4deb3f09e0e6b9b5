package cn.elderguard.lead;

/** A lead's progress as its tipster may see it through the tracking code. */
public enum LeadStatus {
    RECEIVED("已受理"),
    VERIFYING("核查中"),
    VERIFIED("已核查"),
    CLOSED("已办结");

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
