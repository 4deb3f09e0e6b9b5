package cn.elderguard.admin;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.elderguard.campaign.CampaignInput;
import cn.elderguard.campaign.CampaignLaunch;
import cn.elderguard.campaign.CampaignProcess;
import cn.elderguard.campaign.CampaignTestSupport;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.system.Now;
import static cn.elderguard.lead.LeadDisposalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.LeadDisposalWalker;
import cn.elderguard.support.LeadDisposalWalker.Route;

/**
 * Each task's inputs are its own (docs/forms.md, "Each task's inputs are its own"): every model in bpmn/ is walked
 * along every route, including the loops back to verification and the escalation from orange to red, and at every
 * user task the form is opened as Tasklist opens it (its deployed form and {@code FormService#getTaskFormVariables},
 * what {@code GET /task/{id}/form-variables} answers) and submitted as Tasklist submits it ({@code submitTaskForm}).
 * No enabled input may show a value that another user task wrote; a value counts as written by the user task that
 * first gave it, so a delegate storing it again does not launder it. Every user task of every model must be opened.
 */
@ElderGuardTest
class OwnFormInputsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ObjectMapper json;

    @Autowired
    CampaignLaunch launch;

    @Autowired
    JdbcClient jdbc;

    private final List<String> prefilled = new ArrayList<>();
    private final Set<String> opened = new TreeSet<>();
    private final AtomicInteger answerNumber = new AtomicInteger();

    @Test
    void noFormOfAnyModelOpensWithAnotherTasksWords() throws IOException {
        LeadDisposalWalker walker = new LeadDisposalWalker(engine);
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
            .latestVersion().singleResult().getId();
        for (Route route : Route.values()) {
            walk(walker, definition, route, Map.of());
        }
        // Round trips: spot check finds new facts; rectification fails and orange becomes red; the police do not
        // file; the leader sends the case back; a follow-up check finds new facts.
        walk(walker, definition, Route.YELLOW, Map.of(TASK_SPOT_CHECK, Map.of(VAR_SPOT_CHECK_RESULT, "NEW_FACTS")));
        walk(walker, definition, Route.ORANGE, Map.of(TASK_VERIFY_RECTIFICATION, Map.of(VAR_RECTIFICATION_RESULT, "FAILED")));
        walk(walker, definition, Route.RED, Map.of(TASK_REPORT_POLICE_DECISION, Map.of(VAR_POLICE_DECISION, "NOT_FILED")));
        walk(walker, definition, Route.GREEN, Map.of(TASK_SIGN_OFF_CLOSE_OUT, Map.of(VAR_SIGN_OFF_DECISION, "REJECT")));
        walk(walker, definition, Route.UNREGISTERED, Map.of(TASK_FOLLOW_UP_CHECK, Map.of(VAR_FOLLOW_UP_RESULT, "NEW_FACTS")));

        walkCampaign();

        assertThat(opened).as("every user task of every model in bpmn/ opened").containsAll(userTasksOfAllModels());
        assertThat(prefilled).as("inputs that opened with another task's value").isEmpty();
    }

    /** Walks one case to its end; {@code firstAnswers} changes a task's answers the first time it is worked. */
    private void walk(LeadDisposalWalker walker, String definition, Route route, Map<String, Map<String, Object>> firstAnswers) {
        ProcessInstance instance = walker.start(definition);
        Set<String> changed = new TreeSet<>();
        walker.walkToEnd(instance.getId(), route, (task, answers) -> {
            if (firstAnswers.containsKey(task.getTaskDefinitionKey()) && changed.add(task.getTaskDefinitionKey())) {
                answers.putAll(firstAnswers.get(task.getTaskDefinitionKey()));
            }
            open(task, answers);
            engine.getFormService().submitTaskForm(task.getId(), answers);
        });
    }

    /**
     * A campaign of 河西镇's three villages, every task opened: the first plan and the first monthly report are returned
     * and filed again (they open with their own unit's earlier text), urgent reports reach the office and the county above.
     */
    private void walkCampaign() {
        CampaignTestSupport campaign = new CampaignTestSupport(engine, jdbc);
        ZonedDateTime launched = CampaignTestSupport.at(2026, 5, 11, 9);
        ClockUtil.setCurrentTime(Date.from(launched.toInstant()));
        CampaignTestSupport.loggedIn("hx_zzb");
        try {
            String pid = launch.launch(new CampaignInput("表单自有输入检查", DemoOrganisation.HEXI, "STANDARD",
                List.of(new CampaignInput.Phase("MOBILIZE", "宣传发动", LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 31)),
                    new CampaignInput.Phase("REVIEW", "总结提升", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30))),
                new CampaignInput.Units(List.of(Agency.GRID_WORKER), List.of(JurisdictionLevel.VILLAGE)), null, null,
                LocalDate.of(2026, 7, 10))).processInstanceId();
            campaign.advanceTo(launched, pid);
            Set<String> returned = new TreeSet<>();
            for (int round = 0; round < 200 && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count() > 0; round++) {
                List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(pid).list();
                if (open.isEmpty()) {
                    campaign.advanceTo(ClockUtil.getCurrentTime().toInstant().atZone(Now.zone()).plusDays(7), pid);
                    continue;
                }
                for (Task task : open) {
                    Map<String, Object> answers = new HashMap<>();
                    if (task.getTaskDefinitionKey().startsWith("Task_Review")) {
                        boolean returnIt = returned.add(task.getTaskDefinitionKey());
                        answers.put(CampaignProcess.VAR_REVIEW_DECISION, returnIt ? "RETURN" : "ACCEPT");
                        answers.put(CampaignProcess.VAR_RESUBMIT_BY, Now.today().plusDays(3).toString());
                    }
                    open(task, answers);
                    engine.getFormService().submitTaskForm(task.getId(), answers);
                    if (task.getTaskDefinitionKey().equals(CampaignProcess.TASK_COMPILE_SUMMARY)) {
                        campaignEngineReportsUrgent(pid);
                    }
                }
                campaign.advanceTo(ClockUtil.getCurrentTime().toInstant().atZone(Now.zone()), pid);
            }
        } finally {
            ClockUtil.reset();
            SecurityContextHolder.clearContext();
        }
    }

    private void campaignEngineReportsUrgent(String pid) {
        engine.getRuntimeService().createMessageCorrelation(CampaignProcess.MESSAGE_URGENT_REPORT).processInstanceId(pid)
            .setVariablesLocal(Map.of(CampaignProcess.VAR_URGENT_REPORT_ID, 1L, CampaignProcess.VAR_URGENT_REPORT_TEXT, "紧急情况")).correlate();
    }

    /** Opens the form as Tasklist does, notes every enabled input showing another task's value, and fills its text inputs anew. */
    private void open(Task task, Map<String, Object> answers) {
        opened.add(task.getTaskDefinitionKey());
        List<FormField> fields;
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            fields = TaskForms.fields(json.readTree(form));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        VariableMap shown = engine.getFormService().getTaskFormVariables(task.getId());
        for (FormField field : fields) {
            if (!field.editable()) {
                continue;
            }
            Object value = shown.get(field.key());
            if (value != null && engine.getTaskService().getVariableLocal(task.getId(), field.key()) == null) {
                String writer = firstWriter(task.getProcessInstanceId(), field.key(), value);
                if (writer != null && !writer.equals(task.getTaskDefinitionKey())) {
                    prefilled.add(task.getTaskDefinitionKey() + "." + field.key() + " = “" + value + "” from " + writer);
                }
            }
            // Every text answer differs from task to task, so a value shown elsewhere can be traced to its author.
            if ("textarea".equals(field.type())) {
                answers.put(field.key(), task.getTaskDefinitionKey() + " 的记录 " + answerNumber.incrementAndGet());
            }
        }
    }

    /**
     * The user task that first wrote the value a variable of this process instance now holds: its updates, newest
     * first, back to the first of the unbroken run with that value; null when the application wrote it.
     */
    private String firstWriter(String processInstanceId, String name, Object value) {
        List<HistoricVariableUpdate> updates = engine.getHistoryService().createHistoricDetailQuery().processInstanceId(processInstanceId)
            .variableUpdates().orderPartiallyByOccurrence().desc().list().stream()
            .map(HistoricVariableUpdate.class::cast)
            .filter(update -> update.getVariableName().equals(name) && update.getTaskId() == null)
            .toList();
        HistoricVariableUpdate origin = null;
        for (HistoricVariableUpdate update : updates) {
            if (!Objects.equals(String.valueOf(update.getValue()), String.valueOf(value))) {
                break;
            }
            origin = update;
        }
        if (origin == null) {
            return null;
        }
        HistoricActivityInstance activity = engine.getHistoryService().createHistoricActivityInstanceQuery()
            .activityInstanceId(origin.getActivityInstanceId()).singleResult();
        return activity != null && "userTask".equals(activity.getActivityType()) ? activity.getActivityId() : null;
    }

    private static Set<String> userTasksOfAllModels() throws IOException {
        Set<String> tasks = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)
                    .forEach(task -> tasks.add(task.getId()));
            }
        }
        return tasks;
    }
}
