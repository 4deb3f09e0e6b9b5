package cn.elderguard.admin;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Puts {@link TaskVariableGuard} in front of both doors to the engine's REST resources. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class VariableDoorsConfiguration {

    /** Last of our filters: after the engine REST login and the door rules (security/SecurityConfiguration). */
    @Bean
    FilterRegistrationBean<TaskVariableGuard> taskVariableGuard(ProcessEngine engine, TaskForms forms, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new TaskVariableGuard(engine, forms, json));
        registration.setName("task-variable-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
