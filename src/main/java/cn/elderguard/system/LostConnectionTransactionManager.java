package cn.elderguard.system;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring Boot's JDBC transaction manager, except that it does not roll back on a connection the pool has already
 * closed. The pool closes a connection as soon as a statement or a commit on it fails with a connection error (the
 * database went down or restarted); the server ends that transaction with the connection. Rolling back then can only
 * fail with "Connection is closed", an exception without SQL state that replaced the one saying the database was out
 * of reach: a commit cut by a restart was answered 500 instead of 503 (docs/decisions/044-fault-drills.md).
 */
class LostConnectionTransactionManager extends JdbcTransactionManager {

    private static final Logger log = LoggerFactory.getLogger(LostConnectionTransactionManager.class);

    LostConnectionTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        if (connectionClosed(status)) {
            log.debug("No rollback: the pool closed the connection after a connection error; the server ended the transaction");
            return;
        }
        super.doRollback(status);
    }

    private static boolean connectionClosed(DefaultTransactionStatus status) {
        try {
            return ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection().isClosed();
        } catch (SQLException e) {
            return false;
        }
    }
}
