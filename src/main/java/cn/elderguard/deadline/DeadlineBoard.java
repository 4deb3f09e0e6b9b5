package cn.elderguard.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.Now;

/**
 * The console's deadline figures and lists (docs/console.md, "Deadlines") over EG_TASK_DEADLINE and EG_ESCALATION.
 * Every figure is one grouped query over an index range (V18 names the index of each); every list and its total share
 * the figure's predicate ({@link #openTasks}, {@link #escalations}), so a number's list holds exactly what it counts.
 * Exports stream the whole list with a fetch size inside a read-only transaction (PostgreSQL fetches with a cursor
 * only then), so memory stays bounded.
 */
@Service
public class DeadlineBoard {

    /** DUE_SOON: due within this many working days (docs/console.md). */
    static final int DUE_SOON_WORKING_DAYS = 2;
    public static final int TREND_WEEKS = 12;
    private static final int FETCH_SIZE = 500;
    private static final String TASK_COLUMNS = "TASK_ID, CASE_ID, INSTITUTION_NAME, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY, REGION_CODE,"
        + " CREATED_AT, DUE_AT, ESCALATION_STEP, ESCALATED_TO";
    /**
     * The lists' order: by due date, then task id. COMPLETED_AT (NULL on every open task) leads so that PostgreSQL walks
     * EG_IDX_TASK_DEADLINE_DUE_ORDER in this order and stops after the page; it does not take {@code IS NULL} as an
     * equality that would let an ORDER BY of DUE_AT alone use the index (it sorted all of a province's open tasks).
     */
    private static final String TASK_ORDER = " ORDER BY COMPLETED_AT, DUE_AT, TASK_ID";
    private static final String ESCALATION_COLUMNS = "ID, TASK_ID, CASE_ID, TASK_NAME, AGENCY, REGION_CODE, DUE_AT, STEP, KIND, ESCALATED_TO,"
        + " RECORDED_AT";

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final WorkingCalendar calendar;

