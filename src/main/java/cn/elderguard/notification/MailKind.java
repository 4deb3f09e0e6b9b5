package cn.elderguard.notification;

/** Why a mail is sent; also its template name. */
public enum MailKind {
    TASK_ASSIGNED("task-assigned"),
    TASK_REMINDER("task-reminder"),
    TASK_ESCALATED("task-escalated"),
    DAILY_DIGEST("daily-digest"),
    UNIT_NOTICE("unit-notice");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
