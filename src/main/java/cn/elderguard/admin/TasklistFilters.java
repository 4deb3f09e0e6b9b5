package cn.elderguard.admin;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.elderguard.security.GlobalAuthorizations;
import cn.elderguard.engine.CaseProcessNames;

/**
 * The shared inbox filters every officer finds in Tasklist, most urgent first: by priority (red and orange work
 * before new leads, yellow and green; docs/deadlines.md, "Priorities"), then by due date. What each filter shows
 * is further limited by the engine's task authorizations; the list shows each case's institution name: "辖区全部任务" is everything a user may read,
 * i.e. their own unit's work for an officer and the whole subtree for a 处非办.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

    private final FilterService filters;
    private final TaskService tasks;
    private final GlobalAuthorizations authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, GlobalAuthorizations authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensure("我的待办", -30, "已分配给我的任务，按优先级、到期日排序",
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure("本单位待办", -20, "我所在单位（候选组）的任务，含已认领的，按优先级、到期日排序",
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure("辖区全部任务", -10, "我有权查看的全部任务：处非办和领导小组可看到辖区内各单位的任务",
            tasks.createTaskQuery());
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        // Also for filters saved by an earlier release, which sorted by due date only.
        filter.setQuery(query.orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().desc());
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true,
            "variables", List.of(Map.of("name", CaseProcessNames.VAR_INSTITUTION_NAME, "label", "机构名称"))));
        filters.saveFilter(filter);
        authorizations.grantToEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
