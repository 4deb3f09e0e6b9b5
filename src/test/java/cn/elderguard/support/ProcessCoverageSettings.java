package cn.elderguard.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The coverage library's settings for every {@link ProcessCoverage} class: the combined figure of the models a class
 * touched must be 100 %. Imported by {@link ElderGuardTest}; deliberately no {@code @Configuration}, so that the
 * application's component scan (forked applications run from the test classpath) never picks it up. Primary over
 * the library's default bean, which its own condition cannot see in time.
 */
public class ProcessCoverageSettings {

    @Bean
    @Primary
    ProcessEngineCoverageProperties processCoverageGateProperties() {
        return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
    }
}
