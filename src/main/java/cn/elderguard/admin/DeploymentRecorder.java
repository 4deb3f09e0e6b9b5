package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.elderguard.admin.DeploymentRecords.DefinitionRecord;
import cn.elderguard.admin.ModelChanges.Kind;

import cn.elderguard.organisation.CurrentUser;

/**
 * Records every new deployment (who, when, which files, what changed against the version before) after the
 * engine's own deployers have parsed it, inside the same deploy command: whichever door it came through, the
 * record commits with the deployment or not at all (docs/decisions/028).
 */
class DeploymentRecorder implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(DeploymentRecorder.class);

    private final Supplier<DeploymentRecords> records;

    DeploymentRecorder(Supplier<DeploymentRecords> records) {
        this.records = records;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // A reload of an older deployment into the engine's cache is no new deployment.
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        List<DefinitionRecord> definitions = new ArrayList<>();
        List<String> withDefinitions = new ArrayList<>();
        for (List<?> artifacts : deployment.getDeployedArtifacts() == null ? List.<List<?>>of() : deployment.getDeployedArtifacts().values()) {
            for (Object artifact : artifacts) {
                Kind kind = kind(artifact);
                if (kind != null) {
                    ResourceDefinitionEntity<?> definition = (ResourceDefinitionEntity<?>) artifact;
                    definitions.add(record(command, deployment, kind, definition));
                    withDefinitions.add(definition.getResourceName());
                }
            }
        }
        deployment.getResources().keySet().stream().filter(name -> !withDefinitions.contains(name))
            .forEach(name -> definitions.add(new DefinitionRecord(name, Kind.FILE, null, null, null, DeploymentRecords.Status.NEW, List.of())));
        definitions.sort(Comparator.comparing(DefinitionRecord::resourceName).thenComparing(d -> String.valueOf(d.key())));
        records.get().insert(deployment.getId(), deployment.getName(), deployment.getSource(), CurrentUser.actorId().orElse(null),
            deployment.getDeploymentTime().toInstant(), definitions);
    }

    private static DefinitionRecord record(CommandContext command, DeploymentEntity deployment, Kind kind,
                                           ResourceDefinitionEntity<?> definition) {
        byte[] now = deployment.getResource(definition.getResourceName()).getBytes();
        ResourceDefinition previous = previous(command, kind, definition);
        if (previous == null) {
            return new DefinitionRecord(definition.getResourceName(), kind, definition.getKey(), definition.getVersion(), null,
                DeploymentRecords.Status.NEW, changes(kind, definition, null, now));
        }
        ResourceEntity resource = command.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(previous.getDeploymentId(), previous.getResourceName());
        byte[] before = resource == null ? null : resource.getBytes();
        DeploymentRecords.Status status = Arrays.equals(before, now) ? DeploymentRecords.Status.UNCHANGED : DeploymentRecords.Status.CHANGED;
        return new DefinitionRecord(definition.getResourceName(), kind, definition.getKey(), definition.getVersion(), previous.getVersion(),
            status, status == DeploymentRecords.Status.UNCHANGED ? List.of() : changes(kind, definition, before, now));
    }

    /**
     * The element changes; a file the engine accepted but the model API cannot compare is recorded as changed without
     * them, rather than refusing a deployment the gate let through.
     */
    private static List<ModelChanges.ElementChange> changes(Kind kind, ResourceDefinitionEntity<?> definition, byte[] before, byte[] now) {
        try {
            return ModelChanges.between(kind, definition.getKey(), before, now);
        } catch (RuntimeException e) {
            log.warn("Deployment record: cannot compare {} {} with the version before: {}", kind, definition.getKey(), e.getMessage());
            return List.of();
        }
    }

    /**
     * The latest version of the same key (and tenant) deployed before this one. Versions count up by one per key;
     * a deleted deployment can leave a gap, so lower versions are tried in turn. (The engine's own
     * {@code getPreviousDefinition} does the same for processes and decisions, but not for forms.)
     */
    private static ResourceDefinition previous(CommandContext command, Kind kind, ResourceDefinitionEntity<?> definition) {
        for (int version = definition.getVersion() - 1; version > 0; version--) {
            ResourceDefinition found = switch (kind) {
                case PROCESS -> command.getProcessDefinitionManager()
                    .findDefinitionByKeyVersionAndTenantId(definition.getKey(), version, definition.getTenantId());
                case DECISION -> command.getDecisionDefinitionManager()
                    .findDefinitionByKeyVersionAndTenantId(definition.getKey(), version, definition.getTenantId());
                case FORM -> command.getCamundaFormDefinitionManager()
                    .findDefinitionByKeyVersionAndTenantId(definition.getKey(), version, definition.getTenantId());
                case FILE -> null;
            };
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The definitions administrators change: processes, decisions, forms. A decision requirements graph is its
     * decisions' file; a file that yields none of these is listed as a file.
     */
    private static Kind kind(Object artifact) {
        if (artifact instanceof ProcessDefinitionEntity) {
            return Kind.PROCESS;
        }
        if (artifact instanceof DecisionDefinitionEntity) {
            return Kind.DECISION;
        }
        return artifact instanceof CamundaFormDefinitionEntity ? Kind.FORM : null;
    }
}
