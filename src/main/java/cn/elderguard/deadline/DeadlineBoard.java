package cn.elderguard.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import cn.elderguard.organisation.UnitKey;
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
    private static final String PAGE_COLUMNS = "D." + TASK_COLUMNS.replace(", ", ", D.");
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
    private final KeptWeeks keptWeeks;

    DeadlineBoard(DataSource dataSource, PlatformTransactionManager transactions, WorkingCalendar calendar, KeptWeeks keptWeeks) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.calendar = calendar;
        this.keptWeeks = keptWeeks;
    }

    /** The moment of a request: now, and the end of DUE_SOON (two working days on). Figures and lists of one request share it. */
    public At at() {
        Instant now = Now.instant();
        return new At(now, calendar.plusWorkingDays(now.atZone(Now.zone()), DUE_SOON_WORKING_DAYS).toInstant());
    }

    // ------------------------------------------------------------------------------------------------ open tasks

    /**
     * Open tasks per unit (AGENCY, REGION_CODE, in region then agency order) and per task type (PROCESS_KEY, TASK_KEY, in
     * process then task order), with the count of each state, from one pass over the scope's open tasks: grouped by both
     * at once, then added up here (the groups are units × task types, a few thousand for a province; a second pass cost
     * a province's dashboard 80–110 ms, docs/benchmarks.md). A type's name is the greatest of its versions' names, as a
     * filter by task key lists all of them.
     */
    public OpenCounts openCounts(DeadlineFilter filter, At at) {
        MapSqlParameterSource params = parameters(at).addValue("end", Timestamp.from(at.now()));
        long[] overdueNow = new long[1];
        Map<UnitKey, StateCounts> units = new TreeMap<>(Comparator.comparing((UnitKey unit) -> unit.region().value())
            .thenComparing(unit -> unit.agency().name()));
        Map<List<String>, StateCounts> types = new TreeMap<>(Comparator.comparing((List<String> type) -> type.get(0))
            .thenComparing(type -> type.get(1)));
        Map<List<String>, String> names = new HashMap<>();
        jdbc.query("SELECT AGENCY, REGION_CODE, PROCESS_KEY, TASK_KEY, MAX(TASK_NAME), " + stateCounts() + ", "
                + sum(OVERDUE_AT_END) + " FROM EG_TASK_DEADLINE WHERE "
                + openTasks(filter, DeadlineState.OPEN, params) + " GROUP BY AGENCY, REGION_CODE, PROCESS_KEY, TASK_KEY", params, rs -> {
                StateCounts counts = counts(rs, 6);
                units.merge(new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2))), counts, StateCounts::plus);
                List<String> type = List.of(rs.getString(3), rs.getString(4));
                types.merge(type, counts, StateCounts::plus);
                String name = rs.getString(5);
                names.merge(type, name == null ? "" : name, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                overdueNow[0] += rs.getLong(10);
            });
        return new OpenCounts(
            units.entrySet().stream().map(e -> new UnitCounts(e.getKey().agency(), e.getKey().region(), e.getValue())).toList(),
            types.entrySet().stream().map(e -> new TaskTypeCounts(e.getKey().get(0), e.getKey().get(1),
                names.get(e.getKey()).isEmpty() ? null : names.get(e.getKey()), e.getValue())).toList(), overdueNow[0]);
    }

    /**
     * A page of the open tasks in {@code state}, by due date then task id. The page's keys are found first, from the
     * index alone, and only its rows are read: a deep page would otherwise read every row before it (docs/benchmarks.md,
     * "Supervisors' console").
     */
    public List<OpenTask> tasks(DeadlineFilter filter, DeadlineState state, At at, int offset, int limit) {
        MapSqlParameterSource params = parameters(at).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT " + PAGE_COLUMNS + " FROM EG_TASK_DEADLINE D JOIN (SELECT TASK_ID AS PAGE_TASK_ID FROM EG_TASK_DEADLINE WHERE "
            + openTasks(filter, state, params) + TASK_ORDER + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY) P"
            + " ON D.TASK_ID = P.PAGE_TASK_ID ORDER BY D.DUE_AT, D.TASK_ID", params, DeadlineBoard::openTask);
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

    /** A week's figures as the trend counts them, one branch per figure, each an index range (V18, V19). */
    static final String WEEK_SUMS = "SUM(CREATED), SUM(COMPLETED), SUM(COMPLETED_LATE), SUM(OVERDUE_AT_END)";
    /** Overdue at the moment {@code :end}: created and due before it (and then still open, or completed later). */
    private static final String OVERDUE_AT_END = "DUE_AT < :end AND CREATED_AT < :end";

    /**
     * The rows of a week's figures (columns REGION_CODE, AGENCY, CREATED, COMPLETED, COMPLETED_LATE, OVERDUE_AT_END, DUE,
     * DUE_ON_TIME), to be added up: tasks created in [{@code :b}, {@code :e}), completed in it (late if after their due
     * moment), and overdue at {@code :end} — completed after it and, with {@code open}, still open; with {@code due}, the
     * tasks due in the week and those completed by their due moment (the unit assessment's). {@code scope} null: every
     * task with a jurisdiction (what {@link KeptWeeks} keeps per unit).
     */
    static String weekFigures(String scope, boolean open, boolean due) {
        String where = scope == null ? " AND REGION_CODE IS NOT NULL" : " AND " + scope;
        String columns = "SELECT REGION_CODE, AGENCY, ";
        StringBuilder figures = new StringBuilder(columns).append("1 AS CREATED, 0 AS COMPLETED, 0 AS COMPLETED_LATE, 0 AS OVERDUE_AT_END,")
            .append(" 0 AS DUE, 0 AS DUE_ON_TIME FROM EG_TASK_DEADLINE WHERE CREATED_AT >= :b AND CREATED_AT < :e").append(where)
            .append(" UNION ALL ").append(columns).append("0, 1, CASE WHEN COMPLETED_AT > DUE_AT THEN 1 ELSE 0 END, 0, 0, 0 FROM EG_TASK_DEADLINE")
            .append(" WHERE COMPLETED_AT >= :b AND COMPLETED_AT < :e").append(where)
            .append(" UNION ALL ").append(columns).append("0, 0, 0, 1, 0, 0 FROM EG_TASK_DEADLINE WHERE COMPLETED_AT >= :end AND ")
            .append(OVERDUE_AT_END).append(where);
        if (open) {
            figures.append(" UNION ALL ").append(columns).append("0, 0, 0, 1, 0, 0 FROM EG_TASK_DEADLINE WHERE COMPLETED_AT IS NULL AND ")
                .append(OVERDUE_AT_END).append(where);
        }
        if (due) {
            figures.append(" UNION ALL ").append(columns).append("0, 0, 0, 0, 1, ").append(UnitPunctuality.ON_TIME)
                .append(" FROM EG_TASK_DEADLINE WHERE DUE_AT >= :b AND DUE_AT < :e").append(where);
        }
        return figures.toString();
    }

    private static String sum(String condition) {
        return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    static MapSqlParameterSource weekParameters(Instant start, Instant next, Instant end) {
        return new MapSqlParameterSource().addValue("b", Timestamp.from(start)).addValue("e", Timestamp.from(next))
            .addValue("end", Timestamp.from(end));
    }

    /**
     * The last {@value #TREND_WEEKS} weeks, Monday to Sunday in the installation's zone, the current one last: tasks
     * created, completed, completed after their due moment, and overdue at the week's end (or now, for the current week).
     * Finished weeks are added up from the figures {@link KeptWeeks} keeps per unit (kept now if they are not yet); the
     * current week, and a finished one not yet settled, are counted from the deadlines, its open tasks overdue now taken
     * from the open-task pass ({@code open}).
     */
    public List<Week> trend(DeadlineFilter filter, At at, OpenCounts open) {
        LocalDate current = KeptWeeks.weekOf(at.now());
        List<LocalDate> weeks = new ArrayList<>();
        for (int week = TREND_WEEKS - 1; week >= 0; week--) {
            weeks.add(current.minusWeeks(week));
        }
        // Kept figures are per unit: a trend of one task type is counted from the deadlines.
        boolean perUnit = filter.processKey() == null && filter.taskKey() == null;
        List<LocalDate> settled = weeks.stream().filter(week -> perUnit && KeptWeeks.settled(week, at.now())).toList();
        keptWeeks.keep(settled);
        Map<LocalDate, Week> found = kept(filter, settled);
        List<Week> trend = new ArrayList<>();
        for (LocalDate week : weeks) {
            Week figures = found.get(week);
            if (figures == null) {
                boolean now = week.equals(current);
                Instant next = KeptWeeks.start(week.plusWeeks(1));
                figures = counted(filter, week, next.isAfter(at.now()) ? at.now() : next, now ? open.openOverdueNow() : null);
            }
            trend.add(figures);
        }
        return trend;
    }

    /** The kept figures of {@code weeks} in the scope: one row per kept week, also where no unit of the scope had any. */
    private Map<LocalDate, Week> kept(DeadlineFilter filter, List<LocalDate> weeks) {
        Map<LocalDate, Week> kept = new HashMap<>();
        if (weeks.isEmpty()) {
            return kept;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("weeks", weeks.stream().map(java.sql.Date::valueOf).toList());
        jdbc.query("SELECT K.WEEK_START, " + WEEK_SUMS + " FROM EG_DEADLINE_WEEK_KEPT K LEFT JOIN EG_DEADLINE_WEEK W"
            + " ON W.WEEK_START = K.WEEK_START AND " + scope(filter, params) + " WHERE K.WEEK_START IN (:weeks) GROUP BY K.WEEK_START",
            params, rs -> {
                LocalDate week = rs.getDate(1).toLocalDate();
                kept.put(week, new Week(week, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            });
        return kept;
    }

    /** One week counted from the deadlines; {@code openOverdue} given: its open tasks overdue at {@code end}, counted already. */
    private Week counted(DeadlineFilter filter, LocalDate week, Instant end, Long openOverdue) {
        MapSqlParameterSource params = weekParameters(KeptWeeks.start(week), KeptWeeks.start(week.plusWeeks(1)), end);
        String sql = "SELECT " + WEEK_SUMS + " FROM (" + weekFigures(scope(filter, params), openOverdue == null, false) + ") F";
        return jdbc.query(sql, params, rs -> {
            rs.next();
            return new Week(week, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) + (openOverdue == null ? 0 : openOverdue));
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
    static String scope(DeadlineFilter filter, MapSqlParameterSource params) {
        // The bounds are written into the statement, not bound: with parameters PostgreSQL's cached generic plan guesses a
        // small subtree for every request and sorts a province's open tasks (docs/benchmarks.md, "Supervisors' console").
        // They are region codes, twelve digits, checked here again because they are spliced in.
        StringBuilder where = new StringBuilder("REGION_CODE BETWEEN '" + digits(filter.first()) + "' AND '" + digits(filter.last()) + "'");
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

    private static String digits(String regionCode) {
        if (!regionCode.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("not a region code: " + regionCode);
        }
        return regionCode;
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

    /** {@code openOverdueNow}: open tasks overdue now as the trend counts them (created and due before now). */
    public record OpenCounts(List<UnitCounts> byUnit, List<TaskTypeCounts> byTaskType, long openOverdueNow) {
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
