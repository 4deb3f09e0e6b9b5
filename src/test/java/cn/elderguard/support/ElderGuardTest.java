package cn.elderguard.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real server port and its own new PostgreSQL database. All test classes
 * that use it share one application context (Spring caches it), so keep their configuration identical. The coverage
 * library's engine plugin is in every context; process test classes add {@link ProcessCoverage}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@Import({ ProcessEngineCoverageConfiguration.class, ProcessCoverageSettings.class })
@ActiveProfiles("test")
public @interface ElderGuardTest {
}
