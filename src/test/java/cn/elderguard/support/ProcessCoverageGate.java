package cn.elderguard.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Coverage;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The coverage gate. The coverage library's own listener (registered by its jar for every Spring test, limited to
 * process test classes by {@link ProcessCoverageSettings}) records what a class's tests pass and writes
 * target/process-test-coverage/&lt;class&gt;/report.json (and report.html). After it, this reads the library's result
 * back and requires the library's figure for each process named by {@link ProcessCoverage} to be 100 % (flow nodes
 * and sequence flows of that model alone), naming the model and the elements no test passed.
 */
public class ProcessCoverageGate implements TestExecutionListener, Ordered {

    /** Next to the library's listener (lowest precedence): before it when a class starts, after it when it ends. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void beforeTestClass(TestContext testContext) throws IOException {
        Files.deleteIfExists(report(testContext.getTestClass()));
    }

    @Override
    public void afterTestClass(TestContext testContext) throws IOException {
        Class<?> testClass = testContext.getTestClass();
        // The engine's coverage listener is shared by the context: what later classes run is no process test's.
        detach(testContext.getApplicationContext().getBean(ProcessEngine.class));
        ProcessCoverage gated = AnnotatedElementUtils.findMergedAnnotation(testClass, ProcessCoverage.class);
        if (gated == null) {
            return;
        }
        Path report = report(testClass);
        if (!Files.exists(report)) {
            throw new AssertionError(testClass.getName() + ": the coverage library wrote no " + report
                + "; a process test class's name must match " + ProcessCoverageSettings.PROCESS_TEST_CLASSES);
        }
        CoverageStateResult result = CoverageStateJsonExporter.readCoverageStateResult(Files.readString(report));
        List<String> gaps = gaps(result, result.getModels(), List.of(gated.value()));
        if (!gaps.isEmpty()) {
            throw new AssertionError(testClass.getSimpleName() + " does not walk every flow node and sequence flow (report: "
                + report.resolveSibling("report.html") + "):\n  " + String.join("\n  ", gaps));
        }
    }

    /** Points the library's engine listener at a collector that keeps nothing. */
    static void detach(ProcessEngine engine) {
        new ProcessEngineAdapter(engine, event -> { }).initializeListeners();
    }

    /** Where the library writes a class's result (its default report directory). */
    static Path report(Class<?> testClass) {
        return Path.of(CoverageReportUtil.TARGET_DIR_ROOT, testClass.getName(), "report.json");
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
                Set<String> missing = elements(model.getXml(), key);
                missing.removeAll(coverage.getEventsDistinct(key).stream().map(Event::getDefinitionKey).collect(Collectors.toSet()));
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
}
