package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.elderguard.admin.ModelChanges.Change;
import cn.elderguard.admin.ModelChanges.ElementChange;
import cn.elderguard.admin.ModelChanges.ElementKind;
import cn.elderguard.admin.ModelChanges.Kind;
import cn.elderguard.lead.LeadDisposalProcess;

/** What the deployment record lists as changed, file kind by file kind, from the shipped models and a revision. */
class ModelChangesTest {

    @Test
    void aDecisionTableListsItsRulesInputsAndOutputsById() throws IOException {
        String shipped = Files.readString(Path.of("bpmn/LeadPriority.dmn"), StandardCharsets.UTF_8);
        String revised = shipped.replace("<rule id=\"Rule_People100\">", "<rule id=\"Rule_People200\">")
            .replace("label=\"涉众规模（人）\"", "label=\"涉众人数\"")
            .replace("<text>[1000000..10000000[</text>", "<text>[2000000..10000000[</text>")
            .replace("<output id=\"Output_Score\" label=\"优先级分值\" name=\"score\"", "<output id=\"Output_Score\" label=\"优先级分值\" name=\"priorityScore\"");
        assertThat(revised).contains("Rule_People200", "涉众人数", "[2000000..10000000[", "priorityScore");

        var changes = ModelChanges.between(Kind.DECISION, "LeadPriority", bytes(shipped), bytes(revised));

        assertThat(changes).containsExactlyInAnyOrder(
            new ElementChange(ElementKind.INPUT, Change.RENAMED, "Input_People", "涉众规模（人）", "涉众人数"),
            new ElementChange(ElementKind.OUTPUT, Change.CHANGED, "Output_Score", "score", "priorityScore"),
            new ElementChange(ElementKind.RULE, Change.ADDED, "Rule_People200", null, "涉众 100 人以上"),
            new ElementChange(ElementKind.RULE, Change.REMOVED, "Rule_People100", "涉众 100 人以上", null),
            new ElementChange(ElementKind.RULE, Change.CHANGED, "Rule_Exposure1M", "- | [1000000..10000000[ | - | - → 20", "- | [2000000..10000000[ | - | - → 20"));
    }

    @Test
    void aFormListsItsFieldsByKey() throws IOException {
        String shipped = Files.readString(Path.of("forms/VerifyLead.form"), StandardCharsets.UTF_8);
        String revised = shipped.replace("\"label\": \"机构（场所）\"", "\"label\": \"机构名称\"")
            .replace("\"key\": \"registeredElsewhere\"", "\"key\": \"registeredRegion\"");
        assertThat(revised).contains("机构名称", "registeredRegion");

        var changes = ModelChanges.between(Kind.FORM, LeadDisposalProcess.FORM_VERIFY_LEAD, bytes(shipped), bytes(revised));

        assertThat(changes).containsExactlyInAnyOrder(
            new ElementChange(ElementKind.FIELD, Change.RENAMED, "institutionName", "机构（场所）", "机构名称"),
            new ElementChange(ElementKind.FIELD, Change.ADDED, "registeredRegion", null, "异地登记的区划代码（在外地登记时填写）"),
            new ElementChange(ElementKind.FIELD, Change.REMOVED, "registeredElsewhere", "异地登记的区划代码（在外地登记时填写）", null));
    }

    @Test
    void aUserTaskWithAnotherFormIsListed() throws IOException {
        String shipped = Files.readString(Path.of("bpmn/LeadDisposal.bpmn"), StandardCharsets.UTF_8);
        String revised = shipped.replace("camunda:formRef=\"IssueRiskWarning\"", "camunda:formRef=\"SpotCheck\"");

        var changes = ModelChanges.between(Kind.PROCESS, LeadDisposalProcess.KEY, bytes(shipped), bytes(revised));

        assertThat(changes).containsExactly(new ElementChange(ElementKind.FLOW_NODE, Change.CHANGED, LeadDisposalProcess.TASK_ISSUE_RISK_WARNING,
            "表单 IssueRiskWarning（deployment）", "表单 SpotCheck（deployment）"));
        assertThat(ModelChanges.between(Kind.PROCESS, LeadDisposalProcess.KEY, bytes(shipped), bytes(shipped))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
