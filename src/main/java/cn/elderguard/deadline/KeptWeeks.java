package cn.elderguard.deadline;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.system.Now;

/**
 * Finished weeks' figures, kept per unit in EG_DEADLINE_WEEK (docs/console.md, "Weekly trend"; docs/decisions/041):
 * the trend's, and the tasks due in the week and done by their due moment (the unit assessment's). None of them changes
 * when tasks are later created, completed or escalated, so each week is computed once for the whole installation and a
 * dashboard or an assessment adds up the kept rows of its scope instead of scanning months of deadlines. Only a write that reaches back into a kept week (a due date moved into or out of the past, a task dated
 * before now) changes one; it drops the kept weeks from that one on ({@link #touched}), and the next dashboard keeps
 * them again. A week is kept only an hour after it ended, by the engine's clock and the machine's both, so that
 * transactions still open at its end and nodes whose clocks differ are in it.
 */
@Service
class KeptWeeks {

    /** How long after its end a week is kept; a write dated further back than this drops the kept weeks it reaches. */
    static final Duration SETTLED = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    KeptWeeks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Monday 00:00 of the week holding {@code moment}, in the installation's zone. */
    static LocalDate weekOf(Instant moment) {
        return moment.atZone(Now.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Instant start(LocalDate week) {
        return week.atStartOfDay(Now.zone()).toInstant();
    }

    /**
     * Whether a week may be kept at {@code now}: it ended at least {@link #SETTLED} ago by the engine's clock and by the
     * machine's. The machine's clock matters where the engine's is set ahead of it (tests): a week that has not ended in
     * real time may still receive tasks.
     */
    static boolean settled(LocalDate week, Instant now) {
        Instant end = start(week.plusWeeks(1)).plus(SETTLED);
        return !end.isAfter(now) && !end.isAfter(Instant.now());
    }

    /**
     * Keeps those of {@code weeks} not kept yet, each in one statement over the whole installation, in a transaction of
     * its own. Nodes asking at once take turns on the lock row and the later one finds the weeks kept.
     */
    void keep(Collection<LocalDate> weeks) {
        if (weeks.isEmpty() || kept(weeks).containsAll(weeks)) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            lock();
            Set<LocalDate> kept = kept(weeks);
            for (LocalDate week : weeks) {
                if (kept.contains(week)) {
                    continue;
                }
                jdbc.sql("INSERT INTO EG_DEADLINE_WEEK (WEEK_START, REGION_CODE, AGENCY, CREATED, COMPLETED, COMPLETED_LATE, OVERDUE_AT_END,"
                        + " DUE, DUE_ON_TIME) SELECT :week, REGION_CODE, AGENCY, " + DeadlineBoard.WEEK_SUMS + ", SUM(DUE), SUM(DUE_ON_TIME) FROM ("
                        + DeadlineBoard.weekFigures(null, true, true) + ") F GROUP BY REGION_CODE, AGENCY")
                    .paramSource(DeadlineBoard.weekParameters(start(week), start(week.plusWeeks(1)), start(week.plusWeeks(1)))
                        .addValue("week", Date.valueOf(week)))
                    .update();
                jdbc.sql("INSERT INTO EG_DEADLINE_WEEK_KEPT (WEEK_START, KEPT_AT) VALUES (?, ?)")
                    .params(Date.valueOf(week), Timestamp.from(Instant.now())).update();
            }
        });
    }

    private Set<LocalDate> kept(Collection<LocalDate> weeks) {
        return new HashSet<>(jdbc.sql("SELECT WEEK_START FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START IN (:weeks)")
            .param("weeks", weeks.stream().map(Date::valueOf).toList())
            .query((rs, row) -> rs.getDate(1).toLocalDate()).list());
    }

    /**
     * A deadline row was written with a moment reaching back to {@code from} (a creation or completion dated then): the
     * kept weeks ending after it are dropped. {@link #touched(Instant, Instant)} for a due date moved.
     */
    void touched(Instant from) {
        touched(from, null);
    }

    /**
     * A deadline row's figures changed for the weeks from {@code from} to {@code through} (a due date moved between the
     * two; null: every later week): kept weeks among them are dropped, in the writer's transaction, so the drop commits
     * with the write. Every kept week ended {@link #SETTLED} before the machine's clock, so a write dated later than that,
     * as every write is in normal running, reaches none and costs nothing here.
     */
    void touched(Instant from, Instant through) {
        if (!from.plus(SETTLED).isBefore(Instant.now())) {
            return;
        }
        lock();
        Date first = Date.valueOf(weekOf(from));
        Date last = Date.valueOf(through == null ? LocalDate.of(9999, 12, 31) : weekOf(through));
        jdbc.sql("DELETE FROM EG_DEADLINE_WEEK_KEPT WHERE WEEK_START BETWEEN ? AND ?").params(first, last).update();
        jdbc.sql("DELETE FROM EG_DEADLINE_WEEK WHERE WEEK_START BETWEEN ? AND ?").params(first, last).update();
    }

    /** Keeping and dropping take turns: a week is never kept from a snapshot that misses a write dropping it. */
    private void lock() {
        jdbc.sql("SELECT ID FROM EG_DEADLINE_WEEK_LOCK WHERE ID = 1 FOR UPDATE").query(Integer.class).single();
    }
}
