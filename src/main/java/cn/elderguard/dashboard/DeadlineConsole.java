package cn.elderguard.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.elderguard.deadline.DeadlineBoard;
import cn.elderguard.deadline.DeadlineBoard.At;
import cn.elderguard.deadline.DeadlineBoard.EscalationRecord;
import cn.elderguard.deadline.DeadlineBoard.OpenTask;
import cn.elderguard.deadline.DeadlineBoard.StateCounts;
import cn.elderguard.deadline.DeadlineFilter;
import cn.elderguard.deadline.DeadlineState;
import cn.elderguard.deadline.EscalationKind;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupDirectory;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.Now;

/**
 * The console's deadline views (docs/console.md, "Deadlines"): the figures and lists of {@link DeadlineBoard} for the
 * caller's scope ({@link ConsoleScopes}), with the names a page shows (units, jurisdictions, groups, assignees, the
 * people an escalation reached).
 */
// One read-only transaction per request: the organisation's look-ups then check its version once, not per row
// (docs/decisions/014, docs/benchmarks.md "Supervisors' console").
@Service
@Transactional(readOnly = true)
class DeadlineConsole {

    /** The escalation list's windows (docs/console.md): the last 7 or 30 days. */
    static final List<Integer> WINDOWS = List.of(7, 30);
    private static final int MAX_KEY_LENGTH = 255;
    /** Rows resolved at once while exporting (one engine query for their assignees). */
    private static final int EXPORT_CHUNK = ConsolePage.MAX_SIZE;

    private final ConsoleScopes scopes;
    private final DeadlineBoard board;
    private final OrganisationRepository organisation;
    private final GroupDirectory groups;
    private final TaskAssignees assignees;

    DeadlineConsole(ConsoleScopes scopes, DeadlineBoard board, OrganisationRepository organisation, GroupDirectory groups,
                    TaskAssignees assignees) {
        this.scopes = scopes;
        this.board = board;
        this.organisation = organisation;
        this.groups = groups;
        this.assignees = assignees;
    }

    // ------------------------------------------------------------------------------------------------ summary

    Summary summary(String region, String agency, boolean exact) {
        ConsoleScope scope = scopes.resolve(region, agency, exact);
        DeadlineFilter filter = filter(scope, null, null);
        At at = board.at();
        DeadlineBoard.OpenCounts open = board.openCounts(filter, at);
        List<DeadlineBoard.UnitCounts> units = open.byUnit();
        StateCounts totals = units.stream().map(DeadlineBoard.UnitCounts::counts).reduce(StateCounts.NONE, StateCounts::plus);
        List<UnitRow> byUnit = units.stream().map(unit -> new UnitRow(unit.agency(), unit.agency().label(), unit.region().value(),
            regionName(unit.region()), unitName(new UnitKey(unit.agency(), unit.region())), unit.counts())).toList();
        List<TaskTypeRow> byTask = open.byTaskType().stream()
            .map(type -> new TaskTypeRow(type.processKey(), type.taskKey(), type.taskName(), type.counts())).toList();
        Escalations escalations = new Escalations(
            board.countEscalations(filter, EscalationKind.ESCALATION, since(at, 7)),
            board.countEscalations(filter, EscalationKind.ESCALATION, since(at, 30)));
        List<WeekRow> trend = board.trend(filter, at, open).stream()
            .map(week -> new WeekRow(week.start(), week.created(), week.completed(), week.completedLate(), week.overdueAtEnd())).toList();
        return new Summary(time(at.now()), scope.region().value(), regionName(scope.region()), scope.agency(),
            new Totals(totals), byUnit, byTask, escalations, trend, tree(scope, units));
    }

    /**
     * The scope's root and its jurisdictions down to two levels below, each with the open and overdue tasks of its subtree,
     * added up from the per-unit counts (so the tree and the table agree); a one-jurisdiction scope is its root alone.
     */
    private List<TreeNode> tree(ConsoleScope scope, List<DeadlineBoard.UnitCounts> units) {
        RegionCode root = scope.region();
        List<Jurisdiction> nodes = new ArrayList<>();
        nodes.add(organisation.jurisdiction(root).orElse(new Jurisdiction(root, root.value(), root.level(), root.parent())));
        if (scope.wholeSubtree()) {
            EnumSet<JurisdictionLevel> below = EnumSet.noneOf(JurisdictionLevel.class);
            JurisdictionLevel[] levels = JurisdictionLevel.values();
            for (int depth = 1; depth <= 2 && root.level().ordinal() + depth < levels.length; depth++) {
                below.add(levels[root.level().ordinal() + depth]);
            }
            nodes.addAll(organisation.jurisdictionsBelow(root, below));
        }
        Map<RegionCode, long[]> counts = new LinkedHashMap<>();
        nodes.forEach(node -> counts.put(node.code(), new long[2]));
        for (DeadlineBoard.UnitCounts unit : units) {
            for (RegionCode code : unit.region().selfAndAncestors()) {
                long[] node = counts.get(code);
                if (node != null) {
                    node[0] += unit.counts().open();
                    node[1] += unit.counts().overdue();
                }
            }
        }
        return nodes.stream().map(node -> {
            long[] count = counts.get(node.code());
            BigDecimal share = count[0] == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(count[1]).divide(BigDecimal.valueOf(count[0]), 4, RoundingMode.HALF_UP);
            return new TreeNode(node.code().value(), node.name(), node.level(), node.parent() == null ? null : node.parent().value(),
                count[0], count[1], share);
        }).toList();
    }