    DeadlineBoard(DataSource dataSource, PlatformTransactionManager transactions, WorkingCalendar calendar) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.calendar = calendar;
    }

    /** The moment of a request: now, and the end of DUE_SOON (two working days on). Figures and lists of one request share it. */
    public At at() {
        Instant now = Now.instant();
        return new At(now, calendar.plusWorkingDays(now.atZone(Now.zone()), DUE_SOON_WORKING_DAYS).toInstant());
    }

    // ------------------------------------------------------------------------------------------------ open tasks

    /** Open tasks per unit (AGENCY, REGION_CODE) with the count of each state, in region then agency order. */
    public List<UnitCounts> byUnit(DeadlineFilter filter, At at) {
        MapSqlParameterSource params = parameters(at);
        return jdbc.query("SELECT AGENCY, REGION_CODE, " + stateCounts() + " FROM EG_TASK_DEADLINE WHERE "
                + openTasks(filter, DeadlineState.OPEN, params) + " GROUP BY AGENCY, REGION_CODE ORDER BY REGION_CODE, AGENCY",
            params, (rs, row) -> new UnitCounts(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2)), counts(rs, 3)));
    }

    /**
     * Open tasks per task type (PROCESS_KEY, TASK_KEY) with the count of each state, in process then task order; the
     * name is the type's (the latest model's, should versions differ), as a filter by task key lists all of them.
     */
    public List<TaskTypeCounts> byTaskType(DeadlineFilter filter, At at) {
        MapSqlParameterSource params = parameters(at);
        return jdbc.query("SELECT PROCESS_KEY, TASK_KEY, MAX(TASK_NAME), " + stateCounts() + " FROM EG_TASK_DEADLINE WHERE "
                + openTasks(filter, DeadlineState.OPEN, params) + " GROUP BY PROCESS_KEY, TASK_KEY ORDER BY PROCESS_KEY, TASK_KEY",
            params, (rs, row) -> new TaskTypeCounts(rs.getString(1), rs.getString(2), rs.getString(3), counts(rs, 4)));
    }

    /** A page of the open tasks in {@code state}, by due date then task id. */
    public List<OpenTask> tasks(DeadlineFilter filter, DeadlineState state, At at, int offset, int limit) {
        MapSqlParameterSource params = parameters(at).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT " + TASK_COLUMNS + " FROM EG_TASK_DEADLINE WHERE " + openTasks(filter, state, params)
            + TASK_ORDER + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", params, DeadlineBoard::openTask);
    }

    /** How many tasks {@link #tasks} lists on all pages. */
    public long countTasks(DeadlineFilter filter, DeadlineState state, At at) {
        MapSqlParameterSource params = parameters(at);
        return jdbc.queryForObject("SELECT COUNT(*) FROM EG_TASK_DEADLINE WHERE " + openTasks(filter, state, params), params, Long.class);
    }

    /** Every task {@link #tasks} lists, in its order, one at a time (an export). */
    public void eachTask(DeadlineFilter filter, DeadlineState state, At at, Consumer<OpenTask> consumer) {
        MapSqlParameterSource params = parameters(at);
        String sql = "SELECT " + TASK_COLUMNS + " FROM EG_TASK_DEADLINE WHERE " + openTasks(filter, state, params) + TASK_ORDER;
        readOnly.executeWithoutResult(status -> streaming.query(sql, params, rs -> {
            consumer.accept(openTask(rs, 0));
        }));
    }

    /**
     * The predicate of every open-task figure and list (served by EG_IDX_TASK_DEADLINE_BOARD: COMPLETED_AT IS NULL,
     * then the region range): the filter, then the state's condition.
     */
    private static String openTasks(DeadlineFilter filter, DeadlineState state, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("COMPLETED_AT IS NULL AND ").append(scope(filter, params));
        if (state.condition() != null) {
            where.append(" AND ").append(state.condition());
        }
        return where.toString();
    }

    /** OPEN, then each narrower state's condition counted among the open tasks: the same conditions the lists use. */
    private static String stateCounts() {
        StringBuilder columns = new StringBuilder("COUNT(*)");
        for (DeadlineState state : DeadlineState.values()) {
            if (state.condition() != null) {
                columns.append(", SUM(CASE WHEN ").append(state.condition()).append(" THEN 1 ELSE 0 END)");
            }
        }
        return columns.toString();
    }

    private static StateCounts counts(ResultSet rs, int column) throws SQLException {
        return new StateCounts(rs.getLong(column), rs.getLong(column + 1), rs.getLong(column + 2), rs.getLong(column + 3));
    }

    // ------------------------------------------------------------------------------------------------ trend

    /**
     * The last {@value #TREND_WEEKS} weeks, Monday to Sunday in the installation's zone, the current one last: tasks
     * created, completed, completed after their due moment, and open and overdue at the week's end (or now, for the
     * current week). Three grouped queries: created in the window (EG_IDX_TASK_DEADLINE_CREATED), completed since its
     * start (EG_IDX_TASK_DEADLINE_BOARD's range) and still open (its NULL section).
     */
    public List<Week> trend(DeadlineFilter filter, At at) {
        LocalDate firstMonday = at.now().atZone(Now.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusWeeks(TREND_WEEKS - 1L);
        MapSqlParameterSource params = new MapSqlParameterSource();
        for (int week = 0; week <= TREND_WEEKS; week++) {
            Instant start = firstMonday.plusWeeks(week).atStartOfDay(Now.zone()).toInstant();
            params.addValue("b" + week, Timestamp.from(start));
            if (week > 0) {
                params.addValue("e" + (week - 1), Timestamp.from(start.isAfter(at.now()) ? at.now() : start));
            }
        }
        String scope = scope(filter, params);
        StringBuilder created = new StringBuilder("SELECT ");
        StringBuilder completed = new StringBuilder("SELECT ");
        StringBuilder open = new StringBuilder("SELECT ");
        for (int week = 0; week < TREND_WEEKS; week++) {
            String separator = week == 0 ? "" : ", ";
            String b = ":b" + week;
            String next = ":b" + (week + 1);
            String end = ":e" + week;
            String overdueAtEnd = "DUE_AT < " + end + " AND CREATED_AT < " + end;
            created.append(separator).append(sum("CREATED_AT >= " + b + " AND CREATED_AT < " + next));
            completed.append(separator).append(sum("COMPLETED_AT >= " + b + " AND COMPLETED_AT < " + next)).append(", ")
                .append(sum("COMPLETED_AT >= " + b + " AND COMPLETED_AT < " + next + " AND COMPLETED_AT > DUE_AT")).append(", ")
                .append(sum("COMPLETED_AT >= " + end + " AND " + overdueAtEnd));
            open.append(separator).append(sum(overdueAtEnd));
        }
        long[] createdCounts = sums(created + " FROM EG_TASK_DEADLINE WHERE CREATED_AT >= :b0 AND CREATED_AT < :b" + TREND_WEEKS
            + " AND " + scope, params, TREND_WEEKS);
        long[] completedCounts = sums(completed + " FROM EG_TASK_DEADLINE WHERE COMPLETED_AT >= :b0 AND " + scope, params, 3 * TREND_WEEKS);
        long[] openCounts = sums(open + " FROM EG_TASK_DEADLINE WHERE COMPLETED_AT IS NULL AND " + scope, params, TREND_WEEKS);
        List<Week> weeks = new ArrayList<>();
        for (int week = 0; week < TREND_WEEKS; week++) {
            weeks.add(new Week(firstMonday.plusWeeks(week), createdCounts[week], completedCounts[3 * week], completedCounts[3 * week + 1],
                completedCounts[3 * week + 2] + openCounts[week]));
        }
        return weeks;
    }

    private static String sum(String condition) {
        return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private long[] sums(String sql, MapSqlParameterSource params, int columns) {
        return jdbc.query(sql, params, rs -> {
            long[] values = new long[columns];
            if (rs.next()) {
                for (int column = 0; column < columns; column++) {
                    values[column] = rs.getLong(column + 1);
                }
            }
            return values;
        });
    }

    // ------------------------------------------------------------------------------------------------ escalation ledger

    /** A page of the ledger's records of {@code kind} recorded since {@code since}, newest first. */
    public List<EscalationRecord> escalations(DeadlineFilter filter, EscalationKind kind, Instant since, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT " + ESCALATION_COLUMNS + " FROM EG_ESCALATION WHERE " + escalations(filter, kind, since, params)
            + " ORDER BY RECORDED_AT DESC, ID DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", params, DeadlineBoard::escalation);
    }

    /** How many records {@link #escalations} lists on all pages: the summary's "escalations in the last n days". */
    public long countEscalations(DeadlineFilter filter, EscalationKind kind, Instant since) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.queryForObject("SELECT COUNT(*) FROM EG_ESCALATION WHERE " + escalations(filter, kind, since, params), params, Long.class);
    }

    /** Every record {@link #escalations} lists, in its order, one at a time (an export). */
    public void eachEscalation(DeadlineFilter filter, EscalationKind kind, Instant since, Consumer<EscalationRecord> consumer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT " + ESCALATION_COLUMNS + " FROM EG_ESCALATION WHERE " + escalations(filter, kind, since, params)
            + " ORDER BY RECORDED_AT DESC, ID DESC";
        readOnly.executeWithoutResult(status -> streaming.query(sql, params, rs -> {
            consumer.accept(escalation(rs, 0));
        }));
    }

    /** The predicate of the ledger's count and list (EG_IDX_ESCALATION_RECORDED: the RECORDED_AT range, then the subtree). */
    private static String escalations(DeadlineFilter filter, EscalationKind kind, Instant since, MapSqlParameterSource params) {
        params.addValue("since", Timestamp.from(since)).addValue("kind", kind.name());
        return "RECORDED_AT >= :since AND KIND = :kind AND " + scope(filter, params);
    }

    // ------------------------------------------------------------------------------------------------ shared

    /** The filter as SQL over the columns both tables share: the region range, then agency, process and task type. */
    private static String scope(DeadlineFilter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("REGION_CODE BETWEEN :first AND :last");
        params.addValue("first", filter.first()).addValue("last", filter.last());
        if (filter.agency() != null) {
            where.append(" AND AGENCY = :agency");
            params.addValue("agency", filter.agency().name());
        }
        if (filter.processKey() != null) {
            where.append(" AND PROCESS_KEY = :processKey");
            params.addValue("processKey", filter.processKey());
        }
        if (filter.taskKey() != null) {
            where.append(" AND TASK_KEY = :taskKey");
            params.addValue("taskKey", filter.taskKey());
        }
        return where.toString();
    }

    private static MapSqlParameterSource parameters(At at) {
        return new MapSqlParameterSource().addValue("now", Timestamp.from(at.now())).addValue("soon", Timestamp.from(at.soon()));
    }

    private static OpenTask openTask(ResultSet rs, int row) throws SQLException {
        return new OpenTask(rs.getString("TASK_ID"), (Long) rs.getObject("CASE_ID", Long.class), rs.getString("INSTITUTION_NAME"),
            rs.getString("PROCESS_KEY"), rs.getString("TASK_KEY"), rs.getString("TASK_NAME"), Agency.valueOf(rs.getString("AGENCY")),
            RegionCode.of(rs.getString("REGION_CODE")), rs.getTimestamp("CREATED_AT").toInstant(), rs.getTimestamp("DUE_AT").toInstant(),
            rs.getInt("ESCALATION_STEP"), rs.getString("ESCALATED_TO"));
    }

    private static EscalationRecord escalation(ResultSet rs, int row) throws SQLException {
        return new EscalationRecord(rs.getLong("ID"), rs.getString("TASK_ID"), (Long) rs.getObject("CASE_ID", Long.class),
            rs.getString("TASK_NAME"), Agency.valueOf(rs.getString("AGENCY")), RegionCode.of(rs.getString("REGION_CODE")),
            rs.getTimestamp("DUE_AT").toInstant(), rs.getInt("STEP"), EscalationKind.valueOf(rs.getString("KIND")),
            rs.getString("ESCALATED_TO"), rs.getTimestamp("RECORDED_AT").toInstant());
    }

    /** The moment of a request; {@code soon} ends DUE_SOON. */
    public record At(Instant now, Instant soon) {
    }

    /** Open tasks, and how many of them are due soon, overdue, escalated. */
    public record StateCounts(long open, long dueSoon, long overdue, long escalated) {

        public static final StateCounts NONE = new StateCounts(0, 0, 0, 0);

        public StateCounts plus(StateCounts other) {
            return new StateCounts(open + other.open, dueSoon + other.dueSoon, overdue + other.overdue, escalated + other.escalated);
        }

        public long of(DeadlineState state) {
            return switch (state) {
                case OPEN -> open;
                case DUE_SOON -> dueSoon;
                case OVERDUE -> overdue;
                case ESCALATED -> escalated;
            };
        }
    }

    public record UnitCounts(Agency agency, RegionCode region, StateCounts counts) {
    }

    public record TaskTypeCounts(String processKey, String taskKey, String taskName, StateCounts counts) {
    }

    public record Week(LocalDate start, long created, long completed, long completedLate, long overdueAtEnd) {
    }

    /** An open task's deadline row; {@code escalatedTo} is the group its highest escalation step offered it to. */
    public record OpenTask(String taskId, Long caseId, String institutionName, String processKey, String taskKey, String taskName,
                           Agency agency, RegionCode region, Instant createdAt, Instant dueAt, int escalationStep, String escalatedTo) {

        /** The most pressing state the task is in at {@code at}: escalated, overdue, due soon or just open. */
        public DeadlineState state(At at) {
            if (escalationStep > 0) {
                return DeadlineState.ESCALATED;
            }
            if (dueAt.isBefore(at.now())) {
                return DeadlineState.OVERDUE;
            }
            return dueAt.isBefore(at.soon()) ? DeadlineState.DUE_SOON : DeadlineState.OPEN;
        }
    }

    /** A step of the ledger: {@code escalatedTo} is the group the step offered the task to (none for a reminder). */
    public record EscalationRecord(long id, String taskId, Long caseId, String taskName, Agency agency, RegionCode region, Instant dueAt,
                                   int step, EscalationKind kind, String escalatedTo, Instant recordedAt) {
    }
}
