package cn.elderguard.dashboard;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.elderguard.lead.CaseFile;
import cn.elderguard.lead.CaseList;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.system.Now;

/** The Chinese words the console's exports print for codes and times. */
final class ConsoleLabels {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConsoleLabels() {
    }

    static String level(String riskLevel) {
        return riskLevel == null ? "未评级" : RiskLevel.valueOf(riskLevel).label();
    }

    static String list(String caseList) {
        if (caseList == null) {
            return null;
        }
        return switch (CaseList.valueOf(caseList)) {
            case SCREENING -> "排查清单";
            case RECTIFICATION -> "整改清单";
            case CLOSE_OUT -> "销号清单";
        };
    }

    static String status(String status) {
        return CaseFile.Status.OPEN.name().equals(status) ? "办理中" : CaseFile.Status.CLOSED.name().equals(status) ? "已销号" : status;
    }

    static String minute(Instant instant) {
        return instant == null ? null : MINUTE.format(instant.atZone(Now.zone()));
    }
}
