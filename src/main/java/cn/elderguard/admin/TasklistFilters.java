package cn.elderguard.admin;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.elderguard.security.GlobalAuthorizations;
import cn.elderguard.engine.CaseProcessNames;

/**
 * The shared inbox filters every officer finds in Tasklist, the unit's inbox first (docs/tasklist.md), listed by Tasklist's
 * sort: priority (red and orange work first; docs/deadlines.md, "Priorities"), then due date. What each filter shows
 * is further limited by the engine's task authorizations and tenant check (docs/decisions/045); the list shows each case's institution name: "辖区全部任务" is everything a user may read,
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
        // The unit's inbox comes first: Tasklist opens the first filter, and new work arrives there, not in 我的待办.
        ensure("本单位待办", -30, "我所在单位（候选组）的任务，含已认领的",
            tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure("我的待办", -20, "我已认领的任务",
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure("辖区全部任务", -10, "我有权查看的全部任务：处非办和领导小组可看到辖区内各单位的任务（只读）",
            tasks.createTaskQuery());
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true,
            "variables", List.of(Map.of("name", CaseProcessNames.VAR_INSTITUTION_NAME, "label", "机构名称")));
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter != null && properties.equals(filter.getProperties())
            && ((TaskQueryImpl) filter.getQuery()).getOrderingProperties().isEmpty()) {
            authorizations.grantToEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
            return;
        }
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        // No order of its own: the order is Tasklist's sort (shown in its header; default set in the tasklist
        // app's elderguard script, docs/tasklist.md), which the filter's order would silently override. The
        // filters are the system's and are rewritten on every start.
        filter.setQuery(query);
        filter.setProperties(properties);
        try {
            filters.saveFilter(filter);
        } catch (OptimisticLockingException e) {
            // Another node of the cluster rewrote it at the same start.
        }
        authorizations.grantToEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
