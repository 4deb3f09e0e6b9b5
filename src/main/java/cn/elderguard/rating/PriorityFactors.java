package cn.elderguard.rating;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import cn.elderguard.lead.CaseFile;
import cn.elderguard.lead.CasePriority;

/**
 * The case's priority as the LeadPriority decision last scored it (bpmn/LeadPriority.dmn): the inputs it was given,
 * read from the engine's decision history, and each matched row with the description the model gives it and its
 * points. The history is the decision's own record, so the explanation is what was evaluated, not recomputed.
 */
@Component
class PriorityFactors implements CasePriority {

    /** How the decision's string and boolean inputs read (舆论热度 HIGH → 高). */
    private static final Map<Object, String> DISPLAY = Map.of("HIGH", "高", "MEDIUM", "中", "LOW", "低", "NONE", "无", Boolean.TRUE, "是",
        Boolean.FALSE, "否");

    private final HistoryService history;
    private final RepositoryService repository;

    PriorityFactors(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    @Override
    public Optional<Priority> of(CaseFile caseFile) {
        if (caseFile.processInstanceId() == null) {
            return Optional.empty();
        }
        List<HistoricDecisionInstance> evaluations = history.createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(LeadPriorityDecision.KEY).processInstanceId(caseFile.processInstanceId())
            .includeInputs().includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization()
            .orderByEvaluationTime().desc().listPage(0, 1);
        if (evaluations.isEmpty()) {
            return Optional.empty();
        }
        HistoricDecisionInstance last = evaluations.get(0);
        DmnModelInstance model = repository.getDmnModelInstance(last.getDecisionDefinitionId());
        List<Factor> factors = last.getInputs().stream()
            .map(input -> new Factor(input.getClauseName(), input.getValue(), display(input)))
            .toList();
        List<Contribution> contributions = last.getOutputs().stream()
            .sorted(Comparator.comparing(HistoricDecisionOutputInstance::getRuleOrder))
            .map(output -> new Contribution(description(model, output.getRuleId()), output.getValue()))
            .toList();
        Integer score = last.getCollectResultValue() != null ? (int) Math.round(last.getCollectResultValue())
            : contributions.stream().mapToInt(c -> c.points() instanceof Number n ? n.intValue() : 0).sum();
        return Optional.of(new Priority(score, last.getEvaluationTime().toInstant(), factors, contributions));
    }

    private static String display(HistoricDecisionInputInstance input) {
        Object value = input.getValue();
        if (value == null) {
            return "未填写";
        }
        return DISPLAY.getOrDefault(value, value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : value.toString());
    }

    private static String description(DmnModelInstance model, String ruleId) {
        Rule rule = model.getModelElementById(ruleId);
        return rule != null && rule.getDescription() != null ? rule.getDescription().getTextContent() : ruleId;
    }
}
