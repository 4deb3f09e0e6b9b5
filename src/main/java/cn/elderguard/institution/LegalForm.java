package cn.elderguard.institution;

/** 民非 (民办非企业单位, registered with civil affairs) or 企业 (registered with market regulation). */
public enum LegalForm {
    PRIVATE_NON_ENTERPRISE("民非"),
    ENTERPRISE("企业");

    private final String label;

    LegalForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
