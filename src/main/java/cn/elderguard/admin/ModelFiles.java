package cn.elderguard.admin;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;

/** The kinds of model file ElderGuard deploys, by the endings Camunda Modeler and the engine use. */
final class ModelFiles {

    private ModelFiles() {
    }

    static boolean isBpmn(String resourceName) {
        return resourceName.endsWith(".bpmn") || resourceName.endsWith(".bpmn20.xml");
    }

    static boolean isDmn(String resourceName) {
        return resourceName.endsWith(".dmn") || resourceName.endsWith(".dmn11.xml");
    }

    static boolean isForm(String resourceName) {
        return resourceName.endsWith(".form");
    }

    /** The process model, or empty when the file does not parse (rule readable-file reports that). */
    static Optional<BpmnModelInstance> bpmn(byte[] content) {
        try {
            return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
        } catch (ModelException e) {
            return Optional.empty();
        }
    }

    /** The decision model, or empty when the file does not parse (rule readable-file reports that). */
    static Optional<DmnModelInstance> dmn(byte[] content) {
        try {
            return Optional.of(Dmn.readModelFromStream(new ByteArrayInputStream(content)));
        } catch (ModelException e) {
            return Optional.empty();
        }
    }
}
