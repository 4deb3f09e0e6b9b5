package cn.elderguard.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, network cut, pool timed out)
 * from every other failure, wherever it surfaces: Spring's data-access exceptions, the engine's exceptions
 * that wrap them, JDBC's own. Such a failure is answered 503 with a Chinese problem on every door; the pool
 * reconnects by itself once the database is back (docs/decisions/016-database-outage.md).
 */
public final class DatabaseUnavailable {

    public static final int STATUS = 503;
    public static final String TITLE = "数据库暂时不可用";
    public static final String DETAIL = "数据库暂时不可用，请稍后重试；如长时间无法恢复，请联系系统管理员";
    /** Seconds a client should wait before retrying (the pool's connection timeout is 3 s). */
    public static final String RETRY_AFTER_SECONDS = "10";

    private static final int MAX_CAUSES = 64;

    private DatabaseUnavailable() {
    }

    /**
     * True when {@code failure}, any of its causes, or a failure it replaced says the database cannot be reached:
     * a rollback that failed after the connection broke hides the application's exception
     * ({@link TransactionSystemException#getApplicationException()}), and the closed connection's own
     * exception carries no SQL state.
     */
    public static boolean isCause(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
            Throwable cause = pending.poll();
            if (!seen.add(cause)) {
                continue;
            }
            // DataAccessResourceFailureException includes CannotGetJdbcConnectionException.
            if (cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            add(pending, cause.getCause());
            if (cause instanceof TransactionSystemException transaction) {
                add(pending, transaction.getApplicationException());
            }
            if (cause instanceof SQLException sql) {
                add(pending, sql.getNextException());
            }
            Arrays.stream(cause.getSuppressed()).forEach(suppressed -> add(pending, suppressed));
        }
        return false;
    }

    private static void add(Deque<Throwable> pending, Throwable cause) {
        if (cause != null) {
            pending.add(cause);
        }
    }

    /**
     * SQL state class 08 (connection exception) and PostgreSQL's 57P01–57P03 (the server shuts down, was
     * terminated, cannot accept connections yet).
     */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** The problem body (RFC 9457, with {@code message} for Camunda's clients). */
    public static Map<String, Object> body() {
        return ProblemResponses.body(STATUS, TITLE, DETAIL);
    }
}
