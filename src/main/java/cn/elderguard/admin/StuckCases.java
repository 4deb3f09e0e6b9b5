package cn.elderguard.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.elderguard.system.InvalidInputException;

/**
 * Cases that cannot go on by themselves (docs/modeler.md, repair): those with an open incident (a job that ran
 * out of retries) and those on a version whose model is broken — a user task whose form cannot be found in the
 * binding the model asks for (what a deployment without its forms, made before the deployment gate, left behind).
 * After the fix an administrator retries the failed jobs or migrates the cases to the newest version.
 */
@Service
public class StuckCases {

    /** The most cases one list shows (docs/modeler.md, "Repair"). */
    static final int PAGE = 500;

    /** Retries given back to a failed job: the engine's own default for a job. */
    static final int RETRIES = 3;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl configuration;
    private final CaseMigration migration;

    StuckCases(RuntimeService runtime, ManagementService management, RepositoryService repository, ProcessEngineConfiguration configuration,
               CaseMigration migration) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
        this.migration = migration;
    }

    /**
     * The stuck cases, at most {@value #PAGE} (the newest incidents first, then the cases of broken versions): the
     * process instance, why it is stuck, and the newest version of its process. Repair the ones shown and the list
     * fills with the next.
     */
    public List<StuckCase> list() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Incident incident : runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, PAGE)) {
            if (incident.getProcessInstanceId() != null) {
                problems.computeIfAbsent(incident.getProcessInstanceId(), id -> new ArrayList<>())
                    .add("故障（" + incident.getActivityId() + "）：" + incident.getIncidentMessage());
            }
        }
        for (ProcessDefinitionStatistics definition : management.createProcessDefinitionStatisticsQuery().unlimitedList()) {
            if (definition.getInstances() == 0) {
                continue;
            }
            List<String> broken = brokenForms(definition);
            if (!broken.isEmpty()) {
                for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(definition.getId())
                    .listPage(0, Math.max(0, PAGE - problems.size()))) {
                    problems.computeIfAbsent(instance.getId(), id -> new ArrayList<>()).addAll(broken);
                }
            }
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        Map<String, Integer> latest = new HashMap<>();
        List<StuckCase> stuck = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(problems.keySet()).listPage(0, PAGE)) {
            ProcessDefinition definition = definitions.computeIfAbsent(instance.getProcessDefinitionId(),
                id -> repository.getProcessDefinition(id));
            int newest = latest.computeIfAbsent(definition.getKey(),
                key -> repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion());
            stuck.add(new StuckCase(instance.getId(), instance.getBusinessKey(), definition.getKey(), definition.getId(), definition.getVersion(),
                newest, problems.get(instance.getId())));
        }
        stuck.sort((a, b) -> a.processInstanceId().compareTo(b.processInstanceId()));
        return stuck;
    }

    /** Gives the failed jobs of the chosen cases their retries back; the job executor runs them again. */
    @Transactional
    public Retried retry(List<String> processInstanceIds) {
        List<String> ids = chosen(processInstanceIds);
        List<String> jobs = new ArrayList<>();
        for (String id : ids) {
            management.createJobQuery().processInstanceId(id).noRetriesLeft().list().stream().map(Job::getId).forEach(jobs::add);
        }
        if (jobs.isEmpty()) {
            throw new InvalidInputException("processInstanceIds", "所选案件没有失败的作业可重试");
        }
        management.setJobRetries(jobs, RETRIES);
        return new Retried(ids.size(), jobs.size());
    }

    /** Migrates the chosen cases to the newest version of their process, one batch per version they are on. */
    @Transactional
    public List<CaseMigration.Started> migrateToLatest(List<String> processInstanceIds, String administrator) {
        List<String> ids = chosen(processInstanceIds);
        Map<String, List<String>> bySource = runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).unlimitedList()
            .stream().collect(Collectors.groupingBy(ProcessInstance::getProcessDefinitionId, LinkedHashMap::new,
                Collectors.mapping(ProcessInstance::getId, Collectors.toList())));
        if (bySource.values().stream().mapToInt(List::size).sum() != ids.size()) {
            throw new InvalidInputException("processInstanceIds", "有的案件已结束或不存在，请刷新列表后重选");
        }
        List<CaseMigration.Started> started = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : bySource.entrySet()) {
            String key = repository.getProcessDefinition(group.getKey()).getKey();
            String newest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
            if (newest.equals(group.getKey())) {
                throw new InvalidInputException("processInstanceIds", "有的案件已在 " + key + " 的最新版本上，无需迁移；请重试其故障作业");
            }
            started.add(migration.start(new CaseMigration.Request(group.getKey(), newest, List.of(), group.getValue()), administrator));
        }
        return started;
    }

    /**
     * The user tasks of a version whose form cannot be found in its binding: "deployment" (the version's own
     * deployment), "version" or "latest" (any deployment). The same lookup the engine makes when it opens the form.
     */
    List<String> brokenForms(ProcessDefinition definition) {
        return brokenForms(definition.getId(), definition.getDeploymentId());
    }

    private List<String> brokenForms(String definitionId, String deploymentId) {
        List<String> broken = new ArrayList<>();
        for (UserTask task : repository.getBpmnModelInstance(definitionId).getModelElementsByType(UserTask.class)) {
            String form = task.getCamundaFormRef();
            if (form == null || form.contains("${") || form.contains("#{")) {
                continue;
            }
            String binding = task.getCamundaFormRefBinding() == null ? "latest" : task.getCamundaFormRefBinding();
            String version = task.getCamundaFormRefVersion();
            Command<Boolean> found = context -> {
                CamundaFormDefinitionManager forms = context.getCamundaFormDefinitionManager();
                return switch (binding) {
                    case "deployment" -> forms.findDefinitionByDeploymentAndKey(deploymentId, form) != null;
                    case "version" -> version != null && version.matches("\\d+")
                        && forms.findDefinitionByKeyVersionAndTenantId(form, Integer.valueOf(version), null) != null;
                    default -> forms.findLatestDefinitionByKey(form) != null;
                };
            };
            if (!configuration.getCommandExecutorTxRequired().execute(found)) {
                broken.add("表单缺失：任务「" + task.getName() + "」（" + task.getId() + "）的表单 " + form + "（绑定 " + binding
                    + "）找不到，办理时将报“表单错误”");
            }
        }
        return broken;
    }

    private static List<String> chosen(List<String> ids) {
        if (ids == null || ids.isEmpty() || ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new InvalidInputException("processInstanceIds", "请至少选择一个案件（流程实例编号）");
        }
        return ids.stream().distinct().toList();
    }

    public record StuckCase(String processInstanceId, String caseId, String processKey, String processDefinitionId, int version,
                            int latestVersion, List<String> problems) {
    }

    public record Retried(int cases, int jobs) {
    }
}
