package cn.elderguard.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.elderguard.system.Now;

/**
 * Service levels (EG_SERVICE_LEVEL). Rows come from {@code deadline/service-levels.yaml}, refreshed on every
 * start, unless an administrator has set the row through the API: the administrator's row then wins
 * until deleted. Read once per task creation (a primary-key lookup), never cached, so every node sees a
 * change at once.
 */
@Repository
public class ServiceLevels implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ServiceLevels.class);
    private static final String COLUMNS = "PROCESS_KEY, TASK_KEY, DUE_DAYS, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER";

    private final JdbcClient jdbc;
    private final Resource file;

    ServiceLevels(JdbcClient jdbc, @Value("${elderguard.deadlines.service-levels:classpath:deadline/service-levels.yaml}") Resource file) {
        this.jdbc = jdbc;
        this.file = file;
    }

    /** The most specific level for a task: (process, task), else (process, *), else (*, *). */
    public ServiceLevel of(String processKey, String taskKey) {
        List<ServiceLevel> candidates = jdbc.sql("SELECT " + COLUMNS + " FROM EG_SERVICE_LEVEL WHERE PROCESS_KEY IN (?, '*')"
                + " AND TASK_KEY IN (?, '*')")
            .params(processKey, taskKey).query(ServiceLevels::row).list();
        return candidates.stream()
            .max(java.util.Comparator.comparingInt(level -> specificity(level, processKey, taskKey)))
            .orElseThrow(() -> new IllegalStateException("no service level for " + processKey + "/" + taskKey
                + " and no default row (*, *) in EG_SERVICE_LEVEL"));
    }

    private static int specificity(ServiceLevel level, String processKey, String taskKey) {
        return (level.processKey().equals(processKey) ? 2 : 0) + (level.taskKey().equals(taskKey) ? 1 : 0);
    }

    /**
     * The tasks of a process that have a row of their own (not only the {@code *} defaults): the file's or an
     * administrator's. The file counts even before its rows are loaded, so the answer holds while the application starts.
     */
    public Set<String> tasksWithOwnLevel(String processKey) {
        Set<String> tasks = new HashSet<>(jdbc.sql("SELECT TASK_KEY FROM EG_SERVICE_LEVEL WHERE PROCESS_KEY = ?")
            .param(processKey).query(String.class).list());
        read(file).stream().filter(level -> level.processKey().equals(processKey)).forEach(level -> tasks.add(level.taskKey()));
        tasks.remove(ServiceLevel.ANY);
        return tasks;
    }

    public List<Entry> all() {
        return jdbc.sql("SELECT " + COLUMNS + ", SOURCE, UPDATED_AT, UPDATED_BY FROM EG_SERVICE_LEVEL ORDER BY PROCESS_KEY, TASK_KEY")
            .query((rs, row) -> new Entry(row(rs, row), rs.getString("SOURCE"), rs.getTimestamp("UPDATED_AT").toInstant(),
                rs.getString("UPDATED_BY")))
            .list();
    }

    /** An administrator's setting; applies to tasks created from now on. */
    @Transactional
    public void set(ServiceLevel level, String userId) {
        upsert(level, "ADMIN", userId);
        log.info("Service level {}/{} set by {}: {}", level.processKey(), level.taskKey(), userId, level);
    }

    /** Drops an administrator's setting: the file's row (or the default) applies again to new tasks. */
    @Transactional
    public void revert(String processKey, String taskKey, String userId) {
        jdbc.sql("DELETE FROM EG_SERVICE_LEVEL WHERE PROCESS_KEY = ? AND TASK_KEY = ? AND SOURCE = 'ADMIN'")
            .params(processKey, taskKey).update();
        read(file).stream().filter(level -> level.processKey().equals(processKey) && level.taskKey().equals(taskKey))
            .forEach(level -> upsert(level, "FILE", null));
        log.info("Service level {}/{} reverted to {} by {}", processKey, taskKey, file.getDescription(), userId);
    }

    /**
     * Refreshes the rows that come from the file; rows an administrator set are kept. Each row is its own
     * statement (no surrounding transaction): when two nodes start together, the loser of an insert race
     * skips that row instead of aborting the rest.
     */
    @Override
    public void afterSingletonsInstantiated() {
        List<ServiceLevel> levels = read(file);
        for (ServiceLevel level : levels) {
            boolean admin = jdbc.sql("SELECT COUNT(*) FROM EG_SERVICE_LEVEL WHERE PROCESS_KEY = ? AND TASK_KEY = ? AND SOURCE = 'ADMIN'")
                .params(level.processKey(), level.taskKey()).query(Long.class).single() > 0;
            if (!admin) {
                try {
                    upsert(level, "FILE", null);
                } catch (DuplicateKeyException e) {
                    // Another node starting at the same moment inserted the same row from the same file.
                }
            }
        }
        log.info("{} service levels from {}", levels.size(), file.getDescription());
    }

    private void upsert(ServiceLevel level, String source, String userId) {
        Timestamp now = Now.timestamp();
        String steps = level.escalationDaysAfter().stream().map(String::valueOf).collect(Collectors.joining(","));
        int updated = jdbc.sql("UPDATE EG_SERVICE_LEVEL SET DUE_DAYS = ?, WORKING_DAYS = ?, REMINDER_DAYS_BEFORE = ?,"
                + " ESCALATION_DAYS_AFTER = ?, SOURCE = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE PROCESS_KEY = ? AND TASK_KEY = ?")
            .params(level.dueDays(), level.workingDays(), level.reminderDaysBefore(), steps, source, now, userId,
                level.processKey(), level.taskKey())
            .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO EG_SERVICE_LEVEL (" + COLUMNS + ", SOURCE, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(level.processKey(), level.taskKey(), level.dueDays(), level.workingDays(), level.reminderDaysBefore(),
                    steps, source, now, userId)
                .update();
        }
    }

    @SuppressWarnings("unchecked")
    static List<ServiceLevel> read(Resource file) {
        Map<String, Object> root;
        try (InputStream in = file.getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.getDescription(), e);
        }
        List<ServiceLevel> levels = new ArrayList<>();
        int index = 0;
        for (Map<String, Object> row : (List<Map<String, Object>>) root.get("service-levels")) {
            index++;
            try {
                ServiceLevel level = new ServiceLevel(String.valueOf(row.get("process")), String.valueOf(row.get("task")),
                    (Integer) row.get("due"), (Boolean) row.getOrDefault("working-days", true),
                    (Integer) row.getOrDefault("reminder-before", 0), (List<Integer>) row.get("escalate-after"));
                if (!level.problems().isEmpty()) {
                    throw new IllegalArgumentException(String.join("; ", level.problems()));
                }
                levels.add(level);
            } catch (RuntimeException e) {
                throw new IllegalStateException(file.getDescription() + ", service level " + index + " " + row + ": " + e.getMessage(), e);
            }
        }
        if (levels.stream().noneMatch(l -> l.processKey().equals(ServiceLevel.ANY) && l.taskKey().equals(ServiceLevel.ANY))) {
            throw new IllegalStateException(file.getDescription() + " needs a default row with process \"*\" and task \"*\"");
        }
        return levels;
    }

    private static ServiceLevel row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ServiceLevel(rs.getString("PROCESS_KEY"), rs.getString("TASK_KEY"), rs.getInt("DUE_DAYS"),
            rs.getBoolean("WORKING_DAYS"), rs.getInt("REMINDER_DAYS_BEFORE"),
            Arrays.stream(rs.getString("ESCALATION_DAYS_AFTER").split(",")).map(String::trim).map(Integer::valueOf).toList());
    }

    /** A service level with where it came from. */
    public record Entry(ServiceLevel level, String source, Instant updatedAt, String updatedBy) {
    }
}
