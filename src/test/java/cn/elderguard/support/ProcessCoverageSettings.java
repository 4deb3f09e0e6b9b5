package cn.elderguard.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The coverage library's settings. Its listener comes with its jar and runs for every Spring test class; it records
 * and reports only process test classes (one per model, named *ProcessTest), and {@link ProcessCoverageGate} holds
 * each model such a class names to 100 %. No combined class minimum: a process test may start another process as
 * its given (DailyDigestProcessTest opens a lead), which the combined figure would count against it.
 * Imported by {@link ElderGuardTest}; deliberately no {@code @Configuration}, so that the application's component
 * scan (forked applications run from the test classpath) never picks it up.
 */
public class ProcessCoverageSettings {

    /** The library's inclusion pattern (Spring's simple match on the class name). */
    public static final String PROCESS_TEST_CLASSES = "*ProcessTest";

    /** Primary over the library's default bean, whose condition is evaluated before this bean exists. */
    @Bean
    @Primary
    ProcessEngineCoverageProperties processCoverageProperties() {
        return ProcessEngineCoverageProperties.builder().addInclusionPatternForTestClasses(PROCESS_TEST_CLASSES).build();
    }

    /**
     * The library's engine listener fails every activity until a collector is attached, which its test listener does
     * only for the classes it records: until a process test class attaches one, nothing is recorded.
     */
    @Bean
    AbstractCamundaConfiguration processCoverageIdleUntilAProcessTest() {
        return new AbstractCamundaConfiguration() {
            @Override
            public void postProcessEngineBuild(ProcessEngine processEngine) {
                ProcessCoverageGate.detach(processEngine);
            }
        };
    }
}
