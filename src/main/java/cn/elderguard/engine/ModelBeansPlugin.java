package cn.elderguard.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Expressions resolve only the {@link ModelBean}s, at run time too: without a bean map the Spring engine resolves
 * every bean of the application (the data source, JdbcTemplate…), so a model deployed before the gate, or one that
 * slipped past it, could still reach them (docs/decisions/024). Scripts get the same map instead of the
 * application context.
 */
@Component
class ModelBeansPlugin extends AbstractProcessEnginePlugin {

    private final ModelBeans beans;
    private final ApplicationContext applicationContext;

    ModelBeansPlugin(ModelBeans beans, ApplicationContext applicationContext) {
        this.beans = beans;
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(beans.forExpressions());
        // The Spring factory bean made its expression manager before the plugins ran, without a bean map; one made
        // with the map resolves beans from the map only.
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, configuration.getBeans()));
    }
}
