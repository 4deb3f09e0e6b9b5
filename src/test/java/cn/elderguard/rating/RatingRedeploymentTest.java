package cn.elderguard.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalStarter;
import cn.elderguard.support.VerificationFacts;

/**
 * An administrator lowers the "large prepaid fees" threshold in RiskRating.dmn and deploys only that file
 * (as Camunda Modeler does): new ratings follow it at once, without a rebuild or a process redeployment.
 */
@ElderGuardTest
class RatingRedeploymentTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRedeployedThresholdChangesTheRatingOfNewCases() throws Exception {
        BpmnAwareTests.init(engine);
        var facts = VerificationFacts.with("prepaidFeesYuan", 200_000L, "prepaidFeesUse", "FACILITY_CONSTRUCTION");
        assertThat(rate(facts)).isEqualTo("GREEN");

        String lowered = Files.readString(Path.of("bpmn/RiskRating.dmn"), StandardCharsets.UTF_8)
            .replace("&gt;= 500000", "&gt;= 100000").replace("&lt; 500000", "&lt; 100000");
        Deployment change = engine.getRepositoryService().createDeployment().name("RiskRating 大额标准调整为 10 万元")
            .addString("RiskRating.dmn", lowered).deploy();
        try {
            assertThat(rate(facts)).isEqualTo("YELLOW");
        } finally {
            engine.getRepositoryService().deleteDeployment(change.getId(), true);
        }
        assertThat(rate(facts)).isEqualTo("GREEN");
    }

    private String rate(java.util.Map<String, Object> facts) {
        ProcessInstance instance = LeadDisposalStarter.start(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE);
        complete(task(LeadDisposalProcess.TASK_VERIFY_LEAD, instance), facts);
        return jdbc.sql("SELECT RISK_LEVEL FROM EG_CASE WHERE ID = ?").param(Long.parseLong(instance.getBusinessKey()))
            .query(String.class).single();
    }
}
