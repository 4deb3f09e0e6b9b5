package cn.elderguard.organisation;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.engine.TaskProperties;
import cn.elderguard.engine.CaseProcessNames;

/**
 * Offers a user task to the responsible unit (属地负责、行业归口). Used in models as a create listener,
 * {@code camunda:taskListener event="create" delegateExpression="${routeToUnit}"}, and told by the task's
 * extension properties what to route by:
 * <ul>
 *   <li>{@value #AGENCY_PROPERTY}: one or more agencies, comma-separated (e.g. {@code PUBLIC_SECURITY});
 *       without it, {@value #AGENCY_VARIABLE_PROPERTY} names the variable holding the agency, by default
 *       {@value CaseProcessNames#VAR_RESPONSIBLE_AGENCY} (the sector agency found at intake);</li>
 *   <li>{@value #JURISDICTION_VARIABLE_PROPERTY}: the variable holding the region code, by default {@value CaseProcessNames#VAR_JURISDICTION};</li>
 *   <li>{@value #UNIT_ROLE_PROPERTY} {@code = LEADERS}: offer the task to the unit's leaders instead of its officers.</li>
 * </ul>
 */
@ModelBean(CaseProcessNames.BEAN_ROUTE_TO_UNIT)
public class RouteToUnitListener implements TaskListener {

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
    public void notify(DelegateTask task) {
        String agencies = TaskProperties.get(task, AGENCY_PROPERTY).orElseGet(() ->
            requiredVariable(task, TaskProperties.get(task, AGENCY_VARIABLE_PROPERTY).orElse(CaseProcessNames.VAR_RESPONSIBLE_AGENCY)));
        RegionCode region = RegionCode.of(requiredVariable(task,
            TaskProperties.get(task, JURISDICTION_VARIABLE_PROPERTY).orElse(CaseProcessNames.VAR_JURISDICTION)));
        boolean leaders = TaskProperties.get(task, UNIT_ROLE_PROPERTY).filter(LEADERS::equals).isPresent();
        Arrays.stream(agencies.split(",")).map(String::trim).map(Agency::valueOf).forEach(agency -> {
            Unit unit = routing.route(agency, region);
            task.addCandidateGroup(leaders ? unit.leaderGroup() : unit.officerGroup());
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
