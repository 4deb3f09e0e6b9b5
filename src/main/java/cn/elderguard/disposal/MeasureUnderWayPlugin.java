package cn.elderguard.disposal;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.elderguard.lead.CaseRepository;
import cn.elderguard.engine.TaskProperties;

/**
 * Puts a {@link MeasureUnderWay} create listener on every user task whose model names a {@code measure}
 * (Camunda Modeler: extension property), in every model, Modeler deployments included. The property is read
 * once, when the model is parsed, not on each task created.
 */
@Component
class MeasureUnderWayPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseRepository> cases;

    /** Lazy: the repository is not needed before the first task is created. */
    MeasureUnderWayPlugin(ObjectProvider<CaseRepository> cases) {
        this.cases = cases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                String measure = measureOf(userTaskElement);
                if (measure != null) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, new MeasureUnderWay(measure, cases::getObject));
                }
            }
        });
    }

    static String measureOf(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            String value = property.attribute("value");
            if (TaskProperties.MEASURE.equals(property.attribute("name")) && value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
