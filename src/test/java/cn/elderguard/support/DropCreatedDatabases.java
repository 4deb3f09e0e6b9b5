package cn.elderguard.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops the databases the test class's run created, once Spring has closed its context: declare it before
 * the Spring test annotation (so its afterAll runs after Spring's) and mark the class
 * {@code @DirtiesContext} (so Spring closes the context at the end of the class). For the benchmarks, which
 * promise a database they create and drop themselves.
 */
public class DropCreatedDatabases implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        PostgresTestDatabase.dropCreated();
    }
}
