package cn.elderguard.bench;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import cn.elderguard.support.EngineJobRows;

/**
 * Deploys a reference model as bare Camunda runs it: same engine, configuration and database, but without
 * the routing, deadline, notice and grant listeners that UserTaskListenersPlugin puts on every user task of every
 * model, which would make the reference measure ElderGuard's task work too. The engine's parser is not
 * reachable, so the listeners are taken off the parsed definition in the deployment cache, where it stays
 * for the run.
 */
final class BareDeployment {

    private BareDeployment() {
    }

    static void deploy(ProcessEngine engine, String resourceName, BpmnModelInstance model) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // The deployment gate is ElderGuard's too: a bare reference is not a model ElderGuard would accept (no forms,
        // no routing), so it is deployed past the gate, which is put back at once.
        // The deployment cache runs its own copy of the deployer list (the configuration's has the same deployers).
        List<Deployer> deployers = configuration.getDeployers();
        String deploymentId;
        configuration.getDeploymentCache().setDeployers(
            deployers.stream().filter(deployer -> !deployer.getClass().getName().startsWith("cn.elderguard.")).toList());
        try {
            deploymentId = engine.getRepositoryService().createDeployment().addModelInstance(resourceName, model).deploy().getId();
        } finally {
            configuration.getDeploymentCache().setDeployers(deployers);
        }
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
        configuration.getCommandExecutorTxRequired().execute(command -> {
            ProcessDefinitionEntity definition = configuration.getDeploymentCache().findDeployedProcessDefinitionById(definitionId);
            for (ActivityImpl activity : definition.getActivities()) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    var task = userTask.getTaskDefinition();
                    for (String event : task.getTaskListeners().keySet()) {
                        // The engine fires from the merged list it built at parse time; both are cleaned.
                        task.getTaskListenersForEvent(event).removeIf(BareDeployment::isElderGuards);
                        var fired = task.getAllTaskListenersForEvent(event);
                        if (fired != null) {
                            fired.removeIf(BareDeployment::isElderGuards);
                        }
                    }
                }
            }
            return null;
        });
    }

    private static boolean isElderGuards(TaskListener listener) {
        return listener.getClass().getName().startsWith("cn.elderguard.");
    }

    /** Fails the run when the reference did ElderGuard's task work after all (its tasks got deadlines). */
    static void requireBare(ProcessEngine engine, String processKey) {
        long deadlines = EngineJobRows.jdbc(engine).sql("SELECT COUNT(*) FROM EG_TASK_DEADLINE WHERE PROCESS_KEY = ?").param(processKey).query(Long.class).single();
        if (deadlines > 0) {
            throw new IllegalStateException("the bare reference " + processKey + " ran ElderGuard's task listeners (" + deadlines + " deadlines)");
        }
    }
}
