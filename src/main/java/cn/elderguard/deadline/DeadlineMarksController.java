package cn.elderguard.deadline;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.security.EngineCaller;
import cn.elderguard.system.InvalidInputException;

/**
 * The marks Tasklist draws on its task cards and task header (docs/tasklist.md, "Overdue and escalated tasks"):
 * 已逾期 N 天 and 已升级督办·第 N 级, for a page of tasks at once. The readable tasks are those the engine's own task
 * query returns to the caller (its authorization and tenant checks: the unit's tasks, read-only those of the
 * jurisdictions supervised), so a task the caller may not read is absent from the answer, as the engine leaves it out of a list.
 */
@RestController
class DeadlineMarksController {

    static final int MAX_IDS = 200;

    private final CaseEscalations escalations;
    private final CurrentUser currentUser;
    private final ProcessEngine engine;

    DeadlineMarksController(CaseEscalations escalations, CurrentUser currentUser, ProcessEngine engine) {
        this.escalations = escalations;
        this.currentUser = currentUser;
        this.engine = engine;
    }

    @GetMapping("/api/tasks/deadline-marks")
    Map<String, CaseEscalations.Mark> marks(@RequestParam(name = "ids", required = false) String ids) {
        Set<String> wanted = new LinkedHashSet<>();
        if (ids != null) {
            Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(wanted::add);
        }
        if (wanted.isEmpty()) {
            throw new InvalidInputException("ids", "请给出任务编号（ids，以逗号分隔）");
        }
        if (wanted.size() > MAX_IDS) {
            throw new InvalidInputException("ids", "一次最多查询 " + MAX_IDS + " 个任务，请分批查询");
        }
        return new TreeMap<>(escalations.marks(readable(List.copyOf(wanted))));
    }

    /** The tasks among {@code ids} the engine shows the caller: one task query, run as the caller. */
    private List<String> readable(List<String> ids) {
        return EngineCaller.of(currentUser.id(), engine).run(engine, () ->
            engine.getTaskService().createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().stream().map(Task::getId).toList());
    }
}
