package cn.elderguard.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.model.Coverage;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.BaseProcessEngineCoverageTestExecutionListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;

/**
 * The coverage library's test listener (spring-test, platform 7) with a gate per model. The library records every
 * flow node and sequence flow the class's tests pass, writes its report and holds the class's combined figure to
 * the minimum in {@link ProcessCoverageSettings}; that figure only counts models the class touched and can hide
 * one model under another, so each process named by {@link ProcessCoverage} must also reach 100 % on its own
 * (the library's per-model figure), and the failure names the model and the elements no test passed.
 */
public class ProcessCoverageGate extends BaseProcessEngineCoverageTestExecutionListener {

    private final DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());

    @Override
    protected DefaultCollector getCoverageCollector() {
        return collector;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        super.beforeTestClass(testContext);
        new ProcessEngineAdapter(engine(testContext), collector).initializeListeners();
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        ProcessCoverage gated = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(), ProcessCoverage.class);
        List<String> gaps = gated == null ? List.of() : gaps(collector.getActiveSuite(), collector.getModels(), List.of(gated.value()));
        AssertionError combined = null;
        try {
            super.afterTestClass(testContext);
        } catch (AssertionError e) {
            combined = e;
        } finally {
            // The engine's listeners are shared by the whole context: what later classes run is not this class's.
            new ProcessEngineAdapter(engine(testContext), event -> { }).initializeListeners();
        }
        if (!gaps.isEmpty()) {
            AssertionError failure = new AssertionError(testContext.getTestClass().getSimpleName()
                + " does not walk every flow node and sequence flow (report: target/process-test-coverage/):\n  "
                + String.join("\n  ", gaps));
            if (combined != null) {
                failure.addSuppressed(combined);
            }
            throw failure;
        }
        if (combined != null) {
            throw combined;
        }
    }

    /**
     * One line per named process that the coverage is short of: the library's figure for that model and, from the
     * model the library recorded, the flow nodes and sequence flows no event reached.
     */
    public static List<String> gaps(Coverage coverage, Collection<Model> models, Collection<String> keys) {
        List<String> gaps = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            Model model = models.stream().filter(m -> m.getKey().equals(key)).findFirst().orElse(null);
            if (model == null) {
                gaps.add(key + ": no test started it");
                continue;
            }
            double figure = coverage.calculateCoverage(model);
            if (figure < 1.0) {
                Set<String> passed = coverage.getEventsDistinct(key).stream().map(Event::getDefinitionKey).collect(Collectors.toSet());
                Set<String> missing = elements(model.getXml(), key);
                missing.removeAll(passed);
                gaps.add(String.format(Locale.ROOT, "%s: %.1f %% of %d elements; not passed: %s", key, figure * 100,
                    model.getTotalElementCount(), missing));
            }
        }
        return gaps;
    }

    /** The flow nodes of the process {@code key} and the sequence flows leaving them, as the library counts them. */
    static Set<String> elements(String xml, String key) {
        BpmnModelInstance instance = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Set<FlowNode> nodes = instance.getModelElementsByType(FlowNode.class).stream().filter(node -> key.equals(processOf(node)))
            .collect(Collectors.toSet());
        Set<String> ids = new TreeSet<>();
        nodes.forEach(node -> ids.add(node.getId()));
        instance.getModelElementsByType(SequenceFlow.class).stream().filter(flow -> nodes.contains(flow.getSource()))
            .forEach(flow -> ids.add(flow.getId()));
        return ids;
    }

    private static String processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == null ? null : ((Process) parent).getId();
    }

    private static ProcessEngine engine(TestContext testContext) {
        return testContext.getApplicationContext().getBean(ProcessEngine.class);
    }
}
