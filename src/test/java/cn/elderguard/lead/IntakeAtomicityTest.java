package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/** Case, process, lead and new institution are created together or not at all. */
@ElderGuardTest
class IntakeAtomicityTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IntakeService intake;

    @Test
    void aFailureAfterTheCaseIsInsertedLeavesNothingBehind() {
        // A LeadDisposal version whose start fails: the case row is already inserted when the process starts.
        Deployment failing = engine.getRepositoryService().createDeployment().name("failing LeadDisposal (test)")
            .addModelInstance("LeadDisposal.bpmn", Bpmn.createExecutableProcess(LeadDisposalProcess.KEY)
                .camundaHistoryTimeToLive(1)
                // A timer whose date is no date: allowed by the deployment gate, fails when the case reaches it.
                .startEvent("StartEvent_Fail").sequenceFlowId("SequenceFlow_ToFail")
                .intermediateCatchEvent("Event_Fail").timerWithDate("${'no date'}").sequenceFlowId("SequenceFlow_ToFailed")
                .endEvent("EndEvent_Failed")
                .done())
            .deploy();
        Map<String, Long> before = counts();
        long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
        try {
            Api.Response response = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).post("/api/leads",
                LeadIntakeTest.lead(LeadSource.GRID_PATROL, "原子性测试养老院-" + UUID.randomUUID(), DemoOrganisation.DONGJIE, null));

            assertThat(response.status()).isEqualTo(500);
            assertThat(counts()).isEqualTo(before);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        } finally {
            engine.getRepositoryService().deleteDeployment(failing.getId(), true);
        }
    }

    @Test
    void aDataErrorIsNotRetriedLikeAConcurrentIntake() {
        // Straight to the service, past the API's input rules: PostgreSQL itself refuses the NUL (U+0000) in the
        // description, after the institution and the case of this new venue were inserted.
        LeadSubmission tip = new LeadSubmission(LeadSource.PUBLIC_TIP, null,
            new LeadSubmission.ReportedInstitution("重试测试养老院-" + UUID.randomUUID(), null, null, DemoOrganisation.DONGJIE),
            "推销\0理财", null, null, null, null);
        Map<String, Long> before = counts();
        long caseIdsBefore = caseIdsTaken();

        assertThatThrownBy(() -> intake.submitPublicTip(tip)).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(counts()).isEqualTo(before);
        // Identity values are not given back on rollback: each attempt at the intake took one case id.
        assertThat(caseIdsTaken() - caseIdsBefore).as("attempts at the intake").isEqualTo(1);
    }

    private long caseIdsTaken() {
        return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " +
            jdbc.sql("SELECT pg_get_serial_sequence('eg_case', 'id')").query(String.class).single()).query(Long.class).single();
    }

    private Map<String, Long> counts() {
        return Map.of("EG_INSTITUTION", count("EG_INSTITUTION"), "EG_CASE", count("EG_CASE"), "EG_LEAD", count("EG_LEAD"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
