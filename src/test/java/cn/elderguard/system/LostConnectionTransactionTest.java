package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.support.ElderGuardTest;

/**
 * A commit on a connection whose server process has ended (a restart, an administrator's kill) fails as "the database
 * is out of reach", answered 503, not with the failed rollback that follows it, answered 500
 * (docs/decisions/044-fault-drills.md). Real PostgreSQL: the test ends its own transaction's server process.
 */
@ElderGuardTest
class LostConnectionTransactionTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aCommitOnAConnectionTheServerEndedIsADatabaseOutage() {
        Throwable failure = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
            terminate(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single())));

        assertThat(failure).as("the commit's own failure").isInstanceOf(DataAccessResourceFailureException.class)
            .hasMessageContaining("commit");
        assertThat(DatabaseUnavailable.isCause(failure)).isTrue();
    }

    /** Ends the server process of the transaction's connection, from another connection of the pool. */
    private void terminate(int backend) {
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + backend + ")");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (ResultSet alive = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + backend)) {
                    return alive.next() && alive.getInt(1) == 0;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
