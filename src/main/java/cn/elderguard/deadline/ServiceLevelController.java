package cn.elderguard.deadline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.InvalidInputException.FieldProblem;
import cn.elderguard.system.Now;

/**
 * Service levels (docs/deadlines.md): everyone logged in may read them, administrators set them. A new
 * setting applies to tasks created after it; open tasks keep the deadline they were given.
 */
@RestController
@RequestMapping("/api/service-levels")
class ServiceLevelController {

    private final ServiceLevels serviceLevels;
    private final WorkingCalendar calendar;
    private final CurrentUser currentUser;
    private final RepositoryService repository;

    ServiceLevelController(ServiceLevels serviceLevels, WorkingCalendar calendar, CurrentUser currentUser, RepositoryService repository) {
        this.repository = repository;
        this.serviceLevels = serviceLevels;
        this.calendar = calendar;
        this.currentUser = currentUser;
    }

    /** Each row with the names of its process and task in the newest deployed version, for people to read. */
    @GetMapping
    Map<String, Object> list() {
        Map<String, BpmnModelInstance> models = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ServiceLevels.Entry entry : serviceLevels.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", entry.level());
            row.put("source", entry.source());
            row.put("updatedAt", entry.updatedAt());
            row.put("updatedBy", entry.updatedBy());
            String processKey = entry.level().processKey();
            ProcessDefinition definition = "*".equals(processKey) ? null : repository.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
            row.put("processName", definition == null ? null : definition.getName());
            BpmnModelInstance model = definition == null ? null
                : models.computeIfAbsent(definition.getId(), repository::getBpmnModelInstance);
            ModelElementInstance task = model == null ? null : model.getModelElementById(entry.level().taskKey());
            row.put("taskName", task == null ? null : task.getAttributeValue("name"));
            rows.add(row);
        }
        return Map.of("serviceLevels", rows, "calendar", calendarStatus());
    }

    @PreAuthorize("hasAuthority('camunda-admin')")
    @PutMapping("/{processKey}/{taskKey}")
    ServiceLevel set(@PathVariable("processKey") String processKey, @PathVariable("taskKey") String taskKey,
                     @RequestBody Setting setting) {
        if (setting.dueDays() == null || setting.workingDays() == null || setting.reminderDaysBefore() == null
            || setting.escalationDaysAfter() == null) {
            throw new InvalidInputException(List.of(new FieldProblem("dueDays, workingDays, reminderDaysBefore, escalationDaysAfter",
                "四项均为必填")));
        }
        ServiceLevel level = new ServiceLevel(processKey, taskKey, setting.dueDays(), setting.workingDays(),
            setting.reminderDaysBefore(), setting.escalationDaysAfter());
        List<String> problems = level.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                .map(p -> new FieldProblem(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 1).trim())).toList());
        }
        serviceLevels.set(level, currentUser.id());
        return level;
    }

    @PreAuthorize("hasAuthority('camunda-admin')")
    @DeleteMapping("/{processKey}/{taskKey}")
    void revert(@PathVariable("processKey") String processKey, @PathVariable("taskKey") String taskKey) {
        serviceLevels.revert(processKey, taskKey, currentUser.id());
    }

    /** Which years the holiday data covers, and a warning when deadlines were counted outside them. */
    private Map<String, Object> calendarStatus() {
        var uncovered = calendar.uncoveredYearsUsed();
        int nextYear = Now.today().getYear() + 1;
        String warning = !uncovered.isEmpty()
            ? "工作日历缺少 " + uncovered + " 年的节假日安排，这些年份的期限暂按周一至周五计算；国务院公布放假安排后，请系统管理员补充工作日历文件（见办理时限说明）。"
            : !calendar.coveredYears().contains(nextYear)
                ? "工作日历尚无 " + nextYear + " 年的节假日安排，国务院办公厅公布后请及时补充。"
                : "";
        return Map.of("coveredYears", calendar.coveredYears(), "uncoveredYearsUsed", uncovered, "warning", warning);
    }

    /** The body of a setting. */
    record Setting(Integer dueDays, Boolean workingDays, Integer reminderDaysBefore, List<Integer> escalationDaysAfter) {
    }
}
