package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;

/**
 * Issue items 3, 5 and 6, through both doors to the engine's resources: jobs (the history cleanup job has no
 * process, so the engine checks nothing on it), installation-wide counts and people's own engine accounts are
 * for administrators; an officer changes only their own password.
 */
@ElderGuardTest
class EngineDoorsTest {

    private static final String WEBAPP = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Test
    void onlyAdministratorsTouchJobs() {
        Job cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0);
        String job = "/engine-rest/job/" + cleanup.getId();
        HttpCaller officer = HttpCaller.basic(port, "cg_scjg", DemoOrganisation.PASSWORD);

        assertThat(officer.put(job + "/duedate", "{\"duedate\":\"2031-01-01T00:00:00.000+0800\"}").status()).isEqualTo(403);
        assertThat(officer.put(job + "/retries", "{\"retries\":9}").status()).isEqualTo(403);
        assertThat(officer.put(job + "/suspended", "{\"suspended\":true}").status()).isEqualTo(403);
        assertThat(officer.put(job + "/priority", "{\"priority\":9}").status()).isEqualTo(403);
        assertThat(officer.delete(job).status()).isEqualTo(403);
        assertThat(officer.get("/engine-rest/job").status()).isEqualTo(403);
        HttpCaller.Response refused = HttpCaller.webappSession(port, "cg_scjg", DemoOrganisation.PASSWORD)
            .put(WEBAPP + "/job/" + cleanup.getId() + "/priority", "{\"priority\":9}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("仅限系统管理员");

        Job unchanged = engine.getManagementService().createJobQuery().jobId(cleanup.getId()).singleResult();
        assertThat(unchanged.getRetries()).isEqualTo(cleanup.getRetries());
        assertThat(unchanged.getPriority()).isEqualTo(cleanup.getPriority());
        assertThat(unchanged.isSuspended()).isFalse();
        assertThat(HttpCaller.basic(port, "admin", "test-admin").get("/engine-rest/job").status()).isEqualTo(200);
    }

    @Test
    void installationWideCountsAreForAdministrators() {
        HttpCaller officer = HttpCaller.basic(port, "cg_scjg", DemoOrganisation.PASSWORD);
        assertThat(officer.get("/engine-rest/process-definition/statistics").status()).isEqualTo(403);
        assertThat(officer.get("/engine-rest/process-definition/key/" + LeadDisposalProcess.KEY + "/statistics").status()).isEqualTo(403);
        assertThat(officer.get("/engine-rest/metrics/activity-instance-start/sum").status()).isEqualTo(403);
        assertThat(officer.get("/engine-rest/history/process-instance/count").status()).isEqualTo(403);
        HttpCaller tasklist = HttpCaller.webappSession(port, "cg_scjg", DemoOrganisation.PASSWORD);
        assertThat(tasklist.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status()).isEqualTo(403);
        assertThat(tasklist.get("/camunda/api/cockpit/plugin/base/default/process-instance/count").status()).isEqualTo(403);
        assertThat(tasklist.get(WEBAPP + "/process-definition/statistics").status()).isEqualTo(403);

        HttpCaller admin = HttpCaller.basic(port, "admin", "test-admin");
        assertThat(admin.get("/engine-rest/process-definition/statistics").status()).isEqualTo(200);
        assertThat(HttpCaller.webappSession(port, "admin", "test-admin")
            .get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status()).isEqualTo(200);
    }

    @Test
    void officersNeitherRenameNorDeleteTheirAccountButChangeTheirPassword() {
        HttpCaller officer = HttpCaller.basic(port, "cg_scjg_ld", DemoOrganisation.PASSWORD);
        assertThat(officer.put("/engine-rest/user/cg_scjg_ld/profile",
            "{\"id\":\"cg_scjg_ld\",\"firstName\":\"改名\",\"lastName\":\"改名\",\"email\":\"x@example.cn\"}").status()).isEqualTo(403);
        assertThat(officer.delete("/engine-rest/user/cg_scjg_ld").status()).isEqualTo(403);
        assertThat(officer.put("/engine-rest/user/cg_scjg/credentials",
            "{\"password\":\"Another-Passw0rd\",\"authenticatedUserPassword\":\"demo\"}").status()).as("someone else's").isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().userId("cg_scjg_ld").singleResult().getFirstName()).isEqualTo("唐亮");

        assertThat(officer.put("/engine-rest/user/cg_scjg_ld/credentials",
            "{\"password\":\"Changed-Passw0rd\",\"authenticatedUserPassword\":\"demo\"}").status()).isEqualTo(204);
        HttpCaller changed = HttpCaller.basic(port, "cg_scjg_ld", "Changed-Passw0rd");
        assertThat(changed.put("/engine-rest/user/cg_scjg_ld/credentials",
            "{\"password\":\"demo\",\"authenticatedUserPassword\":\"Changed-Passw0rd\"}").status()).isEqualTo(204);
    }

    @Test
    void serviceAccountsUseNoEngineDoor() {
        HttpCaller bank = HttpCaller.basic(port, "bank_alert_api", DemoOrganisation.PASSWORD);
        assertThat(bank.get("/engine-rest/task").status()).isEqualTo(403);
        assertThat(bank.get("/engine-rest/process-definition").status()).isEqualTo(403);
    }

    @Test
    void processesStartOnlyThroughTheApplication() {
        HttpCaller admin = HttpCaller.basic(port, "admin", "test-admin");
        HttpCaller.Response start = admin.post("/engine-rest/process-definition/key/" + LeadDisposalProcess.KEY + "/start", "{\"businessKey\":\"424242\"}");
        assertThat(start.status()).isEqualTo(403);
        assertThat(start.body()).contains("不能通过引擎接口直接启动");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("424242").count()).isZero();
    }
}
