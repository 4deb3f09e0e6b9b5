package cn.elderguard.engine;

import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.elderguard.system.RejectNulInRestRequests;

/**
 * ElderGuard's additions to Camunda's REST APIs: the NUL rule for their JSON (docs/decisions/015), the 503 for an
 * unreachable database (docs/decisions/016), the 400 for a refused completion and the engine's refusals in Chinese
 * ({@link CamundaRestErrors}), and the JSON mapper that takes Tasklist's task updates ({@link CamundaRestJson}), for
 * the engine REST API ({@code /engine-rest}) and for the
 * webapps' APIs ({@code /camunda/api/**}, what Tasklist, Cockpit and Admin call).
 */
@Configuration(proxyBeanMethods = false)
class CamundaRestProviders {

    /** The Jersey servlets of the webapps' REST APIs, as the webapp starter names them. */
    static final List<String> WEBAPP_API_SERVLETS = List.of("Cockpit Api", "Admin Api", "Tasklist Api", "Engine Api", "Welcome Api");
    private static final String JERSEY_PROVIDERS = "jersey.config.server.provider.classnames";
    /** The same for both doors. */
    static final List<Class<?>> PROVIDERS = List.of(RejectNulInRestRequests.class, CamundaRestErrors.ForEngine.class,
        CamundaRestErrors.ForRest.class, CamundaRestErrors.ForAny.class, CamundaRestJson.class);

    /** The engine REST API. */
    @Bean
    ResourceConfigCustomizer elderGuardEngineRestProviders() {
        return config -> PROVIDERS.forEach(config::register);
    }

    /**
     * The webapps' APIs: their Jersey servlets are registered by the webapp starter's initializer, not by Spring;
     * the providers join them as a Jersey init parameter, set right after that initializer ran and before any
     * servlet starts. (A servlet-context listener cannot do it: the Servlet specification forbids listeners added
     * by code to touch registrations.)
     */
    @Bean
    static BeanPostProcessor elderGuardWebappApiProviders() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof CamundaBpmWebappInitializer webapps) {
                    return (ServletContextInitializer) servletContext -> {
                        webapps.onStartup(servletContext);
                        addProviders(servletContext);
                    };
                }
                return bean;
            }
        };
    }

    static void addProviders(ServletContext servletContext) {
        String providers = String.join(",", PROVIDERS.stream().map(Class::getName).toList());
        for (String name : WEBAPP_API_SERVLETS) {
            ServletRegistration servlet = servletContext.getServletRegistration(name);
            if (servlet != null && !servlet.setInitParameter(JERSEY_PROVIDERS, providers)) {
                throw new IllegalStateException("The servlet '" + name + "' already names Jersey providers: "
                    + servlet.getInitParameter(JERSEY_PROVIDERS));
            }
        }
    }
}
