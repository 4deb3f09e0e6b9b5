package cn.elderguard.admin;

import static cn.elderguard.notification.DailyDigestProcess.END_EVENT_DIGESTS_SENT;
import static cn.elderguard.notification.DailyDigestProcess.KEY;
import static cn.elderguard.notification.DailyDigestProcess.SEQUENCE_FLOW_TO_DIGESTS_SENT;
import static cn.elderguard.notification.DailyDigestProcess.SEQUENCE_FLOW_TO_SEND_DIGESTS;
import static cn.elderguard.notification.DailyDigestProcess.START_EVENT_EVERY_MORNING;
import static cn.elderguard.notification.DailyDigestProcess.TASK_SEND_DAILY_DIGESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.EventType;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.PatternMatchUtils;

import cn.elderguard.support.ProcessCoverage;
import cn.elderguard.support.ProcessCoverageGate;
import cn.elderguard.support.ProcessCoverageSettings;

/**
 * Every process in bpmn/ is named by a process test class ({@link ProcessCoverage}), whose gate fails the build unless
 * its tests walk every flow node and sequence flow; and the gate does fail, on the library's own coverage objects.
 * Plain JUnit: no Spring context, no engine.
 */
class ProcessCoverageTest {

    @Test
    void everyProcessInBpmnIsGatedByAProcessTestClass() throws Exception {
        Map<String, Set<String>> gatedBy = gatedBy();
        Set<String> processes = processKeys();

        assertThat(processes).isNotEmpty().allSatisfy(key -> assertThat(gatedBy)
            .as("process %s: no test class names it in @ProcessCoverage; write its process test (a test per path)", key).containsKey(key));
        assertThat(gatedBy.keySet()).as("@ProcessCoverage names a process that bpmn/ does not have").isSubsetOf(processes);
    }

    @Test
    void theLibraryTracksExactlyTheClassesThatNameTheirProcesses() {
        Set<String> named = testClasses(new AnnotationTypeFilter(ProcessCoverage.class));
        Set<String> matched = testClasses(new RegexPatternTypeFilter(Pattern.compile(".*ProcessTest")));

        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(PatternMatchUtils.simpleMatch(ProcessCoverageSettings.PROCESS_TEST_CLASSES, name))
            .as("%s names processes but the coverage library does not track it; rename it to end in ProcessTest", name).isTrue());
        assertThat(named).as("a *ProcessTest class without @ProcessCoverage").containsAll(matched);
    }

    @Test
    void theGateNamesTheModelAndTheElementsNoTestPassed() throws Exception {
        Model model = new Model(KEY, 5, "1", Files.readString(Path.of("bpmn/DailyDigest.bpmn")));
        Suite suite = suite(START_EVENT_EVERY_MORNING, SEQUENCE_FLOW_TO_SEND_DIGESTS);

        assertThat(ProcessCoverageGate.gaps(suite, List.of(model), List.of(KEY, "NeverStarted"))).containsExactly(
            KEY + ": 40.0 % of 5 elements; not passed: " + List.of(END_EVENT_DIGESTS_SENT, SEQUENCE_FLOW_TO_DIGESTS_SENT, TASK_SEND_DAILY_DIGESTS),
            "NeverStarted: no test started it");
    }

    @Test
    void aModelWalkedInFullPassesTheGate() throws Exception {
        Model model = new Model(KEY, 5, "1", Files.readString(Path.of("bpmn/DailyDigest.bpmn")));
        Suite suite = suite(START_EVENT_EVERY_MORNING, SEQUENCE_FLOW_TO_SEND_DIGESTS, TASK_SEND_DAILY_DIGESTS,
            SEQUENCE_FLOW_TO_DIGESTS_SENT, END_EVENT_DIGESTS_SENT);

        assertThat(ProcessCoverageGate.gaps(suite, List.of(model), List.of(KEY))).isEmpty();
    }

    private static Suite suite(String... passed) {
        Run run = new Run("run", "aTest");
        for (String element : passed) {
            boolean flow = element.startsWith("SequenceFlow_");
            run.addEvent(new Event(flow ? EventSource.SEQUENCE_FLOW : EventSource.FLOW_NODE, flow ? EventType.TAKE : EventType.START,
                element, flow ? "sequenceFlow" : "flowNode", KEY, 0L));
        }
        Suite suite = new Suite("suite", "ProcessCoverageTest");
        suite.addRun(run);
        return suite;
    }

    /** Process key → the test classes that name it. */
    private static Map<String, Set<String>> gatedBy() throws ClassNotFoundException {
        Map<String, Set<String>> gatedBy = new TreeMap<>();
        for (String name : testClasses(new AnnotationTypeFilter(ProcessCoverage.class))) {
            Class<?> testClass = Class.forName(name);
            for (String key : testClass.getAnnotation(ProcessCoverage.class).value()) {
                gatedBy.computeIfAbsent(key, k -> new TreeSet<>()).add(testClass.getSimpleName());
            }
        }
        return gatedBy;
    }

    private static Set<String> testClasses(TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(filter);
        return scanner.findCandidateComponents("cn.elderguard").stream().map(BeanDefinition::getBeanClassName)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> processKeys() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> ModelFiles.isBpmn(file.getFileName().toString()))
                .flatMap(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).stream())
                .filter(Process::isExecutable).map(Process::getId).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
