package cn.elderguard.organisation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;

import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.engine.ModelBean;
import cn.elderguard.engine.TaskProperties;
import cn.elderguard.engine.TaskTenants;
import cn.elderguard.engine.UserTaskListener;

/**
 * Offers a user task to the responsible unit (属地负责、行业归口). The engine plugin adds it to every user task of
 * every model as a create listener that runs before all others (grants, deadlines and the case's units read the
 * candidate groups it sets); models no longer name it (docs/decisions/031). The task's extension properties say
 * what to route by, and the deployment gate wants {@value #AGENCY_PROPERTY} or {@value #AGENCY_VARIABLE_PROPERTY}
 * on every user task (rule user-task-routing):
 * <ul>
 *   <li>{@value #AGENCY_PROPERTY}: one or more agencies, comma-separated (e.g. {@code PUBLIC_SECURITY});
 *       without it, {@value #AGENCY_VARIABLE_PROPERTY} names the variable holding the agency, by default
 *       {@value CaseProcessNames#VAR_RESPONSIBLE_AGENCY} (the sector agency found at intake; definitions deployed
 *       before the rule rely on that default);</li>
 *   <li>{@value #JURISDICTION_VARIABLE_PROPERTY}: the variable holding the region code, by default {@value CaseProcessNames#VAR_JURISDICTION};</li>
 *   <li>{@value #UNIT_ROLE_PROPERTY} {@code = LEADERS}: offer the task to the unit's leaders instead of its officers.</li>
 * </ul>
 * Definitions deployed before decision 031 still name {@code ${routeToUnit}} on their tasks, so the bean keeps its
 * model name, and routing twice offers nothing twice.
 */
@ModelBean(CaseProcessNames.BEAN_ROUTE_TO_UNIT)
public class RouteToUnitListener implements UserTaskListener {

    /** Before every other create listener (they default to 0). */
    public static final int ORDER = -100;

    public static final String AGENCY_PROPERTY = "agency";
    public static final String AGENCY_VARIABLE_PROPERTY = "agencyVariable";
    public static final String JURISDICTION_VARIABLE_PROPERTY = "jurisdictionVariable";
    public static final String UNIT_ROLE_PROPERTY = "unitRole";
    public static final String LEADERS = "LEADERS";

    private final RoutingService routing;

    RouteToUnitListener(RoutingService routing) {
        this.routing = routing;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_CREATE;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void notify(DelegateTask task) {
        String agencies = TaskProperties.get(task, AGENCY_PROPERTY).orElseGet(() ->
            requiredVariable(task, TaskProperties.get(task, AGENCY_VARIABLE_PROPERTY).orElse(CaseProcessNames.VAR_RESPONSIBLE_AGENCY)));
        RegionCode region = RegionCode.of(requiredVariable(task,
            TaskProperties.get(task, JURISDICTION_VARIABLE_PROPERTY).orElse(CaseProcessNames.VAR_JURISDICTION)));
        boolean leaders = TaskProperties.get(task, UNIT_ROLE_PROPERTY).filter(LEADERS::equals).isPresent();
        List<Unit> units = Arrays.stream(agencies.split(",")).map(String::trim).map(Agency::valueOf)
            .map(agency -> routing.route(agency, region)).toList();
        // The task is in the tenant of the unit it is offered to (docs/decisions/045), set before the candidate links are
        // made so that they get it too. Units routed from one region lie on one chain up from it: the deepest is the
        // region's own, whose tenant every other unit's groups and every supervisor above reach.
        units.stream().map(Unit::region).max(Comparator.naturalOrder())
            .ifPresent(deepest -> TaskTenants.assign(task, Tenants.of(deepest)));
        units.forEach(unit -> {
            String group = leaders ? unit.leaderGroup() : unit.officerGroup();
            // A new task's links are in memory: this asks no query.
            boolean offered = task.getCandidates().stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && group.equals(link.getGroupId()));
            if (!offered) {
                task.addCandidateGroup(group);
            }
        });
    }

    private static String requiredVariable(DelegateTask task, String name) {
        // A task being created has no variables of its own; asking its execution spares a query for them.
        Object value = task.getExecution().getVariable(name);
        if (value == null) {
            throw new RoutingException("任务 " + task.getTaskDefinitionKey() + " 无法分派：缺少流程变量 " + name);
        }
        return value.toString();
    }
}
