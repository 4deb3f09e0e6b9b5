package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

    @Test
    void aFailureAfterTheCaseIsInsertedLeavesNothingBehind() {
        // A LeadDisposal version whose start fails: the case row is already inserted when the process starts.
        Deployment failing = engine.getRepositoryService().createDeployment().name("failing LeadDisposal (test)")
            .addModelInstance("LeadDisposal.bpmn", Bpmn.createExecutableProcess(LeadDisposalProcess.KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Fail").camundaExpression("${noSuchBean.fail()}").endEvent()
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

    private Map<String, Long> counts() {
        return Map.of("EG_INSTITUTION", count("EG_INSTITUTION"), "EG_CASE", count("EG_CASE"), "EG_LEAD", count("EG_LEAD"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
