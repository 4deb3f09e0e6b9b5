package cn.elderguard.system;

import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A database outage is 503 with a Chinese problem on every door, within the pool's connection timeout
 * (3 s, application.yaml), and the application recovers by itself when the database returns
 * (docs/decisions/016-database-outage.md).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    /** The Jersey servlets of the Camunda webapps' REST APIs, as the webapp starter names them. */
    static final List<String> WEBAPP_API_SERVLETS = List.of("Cockpit Api", "Admin Api", "Tasklist Api", "Engine Api", "Welcome Api");
    private static final String JERSEY_PROVIDERS = "jersey.config.server.provider.classnames";

    /** Failures that surface outside any handler: logins, session filters, rate limits (see the filter). */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
        @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath) {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(actuatorPath + "/health"));
        registration.setName("database-unavailable");
        // Around Spring Security (order -100) and the engine REST login filter, inside MalformedRequestFilter.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** The engine REST API: failures after its login (its other mappers: admin/FormSubmissionExceptionMapper). */
    @Bean
    ResourceConfigCustomizer databaseUnavailableEngineRest() {
        return config -> config.register(DatabaseUnavailableMappers.ForAny.class);
    }

    /**
     * The webapps' REST APIs ({@code /camunda/api/**}): their Jersey servlets are registered by the webapp
     * starter's initializer, not by Spring; the mappers join them as a Jersey init parameter, set right after
     * that initializer ran and before any servlet starts. (A listener cannot do it: the Servlet specification
     * forbids programmatic listeners to touch registrations.)
     */
    @Bean
    static BeanPostProcessor databaseUnavailableWebappApis() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof CamundaBpmWebappInitializer webapps) {
                    return (ServletContextInitializer) servletContext -> {
                        webapps.onStartup(servletContext);
                        addMappers(servletContext);
                    };
                }
                return bean;
            }
        };
    }

    static void addMappers(ServletContext servletContext) {
        String mappers = String.join(",", DatabaseUnavailableMappers.ForEngine.class.getName(),
            DatabaseUnavailableMappers.ForRest.class.getName(), DatabaseUnavailableMappers.ForAny.class.getName());
        for (String name : WEBAPP_API_SERVLETS) {
            ServletRegistration servlet = servletContext.getServletRegistration(name);
            if (servlet != null && !servlet.setInitParameter(JERSEY_PROVIDERS, mappers)) {
                throw new IllegalStateException("The servlet '" + name + "' already names Jersey providers: "
                    + servlet.getInitParameter(JERSEY_PROVIDERS));
            }
        }
    }
}
