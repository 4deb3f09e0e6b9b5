package cn.elderguard.support;

import static cn.elderguard.lead.LeadDisposalProcess.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import cn.elderguard.organisation.Agency;
import cn.elderguard.engine.CaseProcessNames;

/**
 * Walks LeadDisposal cases of any version to a chosen wait state and on to their end, answering every task with
 * what its form requires (the answers of LeadDisposalProcessTest), and deploys the v2 fixture of the migration tests.
 * Only the Java API: fast enough for hundreds of cases.
 */
public final class LeadDisposalWalker {

    /** v2's renamed 核验整改情况 and its added 整理销号材料 (src/test/resources/fixtures/lead-disposal-v2). */
    public static final String V2_TASK_CHECK_RECTIFICATION = "Task_CheckRectification";
    public static final String V2_TASK_COMPILE_CASE_FILE = "Task_CompileCaseFile";
    public static final Path V2_FIXTURE = Path.of("src/test/resources/fixtures/lead-disposal-v2");

    /** A path through v1: the verification facts that choose it and how the rectification order answers. */
    public enum Route {
        GREEN(VerificationFacts.registeredAndClean()),
        YELLOW(VerificationFacts.with("branchesOpened12m", 4L)),
        ORANGE(VerificationFacts.with("prepaidFeesYuan", 900_000L, "prepaidFeesUse", "IRREGULAR")),
        ORANGE_REFUNDING(VerificationFacts.with("prepaidFeesYuan", 900_000L, "prepaidFeesUse", "IRREGULAR")),
        RED(VerificationFacts.with("suspectedCrime", true, "peopleInvolved", 45L)),
        UNREGISTERED(VerificationFacts.with("registered", false, "prepaidFeesYuan", 20_000L, "prepaidFeesUse", "OPERATIONS")),
        UNREGISTERED_SOCIAL_ORG(VerificationFacts.with("registered", false, "legalForm", "PRIVATE_NON_ENTERPRISE",
            "prepaidFeesYuan", 600_000L, "prepaidFeesUse", "OPERATIONS")),
        UNREGISTERED_ENTERPRISE(VerificationFacts.with("registered", false, "legalForm", "ENTERPRISE",
            "prepaidFeesYuan", 750_000L, "prepaidFeesUse", "OPERATIONS")),
        CROSS_REGION(VerificationFacts.with("registeredElsewhere", DemoOrganisation.HEXI));

        final Map<String, Object> facts;

        Route(Map<String, Object> facts) {
            this.facts = facts;
        }
    }

    /** Every wait state of v1 with a route that reaches it. */
    public static final List<Stop> STOPS = List.of(
        new Stop(Route.GREEN, TASK_VERIFY_LEAD), new Stop(Route.GREEN, TASK_SIGN_OFF_CLOSE_OUT),
        new Stop(Route.YELLOW, TASK_ISSUE_RISK_WARNING), new Stop(Route.YELLOW, EVENT_SPOT_CHECK_DUE), new Stop(Route.YELLOW, TASK_SPOT_CHECK),
        new Stop(Route.ORANGE, TASK_NOTIFY_GOVERNMENT), new Stop(Route.ORANGE, TASK_CONDUCT_WARNING_INTERVIEW),
        new Stop(Route.ORANGE, TASK_ORDER_RECTIFICATION), new Stop(Route.ORANGE_REFUNDING, TASK_RECORD_REFUND_TRANCHE),
        new Stop(Route.ORANGE, EVENT_RECTIFICATION_DEADLINE), new Stop(Route.ORANGE, TASK_VERIFY_RECTIFICATION),
        new Stop(Route.RED, TASK_NOTIFY_COUNTY_GOVERNMENT), new Stop(Route.RED, TASK_TRANSFER_TO_POLICE),
        new Stop(Route.RED, TASK_REPORT_POLICE_DECISION),
        new Stop(Route.UNREGISTERED, TASK_URGE_REGISTRATION), new Stop(Route.UNREGISTERED, EVENT_FOLLOW_UP_DUE),
        new Stop(Route.UNREGISTERED, TASK_FOLLOW_UP_CHECK),
        new Stop(Route.UNREGISTERED_SOCIAL_ORG, TASK_ORDER_REFUND), new Stop(Route.UNREGISTERED_SOCIAL_ORG, TASK_HAND_OVER_TO_SOCIAL_ORG_REGISTRATION),
        new Stop(Route.UNREGISTERED_SOCIAL_ORG, TASK_DISPOSE_UNREGISTERED_SOCIAL_ORG),
        new Stop(Route.UNREGISTERED_ENTERPRISE, TASK_HAND_OVER_TO_MARKET_REGULATION),
        new Stop(Route.UNREGISTERED_ENTERPRISE, TASK_INVESTIGATE_AND_BAN),
        new Stop(Route.CROSS_REGION, TASK_CO_INVESTIGATE_CROSS_REGION), new Stop(Route.CROSS_REGION, TASK_ACKNOWLEDGE_CROSS_REGION_COPY));

