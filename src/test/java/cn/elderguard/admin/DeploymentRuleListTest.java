package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.elderguard.support.ElderGuardTest;

/**
 * The deployment gate's rules are the rules of docs/modeler.md's one rule list (its bpmnlint half:
 * BpmnLintTest). The {@link DeploymentRule} beans' ids are exactly the table's rows: a report never names a
 * rule the documentation does not explain, and the documentation promises no rule the gate does not check.
 */
@ElderGuardTest
class DeploymentRuleListTest {

    @Autowired
    List<DeploymentRule> rules;

    @Test
    void theGateChecksExactlyTheRulesOfTheOneRuleList() throws IOException {
        List<String> ids = rules.stream().map(DeploymentRule::id).toList();

        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(ModelRuleTable.read().ids()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void everyRowSaysWhoChecksIt() throws IOException {
        assertThat(ModelRuleTable.read().rows()).allSatisfy(row -> {
            assertThat(row.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(row.checks()).isNotBlank();
            // The Java gate is the authority for every rule; bpmnlint only answers early.
            assertThat(row.javaGate()).isEqualTo("yes");
            assertThat(row.bpmnlint()).matches("(yes|no)( \\(.+\\))?");
        });
    }
}
