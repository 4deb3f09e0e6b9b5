package cn.elderguard.organisation;

/** A person's role inside their unit (docs/domain.md §1.3: 经办人 / 负责人 / 领导小组), plus system administrators. */
public enum Role {
    OFFICER("经办人"),
    UNIT_LEADER("负责人"),
    LEADING_GROUP("领导小组成员"),
    ADMIN("系统管理员"),
    /** Another system (monitoring platform, bank alerts…) submitting leads; it never receives tasks. */
    SERVICE_ACCOUNT("接口账号");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