    public record Stop(Route route, String activityId) {
    }

    private final ProcessEngine engine;

    public LeadDisposalWalker(ProcessEngine engine) {
        this.engine = engine;
    }

    /** A new case on this version of LeadDisposal (a 东街 elder-care venue of 城关镇民政办). */
    public ProcessInstance start(String processDefinitionId) {
        String institution = "迁移测试机构-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        long caseId = LeadDisposalStarter.openCase(engine, Agency.CIVIL_AFFAIRS, DemoOrganisation.DONGJIE, institution);
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceById(processDefinitionId, Long.toString(caseId),
            Map.of(CaseProcessNames.VAR_JURISDICTION, DemoOrganisation.DONGJIE, CaseProcessNames.VAR_RESPONSIBLE_AGENCY, Agency.CIVIL_AFFAIRS.name(),
                CaseProcessNames.VAR_INSTITUTION_NAME, institution));
        EngineJobRows.jdbc(engine).sql("UPDATE EG_CASE SET PROCESS_INSTANCE_ID = ? WHERE ID = ?").params(instance.getId(), caseId).update();
        return instance;
    }

    /** Works the case until it waits in {@code stop}'s activity. */
    public void walkTo(String processInstanceId, Stop stop) {
        walk(processInstanceId, stop.route(), stop.activityId());
    }

    /** Works the case until it ends, approving and closing wherever a choice is offered. */
    public void walkToEnd(String processInstanceId) {
        walk(processInstanceId, Route.GREEN, null);
    }

    /**
     * How a walk completes a task: given the task and the answers its form requires (which it may change, e.g. to
     * take another branch), it completes it. By default through the Java API, as the path tests do.
     */
    public interface Worker {
        void work(Task task, Map<String, Object> answers);
    }

    /** Works the case along {@code route} until it ends, each task completed by {@code worker}. */
    public void walkToEnd(String processInstanceId, Route route, Worker worker) {
        walk(processInstanceId, route, null, worker);
    }

    private void walk(String processInstanceId, Route route, String target) {
        walk(processInstanceId, route, target, (task, answers) -> engine.getTaskService().complete(task.getId(), answers));
    }

    private void walk(String processInstanceId, Route route, String target, Worker worker) {
        boolean verified = false;
        for (int step = 0; step < 60; step++) {
            if (target == null ? ended(processInstanceId) : waitsIn(processInstanceId, target)) {
                return;
            }
            List<Task> tasks = openTasks(processInstanceId);
            if (!tasks.isEmpty()) {
                Task task = tasks.get(0);
                Map<String, Object> answers = answers(task.getTaskDefinitionKey(), route, !verified);
                if (TASK_VERIFY_LEAD.equals(task.getTaskDefinitionKey())) {
                    verified = true;
                }
                worker.work(task, answers);
                continue;
            }
            List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers().list();
            if (timers.isEmpty()) {
                throw new AssertionError("case " + processInstanceId + " waits for nothing this walk can do, target " + target);
            }
            engine.getManagementService().executeJob(timers.get(0).getId());
        }
        throw new AssertionError("case " + processInstanceId + " did not reach " + (target == null ? "its end" : target));
    }

    public boolean waitsIn(String processInstanceId, String activityId) {
        return engine.getRuntimeService().createExecutionQuery().processInstanceId(processInstanceId).activityId(activityId).count() > 0;
    }

    public boolean ended(String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
    }

    /** The case's tasks and those of the hand-overs it called; the sign-off last, so parallel work is done first. */
    private List<Task> openTasks(String processInstanceId) {
        List<Task> tasks = new ArrayList<>();
        engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
            .forEach(sub -> tasks.addAll(engine.getTaskService().createTaskQuery().processInstanceId(sub.getId()).list()));
        tasks.addAll(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list());
        tasks.sort(Comparator.comparingInt(task -> TASK_SIGN_OFF_CLOSE_OUT.equals(task.getTaskDefinitionKey()) ? 2
            : TASK_VERIFY_LEAD.equals(task.getTaskDefinitionKey()) ? 1 : 0));
        return tasks;
    }

