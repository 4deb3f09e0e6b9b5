package cn.elderguard.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A database outage is 503 with a Chinese problem on every door, within the pool's connection timeout
 * (3 s, application.yaml), and the application recovers by itself when the database returns
 * (docs/decisions/016-database-outage.md). Camunda's REST APIs get their mappers from {@link CamundaRestProviders}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

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

    /** Replaces Spring Boot's transaction manager (same kind, same customizers): a lost connection stays a 503. */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = new LostConnectionTransactionManager(dataSource);
        customizers.ifAvailable(each -> each.customize(manager));
        return manager;
    }
}
