package cn.elderguard.deadline;

import java.util.List;

/**
 * The time allowed for one kind of task (办理时限): due {@code dueDays} after creation (working days unless
 * {@code workingDays} is false), a reminder {@code reminderDaysBefore} before that, and escalation steps
 * {@code escalationDaysAfter} after it, in the same kind of days.
 */
public record ServiceLevel(String processKey, String taskKey, int dueDays, boolean workingDays, int reminderDaysBefore,
                           List<Integer> escalationDaysAfter) {

    public static final String ANY = "*";

    public ServiceLevel {
        escalationDaysAfter = List.copyOf(escalationDaysAfter);
    }

    /** Problems with the values, by field name; empty when valid. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (dueDays < 1 || dueDays > 365) {
            problems.add("dueDays: 办理时限应为 1 至 365 天");
        }
        if (reminderDaysBefore < 0 || reminderDaysBefore >= dueDays) {
            problems.add("reminderDaysBefore: 提前提醒天数应不小于 0 且小于办理时限");
        }
        if (escalationDaysAfter.isEmpty() || escalationDaysAfter.size() > 10) {
            problems.add("escalationDaysAfter: 应列出 1 至 10 个逾期升级节点");
        } else {
            for (int i = 0; i < escalationDaysAfter.size(); i++) {
                Integer days = escalationDaysAfter.get(i);
                if (days == null || days < 0 || days > 365 || (i > 0 && days <= escalationDaysAfter.get(i - 1))) {
                    problems.add("escalationDaysAfter: 逾期升级天数应为 0 至 365 且逐级递增");
                    break;
                }
            }
        }
        return problems;
    }
}
