package cn.elderguard.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, the driver sends a JDBC batch of one INSERT as multi-row INSERTs ({@code reWriteBatchedInserts}):
 * the engine flushes a command's rows as such batches, so a chunk of batch intake writes each engine table in a few
 * statements instead of one per row (docs/decisions/047-batched-inserts.md). A {@code reWriteBatchedInserts} in
 * {@code DB_URL} wins over this default.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty(PROPERTY, "true");
        }
        return bean;
    }
}
