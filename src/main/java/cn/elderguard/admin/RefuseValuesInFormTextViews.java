package cn.elderguard.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a deployment — from start-up or from Camunda Modeler — with a form whose text view shows a value
 * ({@code {{institutionName}}} or a FEEL expression): form-js renders text views as Markdown/HTML, so a venue
 * name from a public tip would become images and links in an officer's form. Values are shown in disabled
 * fields instead (docs/forms.md, docs/decisions/019). Forms already deployed are not judged again.
 */
@Component
class RefuseValuesInFormTextViews extends AbstractProcessEnginePlugin implements Deployer {

    /** Component type → its property that form-js renders as Markdown/HTML. */
    private static final Set<String> MARKUP_VIEWS = Set.of("text:text", "html:content");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(this);
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // The engine also "deploys" stored deployments again when its cache is rebuilt; only new ones are judged.
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName().endsWith(".form")) {
                List<Problem> problems = new ArrayList<>();
                collect(read(resource), problems);
                if (!problems.isEmpty()) {
                    throw new ParseException("表单 " + resource.getName() + " 不能部署：" + problems.get(0).getMessage(),
                        resource.getName(), problems, List.of());
                }
            }
        }
    }

    private JsonNode read(ResourceEntity resource) {
        try {
            return json.readTree(resource.getBytes());
        } catch (IOException notJson) {
            // Not ours to report: the engine's own form deployer and ModelDeployment name the broken file.
            return json.createObjectNode();
        }
    }

    private static void collect(JsonNode container, List<Problem> problems) {
        for (JsonNode component : container.path("components")) {
            String type = component.path("type").asText();
            for (String view : MARKUP_VIEWS) {
                String[] typeAndProperty = view.split(":");
                String value = component.path(typeAndProperty[1]).asText("");
                if (type.equals(typeAndProperty[0]) && (value.contains("{{") || value.startsWith("="))) {
                    problems.add(new FormProblem("组件 " + component.path("id").asText() + " 在文本中显示变量（" + value
                        + "）。文本按 Markdown/HTML 显示，举报人等外部填写的内容会变成图片和链接；请改用禁用（disabled）的输入框显示该值",
                        component.path("id").asText()));
                }
            }
            collect(component, problems);
        }
    }

    private record FormProblem(String message, String componentId) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return componentId;
        }

        @Override
        public List<String> getElementIds() {
            return List.of(componentId);
        }
    }
}