    // ------------------------------------------------------------------------------------------------ tasks

    ConsolePage<TaskRow> tasks(TaskQuery query, int page, int size) {
        ConsolePage.check(page, size);
        DeadlineFilter filter = query.filter(scopes);
        At at = board.at();
        List<OpenTask> found = board.tasks(filter, query.state(), at, ConsolePage.offset(page, size), size);
        long total = board.countTasks(filter, query.state(), at);
        return new ConsolePage<>(taskRows(found, at), page, size, total);
    }

    /** Every task of the list, in its order, resolved a chunk at a time (exports). */
    void eachTask(TaskQuery query, Consumer<TaskRow> consumer) {
        DeadlineFilter filter = query.filter(scopes);
        At at = board.at();
        List<OpenTask> chunk = new ArrayList<>(EXPORT_CHUNK);
        board.eachTask(filter, query.state(), at, task -> {
            chunk.add(task);
            if (chunk.size() == EXPORT_CHUNK) {
                taskRows(chunk, at).forEach(consumer);
                chunk.clear();
            }
        });
        taskRows(chunk, at).forEach(consumer);
    }

    private List<TaskRow> taskRows(List<OpenTask> tasks, At at) {
        Map<String, TaskAssignees.Assignee> claimed = assignees.of(tasks.stream().map(OpenTask::taskId).toList());
        return tasks.stream().map(task -> {
            TaskAssignees.Assignee assignee = claimed.get(task.taskId());
            return new TaskRow(task.taskId(), task.caseId(), task.institutionName(), task.processKey(), task.taskKey(), task.taskName(),
                task.agency(), task.agency().label(), task.region().value(), unitName(new UnitKey(task.agency(), task.region())),
                assignee == null ? null : assignee.id(), assignee == null ? null : assignee.name(), time(task.createdAt()),
                time(task.dueAt()), DeadlineState.daysOverdue(task.dueAt(), at.now()), task.escalationStep(),
                task.escalatedTo() == null ? null : groups.label(task.escalatedTo()), task.state(at));
        }).toList();
    }

    // ------------------------------------------------------------------------------------------------ escalations

    ConsolePage<EscalationRow> escalations(EscalationQuery query, int page, int size) {
        ConsolePage.check(page, size);
        DeadlineFilter filter = query.filter(scopes);
        Instant since = since(board.at(), query.days());
        List<EscalationRecord> found = board.escalations(filter, query.kind(), since, ConsolePage.offset(page, size), size);
        long total = board.countEscalations(filter, query.kind(), since);
        return new ConsolePage<>(found.stream().map(this::escalationRow).toList(), page, size, total);
    }

    void eachEscalation(EscalationQuery query, Consumer<EscalationRow> consumer) {
        DeadlineFilter filter = query.filter(scopes);
        board.eachEscalation(filter, query.kind(), since(board.at(), query.days()), record -> consumer.accept(escalationRow(record)));
    }

    private EscalationRow escalationRow(EscalationRecord record) {
        String to = record.escalatedTo();
        List<Notified> notified = to == null ? List.of()
            : groups.recipients(to).stream().map(person -> new Notified(person.userId(), person.displayName())).toList();
        return new EscalationRow(record.id(), record.taskId(), record.caseId(), record.taskName(), record.agency(), record.agency().label(),
            record.region().value(), unitName(new UnitKey(record.agency(), record.region())), time(record.dueAt()), record.step(),
            record.kind(), to, to == null ? null : groups.label(to), notified, time(record.recordedAt()));
    }

    /** The start of the last {@code days} days: the same moment of the day, {@code days} calendar days ago. */
    private static Instant since(At at, int days) {
        return at.now().atZone(Now.zone()).minusDays(days).toInstant();
    }

    // ------------------------------------------------------------------------------------------------ shared

