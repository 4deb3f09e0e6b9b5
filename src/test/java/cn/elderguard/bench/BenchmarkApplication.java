package cn.elderguard.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.elderguard.support.PostgresTestDatabase;

/**
 * The application as {@code ElderGuardTest} runs it, minus the flow-node coverage plugin: coverage is a
 * test instrument that adds a listener to every flow node, and a benchmark measures what production runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@ActiveProfiles("test")
@interface BenchmarkApplication {
}
