package cn.elderguard.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Our Flyway migrations run after the engine has created or upgraded its ACT_* schema, so that they
 * may add indexes to engine tables (docs/decisions/001).
 */
@Component
class FlywayAfterEngineConfiguration extends AbstractDependsOnBeanFactoryPostProcessor {

    FlywayAfterEngineConfiguration() {
        super(FlywayMigrationInitializer.class, ProcessEngine.class);
    }
}
