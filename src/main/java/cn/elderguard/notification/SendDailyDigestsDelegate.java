package cn.elderguard.notification;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.admin.ModelBean;
import cn.elderguard.deadline.WorkingCalendar;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Role;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.Now;

/**
 * The daily digest (每日待办汇总, DailyDigest.bpmn): one mail per unit leader with an address, for every unit
 * with open tasks, counting them and listing the overdue ones. Reads EG_TASK_DEADLINE by its unit index.
 */
@ModelBean("sendDailyDigests")
class SendDailyDigestsDelegate implements JavaDelegate {

    static final int LIST_LIMIT = 20;

    private final JdbcClient jdbc;
    private final OrganisationRepository organisation;
    private final MailOutbox outbox;
    private final TaskNotices notices;

    SendDailyDigestsDelegate(JdbcClient jdbc, OrganisationRepository organisation, MailOutbox outbox, TaskNotices notices) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.outbox = outbox;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Timestamp now = Now.timestamp();
        List<UnitCount> units = jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*), SUM(CASE WHEN DUE_AT < ? THEN 1 ELSE 0 END)"
                + " FROM EG_TASK_DEADLINE WHERE COMPLETED_AT IS NULL AND AGENCY IS NOT NULL GROUP BY AGENCY, REGION_CODE")
            .param(now)
            .query((rs, row) -> new UnitCount(new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2))),
                rs.getLong(3), rs.getLong(4)))
            .list();
        String asOf = TaskNotices.DATE_TIME.format(now.toInstant().atZone(WorkingCalendar.ZONE));
        for (UnitCount unit : units) {
            List<Person> leaders = organisation.people(unit.unit(), List.of(Role.UNIT_LEADER)).stream()
                .filter(p -> p.email() != null && !p.email().isBlank()).toList();
            if (leaders.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> overdue = unit.overdue() == 0 ? List.of() : jdbc.sql(
                    "SELECT TASK_NAME, INSTITUTION_NAME, CASE_ID, DUE_AT FROM EG_TASK_DEADLINE WHERE AGENCY = ? AND REGION_CODE = ?"
                        + " AND COMPLETED_AT IS NULL AND DUE_AT < ? ORDER BY DUE_AT FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .params(unit.unit().agency().name(), unit.unit().region().value(), now)
                .query((rs, row) -> Map.<String, Object>of("taskName", rs.getString(1),
                    "institutionName", rs.getString(2) == null ? "—" : rs.getString(2),
                    "caseId", rs.getObject(3) == null ? "—" : rs.getObject(3),
                    "due", TaskNotices.DATE_TIME.format(rs.getTimestamp(4).toInstant().atZone(WorkingCalendar.ZONE))))
                .list();
            for (Person leader : leaders) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("recipientName", leader.displayName());
                variables.put("unitName", notices.unitName(unit.unit()));
                variables.put("open", unit.open());
                variables.put("overdue", unit.overdue());
                variables.put("overdueTasks", overdue);
                variables.put("listLimit", LIST_LIMIT);
                variables.put("asOf", asOf);
                variables.put("link", notices.inboxLink());
                outbox.enqueue(MailKind.DAILY_DIGEST, List.of(leader.email()), List.of(), variables, null, execution.getProcessDefinitionId());
            }
        }
    }

    private record UnitCount(UnitKey unit, long open, long overdue) {
    }
}
