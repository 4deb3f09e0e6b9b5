package cn.elderguard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window request limits for the pages anyone can reach, counted in the database so that every node
 * of a cluster shares them. Clients are told apart by a salted hash of their address: the address itself
 * (a tipster's, possibly) is never stored. Behind a reverse proxy set {@code server.forward-headers-strategy}.
 */
@Component
public class PublicRateLimiter {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String salt;

    PublicRateLimiter(JdbcClient jdbc, PlatformTransactionManager transactions,
                      @Value("${elderguard.public.client-key-salt}") String salt) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.salt = salt;
    }

    /** Counts this request; throws {@link RateLimitedException} once {@code limit} is exceeded in the window. */
    public void check(HttpServletRequest request, String action, int limit, Duration window) {
        String client = clientKey(request.getRemoteAddr());
        long windowMillis = window.toMillis();
        Instant now = Instant.now();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        Integer hits = ownTransaction.execute(status -> count(client, action, Timestamp.from(start), now.minus(Duration.ofDays(1))));
        if (hits != null && hits > limit) {
            throw new RateLimitedException("操作过于频繁，请稍后再试", Duration.between(now, start.plus(window)));
        }
    }

    private Integer count(String client, String action, Timestamp windowStart, Instant expired) {
        int updated = jdbc.sql("UPDATE EG_RATE_LIMIT SET HITS = HITS + 1 WHERE CLIENT_KEY = ? AND ACTION = ? AND WINDOW_START = ?")
            .params(client, action, windowStart).update();
        if (updated == 0) {
            // A new window: first forget windows older than a day, so the table stays small without a scheduler.
            jdbc.sql("DELETE FROM EG_RATE_LIMIT WHERE WINDOW_START < ?").param(Timestamp.from(expired)).update();
            try {
                jdbc.sql("INSERT INTO EG_RATE_LIMIT (CLIENT_KEY, ACTION, WINDOW_START, HITS) VALUES (?, ?, ?, 1)")
                    .params(client, action, windowStart).update();
                return 1;
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE EG_RATE_LIMIT SET HITS = HITS + 1 WHERE CLIENT_KEY = ? AND ACTION = ? AND WINDOW_START = ?")
                    .params(client, action, windowStart).update();
            }
        }
        return jdbc.sql("SELECT HITS FROM EG_RATE_LIMIT WHERE CLIENT_KEY = ? AND ACTION = ? AND WINDOW_START = ?")
            .params(client, action, windowStart).query(Integer.class).single();
    }

    private String clientKey(String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + "|" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
