package cn.elderguard.institution;

/** 公办 / 民办 / 公建民营. */
public enum Ownership {
    PUBLIC("公办"),
    PRIVATE("民办"),
    PUBLIC_BUILT_PRIVATE_RUN("公建民营");

    private final String label;

    Ownership(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
