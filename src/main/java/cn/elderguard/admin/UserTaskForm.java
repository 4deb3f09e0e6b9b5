package cn.elderguard.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every user task shows a Camunda Form that exists, in the binding its model asks for: {@code deployment} → a
 * {@code .form} with that id in the same deployment; {@code latest} → in the deployment or deployed before;
 * {@code version} / {@code versionTag} → that version deployed before. A task without one shows "表单错误" and
 * cannot be completed (ENGINE-03051), and its case stays stuck. {@code camunda:formKey} (embedded, external or
 * {@code camunda-forms:} forms) is refused: the form's fields are what completions are checked against
 * (docs/decisions/021, 025).
 */
@Component
class UserTaskForm implements DeploymentRule {

    static final String ID = "user-task-form";
    static final List<String> BINDINGS = List.of("deployment", "latest", "version", "versionTag");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return ModelFiles.isBpmn(resourceName);
    }

    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        List<DeploymentViolation> violations = new ArrayList<>();
        ModelFiles.bpmn(content).ifPresent(model -> {
            Set<String> formsHere = formIds(context.resources());
            for (UserTasks task : UserTasks.in(model)) {
                check(task, formsHere, context, violations);
            }
        });
        return violations;
    }

    private static void check(UserTasks found, Set<String> formsHere, DeploymentContext context, List<DeploymentViolation> violations) {
        var task = found.task();
        String formRef = task.getCamundaFormRef();
        String binding = task.getCamundaFormRefBinding();
        String version = task.getCamundaFormRefVersion();
        if (task.getCamundaFormKey() != null && !task.getCamundaFormKey().isBlank()) {
            violations.add(new DeploymentViolation(ID, task.getId(),
                "任务 " + found.label() + " 用 Form key（" + task.getCamundaFormKey() + "）加载表单；ElderGuard 只接受 Camunda 表单："
                    + "请在 Modeler 的「Form」中选择类型 Camunda Forms (linked)，填表单 ID（Form reference），绑定（Binding）选 deployment，并随流程一起部署该表单",
                "task " + found.id() + " loads its form by form key (" + task.getCamundaFormKey() + "); ElderGuard takes Camunda Forms only:"
                    + " in Modeler's Form section choose type \"Camunda Forms (linked)\", enter the form's id as Form reference, binding"
                    + " \"deployment\", and deploy the form with the process"));
            return;
        }
        if (formRef == null || formRef.isBlank()) {
            violations.add(new DeploymentViolation(ID, task.getId(),
                "任务 " + found.label() + " 没有表单：请在 Modeler 的「Form」中选择类型 Camunda Forms (linked)，填表单 ID（Form reference），"
                    + "绑定（Binding）选 deployment，并随流程一起部署该表单（部署时勾选 Include additional files）",
                "task " + found.id() + " has no form: in Modeler's Form section choose \"Camunda Forms (linked)\", enter the form's id"
                    + " as Form reference, binding \"deployment\", and deploy the form with the process (\"Include additional files\")"));
            return;
        }
        if (binding == null || !BINDINGS.contains(binding)) {
            violations.add(new DeploymentViolation(ID, task.getId(),
                "任务 " + found.label() + " 的表单 " + formRef + " 未选绑定方式" + (binding == null ? "" : "（现为 " + binding + "）")
                    + "：请在 Modeler 的「Form」中把 Binding 选为 deployment（随流程部署的表单），或 latest / version",
                "task " + found.id() + "'s form " + formRef + " has no binding" + (binding == null ? "" : " (it says " + binding + ")")
                    + ": choose Binding \"deployment\" (the form deployed with the process), or \"latest\" / \"version\", in Modeler's Form section"));
            return;
        }
        boolean exists = switch (binding) {
            case "deployment" -> formsHere.contains(formRef);
            case "latest" -> formsHere.contains(formRef) || context.formDeployed(formRef);
            case "version" -> version != null && version.matches("\\d{1,9}") && context.formDeployed(formRef, Integer.parseInt(version));
            default -> version != null && context.formDeployedWithTag(formRef, version);
        };
        if (!exists) {
            violations.add(missing(found, formRef, binding, version, formsHere));
        }
    }

    private static DeploymentViolation missing(UserTasks found, String formRef, String binding, String version, Set<String> formsHere) {
        String here = formsHere.isEmpty() ? "本次部署没有表单" : "本次部署的表单：" + String.join("、", formsHere);
        String hereEnglish = formsHere.isEmpty() ? "this deployment has no forms" : "this deployment's forms: " + String.join(", ", formsHere);
        return switch (binding) {
            case "deployment" -> new DeploymentViolation(ID, found.id(),
                "任务 " + found.label() + " 的表单 " + formRef + "（绑定 deployment）不在本次部署中（" + here + "）；请在 Modeler 部署时勾选"
                    + " Include additional files 并选上 " + formRef + ".form。若已选上仍报此错：Modeler 只部署与上次同名部署相比有改动的文件"
                    + "（deploy-changed-only），未改动的表单被略去，请换一个部署名称（Deployment name，如加上日期）再部署",
                "task " + found.id() + "'s form " + formRef + " (binding deployment) is not in this deployment (" + hereEnglish + "):"
                    + " deploy " + formRef + ".form with it (Modeler: \"Include additional files\"). If it was included: Modeler deploys"
                    + " only files changed since the last deployment of the same name (deploy-changed-only), so unchanged forms are"
                    + " left out; give the deployment a new name (e.g. with the date)");
            case "latest" -> new DeploymentViolation(ID, found.id(),
                "任务 " + found.label() + " 的表单 " + formRef + "（绑定 latest）既不在本次部署中，也从未部署过；请随流程一起部署 " + formRef + ".form",
                "task " + found.id() + "'s form " + formRef + " (binding latest) is neither in this deployment nor deployed before:"
                    + " deploy " + formRef + ".form with the process");
            default -> new DeploymentViolation(ID, found.id(),
                "任务 " + found.label() + " 的表单 " + formRef + "（绑定 " + binding + "，版本 " + version + "）尚未部署；请先部署该版本，"
                    + "或把 Binding 改为 deployment 并随流程部署表单",
                "task " + found.id() + "'s form " + formRef + " (binding " + binding + ", version " + version + ") is not deployed:"
                    + " deploy that version first, or bind \"deployment\" and deploy the form with the process");
        };
    }

    /** The ids of the Camunda Forms among the deployment's files (what a formRef names). */
    private Set<String> formIds(Map<String, byte[]> resources) {
        Set<String> ids = new TreeSet<>();
        resources.forEach((name, content) -> {
            if (ModelFiles.isForm(name)) {
                try {
                    JsonNode id = json.readTree(content).path("id");
                    if (id.isTextual()) {
                        ids.add(id.asText());
                    }
                } catch (IOException notJson) {
                    // readable-file reports it.
                }
            }
        });
        return ids;
    }
}
