package cn.elderguard.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A form's text views show no values ({@code {{institutionName}}} or a FEEL expression): form-js renders text
 * views as Markdown/HTML, so a venue name from a public tip would become images and links in an officer's form.
 * Values are shown in disabled fields instead (docs/forms.md, docs/decisions/019).
 */
@Component
class FormTextViewsShowNoValues implements DeploymentRule {

    static final String ID = "form-text-views-show-no-values";

    /** Component type → its property that form-js renders as Markdown/HTML. */
    private static final Set<String> MARKUP_VIEWS = Set.of("text:text", "html:content");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return resourceName.endsWith(".form");
    }

    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (IOException notJson) {
            // Not ours to report: the engine's own form deployer and ModelDeployment name the broken file.
            return List.of();
        }
        List<DeploymentViolation> violations = new ArrayList<>();
        collect(form, violations);
        return violations;
    }

    private static void collect(JsonNode container, List<DeploymentViolation> violations) {
        for (JsonNode component : container.path("components")) {
            String type = component.path("type").asText();
            for (String view : MARKUP_VIEWS) {
                String[] typeAndProperty = view.split(":");
                String value = component.path(typeAndProperty[1]).asText("");
                if (type.equals(typeAndProperty[0]) && (value.contains("{{") || value.startsWith("="))) {
                    String id = component.path("id").asText();
                    violations.add(new DeploymentViolation(ID, id,
                        "组件 " + id + " 在文本中显示变量（" + value + "）。文本按 Markdown/HTML 显示，举报人等外部填写的内容会变成图片和链接；"
                            + "请改用禁用（disabled）的输入框显示该值",
                        "component " + id + " shows a value in a text view (" + value + "); text views render Markdown/HTML, so text"
                            + " from outside would become images and links: show the value in a disabled field instead"));
                }
            }
            collect(component, violations);
        }
    }
}
