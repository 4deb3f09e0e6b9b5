package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.PostgresTestDatabase;

/** Restarting the application deploys models only when a file changed, and then exactly once. */
class ModelDeploymentTest {

    @TempDir
    Path models;

    String databaseUrl;

    @BeforeEach
    void copyShippedModelsAndCreateDatabase() throws IOException {
        Files.createDirectories(models.resolve("bpmn"));
        Files.createDirectories(models.resolve("forms"));
        // The whole model set: the deployment gate refuses a process whose forms, decisions or called process are missing.
        for (String folder : new String[] {"bpmn", "forms"}) {
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, models.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        databaseUrl = PostgresTestDatabase.create();
    }

    @Test
    void restartWithUnchangedModelsDeploysNothingAndAChangedModelDeploysOneNewVersion() throws IOException {
        startAndStop(); // first start: the initial deployment
        DeploymentState afterFirstStart = startAndStop();
        assertThat(afterFirstStart.deployments()).isEqualTo(1);
        assertThat(afterFirstStart.leadDisposalVersion()).isEqualTo(1);

        Path bpmn = models.resolve("bpmn/LeadDisposal.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn, StandardCharsets.UTF_8)
            .replace("name=\"核查线索\"", "name=\"核查线索（修订）\""), StandardCharsets.UTF_8);

        DeploymentState afterChange = startAndStop();
        assertThat(afterChange.deployments()).isEqualTo(2);
        assertThat(afterChange.leadDisposalVersion()).isEqualTo(2);
        assertThat(afterChange.leadDisposalDefinitions()).isEqualTo(2);

        DeploymentState afterAnotherRestart = startAndStop();
        assertThat(afterAnotherRestart).isEqualTo(afterChange);
    }

    @Test
    void theFormIsDeployedWithItsProcess() {
        try (ConfigurableApplicationContext app = start()) {
            RepositoryService repository = app.getBean(ProcessEngine.class).getRepositoryService();
            ProcessDefinition process = repository.createProcessDefinitionQuery()
                .processDefinitionKey(LeadDisposalProcess.KEY).latestVersion().singleResult();
            assertThat(repository.getDeploymentResourceNames(process.getDeploymentId()))
                .contains("LeadDisposal.bpmn", "VerifyLead.form");
        }
    }

    private DeploymentState startAndStop() {
        try (ConfigurableApplicationContext app = start()) {
            RepositoryService repository = app.getBean(ProcessEngine.class).getRepositoryService();
            return new DeploymentState(
                repository.createDeploymentQuery().count(),
                repository.createProcessDefinitionQuery().processDefinitionKey(LeadDisposalProcess.KEY)
                    .latestVersion().singleResult().getVersion(),
                repository.createProcessDefinitionQuery().processDefinitionKey(LeadDisposalProcess.KEY).count());
        }
    }

    private ConfigurableApplicationContext start() {
        return ApplicationRun.start(databaseUrl, "--elderguard.models.locations="
            + models.resolve("bpmn").toUri() + "," + models.resolve("forms").toUri());
    }

    record DeploymentState(long deployments, int leadDisposalVersion, long leadDisposalDefinitions) {
    }
}