    private static Map<String, Object> answers(String taskKey, Route route, boolean firstVerification) {
        String in30Days = LocalDate.now().plusDays(30).toString();
        Map<String, Object> answers = new HashMap<>();
        answers.put("notes", "迁移测试");
        switch (taskKey) {
            case TASK_VERIFY_LEAD -> answers.putAll(firstVerification ? route.facts : VerificationFacts.registeredAndClean());
            case TASK_ISSUE_RISK_WARNING -> answers.put("spotCheckIntervalDays", 30L);
            case TASK_SPOT_CHECK -> answers.put("spotCheckResult", "END_MONITORING");
            case TASK_ORDER_RECTIFICATION -> {
                answers.put("rectificationDeadline", in30Days);
                answers.put("refundTargetYuan", route == Route.ORANGE_REFUNDING ? 100_000L : 0L);
                answers.put("refundTargetPeople", 10L);
            }
            case TASK_RECORD_REFUND_TRANCHE -> {
                answers.put("trancheAmountYuan", 100_000L);
                answers.put("tranchePeople", 10L);
                answers.put("tranchePaidOn", LocalDate.now().toString());
            }
            case TASK_VERIFY_RECTIFICATION, V2_TASK_CHECK_RECTIFICATION -> answers.put("rectificationResult", "PASSED");
            case TASK_REPORT_POLICE_DECISION -> answers.put("policeDecision", "FILED");
            case TASK_RESETTLE_RESIDENTS -> answers.put("residentsResettled", 20L);
            case TASK_PROVIDE_HARDSHIP_ASSISTANCE -> answers.put("peopleAssisted", 12L);
            case TASK_URGE_REGISTRATION -> answers.put("followUpDays", 30L);
            case TASK_FOLLOW_UP_CHECK -> answers.put("followUpResult", "REGISTERED");
            case TASK_ORDER_REFUND -> answers.put("refundDeadline", in30Days);
            case TASK_SIGN_OFF_CLOSE_OUT -> answers.put("signOffDecision", "APPROVE");
            default -> {
                // notes only: 通报, 约谈, 签收, 稳控, 处置, 阅知, 整理销号材料 …
            }
        }
        return answers;
    }

    /** LeadDisposal v1 as shipped (the first deployment of a new database). */
    public ProcessDefinition version1() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).processDefinitionVersion(1).singleResult();
    }

    /**
     * Deploys the v2 fixture (saved as Camunda Modeler 5 saves it, diagram included) with the shipped models and
     * forms it binds by deployment, as an administrator's Modeler deployment with "include additional files" would.
     */
    public ProcessDefinition deployVersion2(String name) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(name);
        try {
            add(deployment, V2_FIXTURE);
            add(deployment, Path.of("forms"));
            try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
                for (Path model : models.filter(p -> !p.getFileName().toString().equals("LeadDisposal.bpmn")).toList()) {
                    deployment.addInputStream(model.getFileName().toString(), Files.newInputStream(model));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String deploymentId = deployment.deploy().getId();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).processDefinitionKey(KEY).singleResult();
    }

    private static void add(DeploymentBuilder deployment, Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
            }
        }
    }

    /**
     * Runs a batch's jobs as the job executor would (tests run jobs themselves): the seed job that creates the
     * execution jobs, the execution jobs in parallel, then the monitor job that ends the batch.
     */
    public void runBatch(String batchId, int threads) {
        Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 100 && engine.getManagementService().createBatchQuery().batchId(batchId).count() > 0; round++) {
                jobs(batch.getSeedJobDefinitionId()).forEach(this::execute);
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (Job job : jobs(batch.getBatchJobDefinitionId())) {
                    running.add(pool.submit(() -> execute(job)));
                }
                for (var future : running) {
                    future.get();
                }
                if (jobs(batch.getSeedJobDefinitionId()).isEmpty()) {
                    jobs(batch.getMonitorJobDefinitionId()).forEach(this::execute);
                }
                if (jobs(batch.getSeedJobDefinitionId()).isEmpty() && jobs(batch.getBatchJobDefinitionId()).isEmpty()
                    && jobs(batch.getMonitorJobDefinitionId()).isEmpty()) {
                    return;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private List<Job> jobs(String jobDefinitionId) {
        return engine.getManagementService().createJobQuery().jobDefinitionId(jobDefinitionId).withRetriesLeft().list();
    }

    private void execute(Job job) {
        try {
            engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
            // a failed migration job keeps its exception and loses a retry, as under the job executor
        }
    }
}
