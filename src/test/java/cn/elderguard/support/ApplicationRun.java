package cn.elderguard.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.elderguard.ElderGuardApplication;

/**
 * Starts the application outside Spring's test context cache, for tests about start-up itself
 * (restarts, broken models, wrong settings). Each run gets its own engine name so that it never
 * replaces the engine of a cached test context in the JVM-wide engine registry.
 */
public final class ApplicationRun {

    private ApplicationRun() {
    }

    /** Starts the application on a free port against {@code databaseUrl} with extra arguments. */
    public static ConfigurableApplicationContext start(String databaseUrl, String... arguments) {
        List<String> all = new ArrayList<>(List.of(PostgresTestDatabase.datasourceArguments(databaseUrl)));
        all.add("--camunda.bpm.process-engine-name=run" + UUID.randomUUID().toString().substring(0, 8));
        all.add("--spring.profiles.active=test");
        all.add("--server.port=0");
        // The webapps keep their Spring context in a static field; a second one in this JVM would break them.
        all.add("--camunda.bpm.webapp.enabled=false");
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(ElderGuardApplication.class).run(all.toArray(String[]::new));
    }
}
