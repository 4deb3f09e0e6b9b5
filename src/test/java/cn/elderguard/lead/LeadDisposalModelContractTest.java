package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** bpmn/LeadDisposal.bpmn, forms/ and the backing class LeadDisposalProcess cannot drift apart. */
class LeadDisposalModelContractTest {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/LeadDisposal.bpmn"));

    @Test
    void everyFlowNodeIdIsAConstantOfTheBackingClass() throws Exception {
        Set<String> constants = new TreeSet<>();
        for (Field field : LeadDisposalProcess.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
            .collect(Collectors.toCollection(TreeSet::new));
        nodes.removeAll(constants);
        assertThat(nodes).as("flow nodes without a constant in LeadDisposalProcess").isEmpty();
    }

    @Test
    void everyUserTaskHasItsFormFileWhoseIdIsTheFormRef() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            Path form = Path.of("forms", task.getCamundaFormRef() + ".form");
            assertThat(form).as(task.getId()).exists();
            assertThat(json.readTree(Files.readString(form)).path("id").asText()).as(form.toString()).isEqualTo(task.getCamundaFormRef());
        }
        assertThat(Arrays.asList(new File("forms").list())).contains(LeadDisposalProcess.FORM_ACKNOWLEDGE_CROSS_REGION_COPY + ".form");
    }
}