    private static DeadlineFilter filter(ConsoleScope scope, String processKey, String taskKey) {
        return new DeadlineFilter(scope.first(), scope.last(), scope.agency(), processKey, taskKey);
    }

    private String unitName(UnitKey unit) {
        return organisation.unit(unit).map(Unit::name).orElse(unit.agency().label());
    }

    private String regionName(RegionCode region) {
        return organisation.jurisdiction(region).map(Jurisdiction::name).orElse(region.value());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atZone(Now.zone()).toOffsetDateTime();
    }

    private static String key(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(field, "不能超过 " + MAX_KEY_LENGTH + " 个字符");
        }
        return value.trim();
    }

    /** The tasks list's parameters (docs/console.md): the scope's three, the state and the task type. */
    record TaskQuery(String region, String agency, boolean exact, DeadlineState state, String processKey, String taskKey) {

        TaskQuery {
            state = state == null ? DeadlineState.OPEN : state;
            processKey = key("processKey", processKey);
            taskKey = key("taskKey", taskKey);
        }

        DeadlineFilter filter(ConsoleScopes scopes) {
            return DeadlineConsole.filter(scopes.resolve(region, agency, exact), processKey, taskKey);
        }
    }

    /** The escalation list's parameters: the scope's three, the window (7 or 30 days) and the kind. */
    record EscalationQuery(String region, String agency, boolean exact, Integer days, EscalationKind kind) {

        EscalationQuery {
            days = days == null ? 30 : days;
            if (!WINDOWS.contains(days)) {
                throw new InvalidInputException("days", "只能查看最近 7 天或 30 天（days=7 或 days=30）");
            }
            kind = kind == null ? EscalationKind.ESCALATION : kind;
        }

        DeadlineFilter filter(ConsoleScopes scopes) {
            return DeadlineConsole.filter(scopes.resolve(region, agency, exact), null, null);
        }
    }

    // ------------------------------------------------------------------------------------------------ JSON

    record Summary(OffsetDateTime asOf, String region, String regionName, Agency agency, Totals totals, List<UnitRow> byUnit,
                   List<TaskTypeRow> byTask, Escalations escalations, List<WeekRow> trend, List<TreeNode> tree) {
    }

    record Totals(@JsonProperty("OPEN") long open, @JsonProperty("DUE_SOON") long dueSoon, @JsonProperty("OVERDUE") long overdue,
                  @JsonProperty("ESCALATED") long escalated) {

        Totals(StateCounts counts) {
            this(counts.open(), counts.dueSoon(), counts.overdue(), counts.escalated());
        }
    }

    record UnitRow(Agency agency, String agencyLabel, String region, String regionName, String unitName, @JsonProperty("OPEN") long open,
                   @JsonProperty("DUE_SOON") long dueSoon, @JsonProperty("OVERDUE") long overdue, @JsonProperty("ESCALATED") long escalated) {

        UnitRow(Agency agency, String agencyLabel, String region, String regionName, String unitName, StateCounts counts) {
            this(agency, agencyLabel, region, regionName, unitName, counts.open(), counts.dueSoon(), counts.overdue(), counts.escalated());
        }
    }

    record TaskTypeRow(String processKey, String taskKey, String taskName, @JsonProperty("OPEN") long open,
                       @JsonProperty("DUE_SOON") long dueSoon, @JsonProperty("OVERDUE") long overdue,
                       @JsonProperty("ESCALATED") long escalated) {

        TaskTypeRow(String processKey, String taskKey, String taskName, StateCounts counts) {
            this(processKey, taskKey, taskName, counts.open(), counts.dueSoon(), counts.overdue(), counts.escalated());
        }
    }

    record Escalations(long last7, long last30) {
    }

    record WeekRow(LocalDate weekStart, long created, long completed, long completedLate, long overdueAtEnd) {
    }

    record TreeNode(String region, String name, JurisdictionLevel level, String parent, long open, long overdue, BigDecimal overdueShare) {
    }

    record TaskRow(String taskId, Long caseId, String institutionName, String processKey, String taskKey, String taskName, Agency agency,
                   String agencyLabel, String region, String unitName, String assignee, String assigneeName, OffsetDateTime createdAt,
                   OffsetDateTime dueAt, long daysOverdue, int escalationStep, String escalatedTo, DeadlineState state) {
    }

    record EscalationRow(long id, String taskId, Long caseId, String taskName, Agency agency, String agencyLabel, String region,
                         String unitName, OffsetDateTime dueAt, int step, EscalationKind kind, String escalatedTo, String escalatedToLabel,
                         List<Notified> notified, OffsetDateTime recordedAt) {
    }

    record Notified(String id, String name) {
    }
}
