package cn.elderguard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.system.RateLimitedException;

/**
 * Fixed-window counts per client address, kept in the database so that every node of a cluster shares them:
 * the public pages' request limits and failed logins. Clients are told apart by a salted hash of their address:
 * the address itself (a tipster's, possibly) is never stored. Behind a reverse proxy set
 * {@code server.forward-headers-strategy}.
 */
@Component
public class ClientRateLimiter {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String salt;

    ClientRateLimiter(JdbcClient jdbc, PlatformTransactionManager transactions,
                      @Value("${elderguard.public.client-key-salt}") String salt) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.salt = salt;
    }

    /** Counts this request; throws {@link RateLimitedException} once {@code limit} is exceeded in the window. */
    public void check(HttpServletRequest request, String action, int limit, Duration window) {
        Window current = Window.of(window);
        Integer hits = ownTransaction.execute(status -> increment(clientKey(request), action, current));
        if (hits != null && hits > limit) {
            throw new RateLimitedException("操作过于频繁，请稍后再试", current.remaining());
        }
    }

    /** How long the client must wait when it already reached {@code limit} in the current window; empty otherwise. */
    Optional<Duration> blocked(HttpServletRequest request, String action, int limit, Duration window) {
        Window current = Window.of(window);
        Integer hits = jdbc.sql("SELECT HITS FROM EG_RATE_LIMIT WHERE CLIENT_KEY = ? AND ACTION = ? AND WINDOW_START = ?")
            .params(clientKey(request), action, current.start()).query(Integer.class).optional().orElse(0);
        return hits >= limit ? Optional.of(current.remaining()) : Optional.empty();
    }

    /** Counts one event of {@code action} for the client in the current window. */
    void count(HttpServletRequest request, String action, Duration window) {
        Window current = Window.of(window);
        ownTransaction.execute(status -> increment(clientKey(request), action, current));
    }

    private Integer increment(String client, String action, Window window) {
        int updated = jdbc.sql("UPDATE EG_RATE_LIMIT SET HITS = HITS + 1 WHERE CLIENT_KEY = ? AND ACTION = ? AND WINDOW_START = ?")
            .params(client, action, window.start()).update();
        if (updated == 0) {
            // A new window: first forget windows older than a day, so the table stays small without a scheduler.
            jdbc.sql("DELETE FROM EG_RATE_LIMIT WHERE WINDOW_START < ?").param(Timestamp.from(window.now().minus(Duration.ofDays(1))))
                .update();
            try {
                jdbc.sql("INSERT INTO EG_RATE_LIMIT (CLIENT_KEY, ACTION, WINDOW_START, HITS) VALUES (?, ?, ?, 1)")
                    .params(client, action, window.start()).update();
                return 1;
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE EG_RATE_LIMIT SET HITS = HITS + 1 WHERE CLIENT_KEY = ? AND ACTION = ? AND WINDOW_START = ?")
                    .params(client, action, window.start()).update();
            }
        }
        return jdbc.sql("SELECT HITS FROM EG_RATE_LIMIT WHERE CLIENT_KEY = ? AND ACTION = ? AND WINDOW_START = ?")
            .params(client, action, window.start()).query(Integer.class).single();
    }

    private String clientKey(HttpServletRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + "|" + request.getRemoteAddr()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixed window that contains now. */
    private record Window(Instant now, Timestamp start, Duration remaining) {

        static Window of(Duration length) {
            // Wall-clock time, not the engine's clock (system/Now): an attacker's attempts happen in real time, and
            // a test that moves the engine's clock must not open or close the login windows.
            Instant now = Instant.now();
            long millis = length.toMillis();
            Instant start = Instant.ofEpochMilli(now.toEpochMilli() / millis * millis);
            return new Window(now, Timestamp.from(start), Duration.between(now, start.plus(length)));
        }
    }
}
