package cn.elderguard.security;

import static cn.elderguard.support.DemoOrganisation.CHENGGUAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.RoutingService;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.organisation.RouteToUnitListener;

/**
 * What every user task writes for reading: its unit reads the case, once per case even when several tasks of one unit
 * are created in one command; supervisors get no row per task or case, as the task is in its unit's tenant, which
 * their READ on every task and case reaches (docs/decisions/045).
 */
@ElderGuardTest
class CaseReadGrantsTest {

    /** A form without required fields, deployed at start-up: the tasks complete without variables. */
    private static final String FORM = LeadDisposalProcess.FORM_ACKNOWLEDGE_CROSS_REGION_COPY;
    private static final String UNIT = GroupIds.officers(Agency.MARKET_REGULATION, RegionCode.of(CHENGGUAN));

    @Autowired
    ProcessEngine engine;

    @Autowired
    RoutingService routing;

    @Test
    void parallelAndLaterTasksOfOneUnitGrantTheCaseOnce() {
        String key = "Grants" + UUID.randomUUID().toString().replace("-", "");
        // Tasks as the deployment gate wants them (docs/modeler.md): routed to the unit, with a form and a due date.
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", routedByResponsibleAgency(Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1).startEvent("StartEvent_Started").sequenceFlowId("SequenceFlow_ToSplit").parallelGateway("Gateway_Split")
            .sequenceFlowId("SequenceFlow_ToA").userTask("Task_A").camundaFormRef(FORM).camundaFormRefBinding("latest")
            .camundaDueDate("P5D")
            .sequenceFlowId("SequenceFlow_AToJoin").parallelGateway("Gateway_Join")
            .sequenceFlowId("SequenceFlow_ToC").userTask("Task_C").camundaFormRef(FORM).camundaFormRefBinding("latest")
            .camundaDueDate("P5D")
            .sequenceFlowId("SequenceFlow_ToEnded").endEvent("EndEvent_Ended")
            .moveToNode("Gateway_Split").sequenceFlowId("SequenceFlow_ToB").userTask("Task_B").camundaFormRef(FORM)
            .camundaFormRefBinding("latest").camundaDueDate("P5D")
            .sequenceFlowId("SequenceFlow_BToJoin").connectTo("Gateway_Join").done())).deploy();
        List<String> supervisors = routing.supervisorGroups(RegionCode.of(CHENGGUAN));
        assertThat(supervisors).isNotEmpty().doesNotContain(UNIT);
        supervisors.forEach(group -> {
            assertThat(readers(Resources.TASK, Authorization.ANY)).as("every task").contains(group);
            assertThat(readers(Resources.PROCESS_INSTANCE, Authorization.ANY)).as("every case").contains(group);
        });

        // Task_A and Task_B are created in the starting command, before anything is flushed.
        long caseId = LeadDisposalStarter.openCase(engine, Agency.MARKET_REGULATION, CHENGGUAN, "并行任务测试机构");
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key, Long.toString(caseId),
            Map.of(CaseProcessNames.VAR_JURISDICTION, CHENGGUAN, CaseProcessNames.VAR_RESPONSIBLE_AGENCY, Agency.MARKET_REGULATION.name()));
        List<Task> parallel = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(parallel).hasSize(2);
        parallel.forEach(task -> {
            assertThat(readers(Resources.TASK, task.getId())).isEmpty();
            assertThat(task.getTenantId()).isEqualTo(CHENGGUAN);
        });
        assertThat(readers(Resources.PROCESS_INSTANCE, instance.getId())).containsExactly(UNIT);

        parallel.forEach(task -> engine.getTaskService().complete(task.getId()));
        Task later = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(later.getTaskDefinitionKey()).isEqualTo("Task_C");
        assertThat(readers(Resources.TASK, later.getId())).isEmpty();
        assertThat(readers(Resources.PROCESS_INSTANCE, instance.getId())).containsExactly(UNIT);
        // The task's candidate link and its history row are in the task's tenant too.
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(later.getId()).singleResult().getTenantId())
            .isEqualTo(CHENGGUAN);
        assertThat(engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(later.getId()).list())
            .isNotEmpty().allSatisfy(link -> assertThat(link.getTenantId()).isEqualTo(CHENGGUAN));
    }

    /** Groups granted READ on the resource, one entry per grant row. */
    private List<String> readers(Resources resource, String resourceId) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(resource).resourceId(resourceId).list().stream()
            .filter(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && grant.isPermissionGranted(Permissions.READ))
            .filter(grant -> resource != Resources.TASK || supervisorsOnly(grant))
            .map(Authorization::getGroupId).toList();
    }

    /** The engine grants the candidate group its own READ + TASK_WORK on the task; that one is not ours. */
    private static boolean supervisorsOnly(Authorization grant) {
        return !UNIT.equals(grant.getGroupId());
    }

    /** Every user task names the variable holding its agency, as the deployment gate wants (rule user-task-routing). */
    private static BpmnModelInstance routedByResponsibleAgency(BpmnModelInstance model) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            CamundaProperty property = model.newInstance(CamundaProperty.class);
            property.setCamundaName(RouteToUnitListener.AGENCY_VARIABLE_PROPERTY);
            property.setCamundaValue(CaseProcessNames.VAR_RESPONSIBLE_AGENCY);
            CamundaProperties properties = model.newInstance(CamundaProperties.class);
            properties.getCamundaProperties().add(property);
            ExtensionElements extensions = task.getExtensionElements() != null ? task.getExtensionElements() : model.newInstance(ExtensionElements.class);
            extensions.addChildElement(properties);
            task.setExtensionElements(extensions);
        }
        return model;
    }
}
