package cn.elderguard.deadline;

/** EG_ESCALATION.KIND: a reminder before the due date, or an escalation step after it. */
public enum EscalationKind {
    REMINDER("到期提醒"),
    ESCALATION("升级督办");

    private final String label;

    EscalationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
