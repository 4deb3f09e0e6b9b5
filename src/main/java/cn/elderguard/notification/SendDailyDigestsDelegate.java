package cn.elderguard.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.deadline.OpenDeadlines;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.Role;
import cn.elderguard.system.Now;

/**
 * The daily digest (每日待办汇总, DailyDigest.bpmn): one mail per unit leader with an address, for every unit
 * with open tasks, counting them and listing the overdue ones, as {@link OpenDeadlines} reports them.
 */
@ModelBean(DailyDigestProcess.BEAN_SEND_DAILY_DIGESTS)
class SendDailyDigestsDelegate implements JavaDelegate {

    static final int LIST_LIMIT = 20;

    private final OpenDeadlines deadlines;
    private final OrganisationRepository organisation;
    private final MailOutbox outbox;
    private final TaskNotices notices;

    SendDailyDigestsDelegate(OpenDeadlines deadlines, OrganisationRepository organisation, MailOutbox outbox, TaskNotices notices) {
        this.deadlines = deadlines;
        this.organisation = organisation;
        this.outbox = outbox;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = Now.instant();
        String asOf = TaskNotices.DATE_TIME.format(now.atZone(Now.zone()));
        for (OpenDeadlines.UnitCount unit : deadlines.countsByUnit(now)) {
            List<Person> leaders = organisation.people(unit.unit(), List.of(Role.UNIT_LEADER)).stream()
                .filter(p -> p.email() != null && !p.email().isBlank()).toList();
            if (leaders.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> overdue = unit.overdue() == 0 ? List.of() : deadlines.overdue(unit.unit(), now, LIST_LIMIT)
                .stream().map(task -> Map.<String, Object>of("taskName", task.taskName(),
                    "institutionName", task.institutionName() == null ? "—" : task.institutionName(),
                    "caseId", task.caseId() == null ? "—" : task.caseId(),
                    "due", TaskNotices.DATE_TIME.format(task.due())))
                .toList();
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
}
