package cn.elderguard.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.UnitKey;

/**
 * The risk ledger's questions about cases (docs/console.md, "Risk ledger"): grouped counts, the lists by list and
 * colour, and the key-lead ledger (docs/domain.md §6.13), each over a {@link Scope}. Every list is ordered stably and
 * paged with OFFSET / FETCH; its total is a COUNT over the same conditions and index.
 */
@Repository
public class RiskLedger {

    /** Key leads (docs/domain.md §6.13; decision 038): open cases rated orange or red. */
    public static final List<RiskLevel> KEY_LEAD_LEVELS = List.of(RiskLevel.ORANGE, RiskLevel.RED);

    private static final String COLUMNS = "C.ID, I.NAME, C.REGION_CODE, C.RESPONSIBLE_AGENCY, C.RISK_LEVEL, C.PRIORITY, C.CASE_LIST,"
        + " C.STATUS, C.OPENED_AT, C.CLOSED_AT, C.CURRENT_MEASURE_NAME";

    private final JdbcClient jdbc;

    RiskLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which cases a question is about: those of a region-code range ({@code first}..{@code last}), optionally of one
     * responsible agency; or, when {@code unit} is set, those the unit was given work on (EG_CASE_UNIT, as
     * {@link CaseRepository#pageForUnit}), wherever they lie.
     */
    public record Scope(String first, String last, Agency agency, UnitKey unit) {
    }

    /** A count of the scope's cases with one (child prefix, status, list, colour); the colour is null when unrated. */
    public record Tally(String prefix, String status, String caseList, String riskLevel, long count) {
    }

    /** A case as the risk ledger lists it. */
    public record LedgerCase(long id, String institutionName, String region, String responsibleAgency, String riskLevel,
                             Integer priority, String caseList, String status, Instant openedAt, Instant closedAt,
                             String currentMeasureName) {
    }

    /**
     * The scope's cases counted by the first {@code prefixDigits} digits of their region code (the root's direct
     * child), status, list and colour: one grouped query read from EG_IDX_CASE_RISK_SCOPE (a unit's: EG_CASE_UNIT's key).
     */
    public List<Tally> tallies(Scope scope, int prefixDigits) {
        if (prefixDigits < 1 || prefixDigits > 12) {
            throw new IllegalArgumentException("prefixDigits " + prefixDigits);
        }
        // A literal, not a parameter: PostgreSQL matches the grouped expression with the selected one by its text.
        String prefix = "SUBSTR(C.REGION_CODE, 1, " + prefixDigits + ")";
        Where where = where(scope);
        return jdbc.sql("SELECT " + prefix + ", C.STATUS, C.CASE_LIST, C.RISK_LEVEL, COUNT(*) FROM " + where.from
                + " WHERE " + where.condition + " GROUP BY " + prefix + ", C.STATUS, C.CASE_LIST, C.RISK_LEVEL")
            .params(where.parameters)
            .query((rs, row) -> new Tally(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
            .list();
    }

    /** One page of the scope's cases on {@code caseList} rated {@code level} (either null for any), by region then id. */
    public List<LedgerCase> page(Scope scope, CaseList caseList, RiskLevel level, long offset, int limit) {
        Where where = filtered(scope, caseList, level);
        return jdbc.sql(keysFirst(where, "C.REGION_CODE, C.ID"))
            .params(where.parameters).param("offset", offset).param("limit", limit)
            .query(RiskLedger::map).list();
    }

    /**
     * The cases of {@link #page} that come after {@code after} in its order, {@code limit} of them: an export reads the
     * whole list this way, each batch as cheap as the first (no OFFSET to skip).
     */
    public List<LedgerCase> pageAfter(Scope scope, CaseList caseList, RiskLevel level, LedgerCase after, int limit) {
        Where where = filtered(scope, caseList, level);
        if (after != null) {
            // A row comparison, which PostgreSQL turns into a bound of the (…, REGION_CODE, ID) index; an OR would not.
            where.condition += " AND (C.REGION_CODE, C.ID) > (:afterRegion, :afterId)";
            where.parameters.put("afterRegion", after.region());
            where.parameters.put("afterId", after.id());
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + where.from + " JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID WHERE "
                + where.condition + " ORDER BY C.REGION_CODE, C.ID FETCH FIRST :limit ROWS ONLY")
            .params(where.parameters).param("limit", limit)
            .query(RiskLedger::map).list();
    }

    /**
     * A page's statement: the page's case ids found first, in {@code order}, from the list's index alone, then only their
     * rows and institutions read; a deep page would otherwise join and sort every case before it (docs/benchmarks.md,
     * "Supervisors' console").
     */
    private static String keysFirst(Where where, String order) {
        return "SELECT " + COLUMNS + " FROM EG_CASE C JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID JOIN (SELECT C.ID AS PAGE_ID FROM "
            + where.from + " WHERE " + where.condition + " ORDER BY " + order + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY) P"
            + " ON C.ID = P.PAGE_ID ORDER BY " + order;
    }

    /** How many cases {@link #page} lists over all its pages. */
    public long count(Scope scope, CaseList caseList, RiskLevel level) {
        Where where = filtered(scope, caseList, level);
        return jdbc.sql("SELECT COUNT(*) FROM " + where.from + " WHERE " + where.condition).params(where.parameters)
            .query(Long.class).single();
    }

    /** One page of the key-lead ledger: the scope's open orange and red cases, highest priority first, then by id. */
    public List<LedgerCase> keyLeads(Scope scope, long offset, int limit) {
        Where where = keyLeadWhere(scope);
        return jdbc.sql(keysFirst(where, "C.PRIORITY DESC NULLS LAST, C.ID"))
            .params(where.parameters).param("offset", offset).param("limit", limit)
            .query(RiskLedger::map).list();
    }

    /** The key leads after {@code after} in the ledger's order (as {@link #pageAfter}, for an export). */
    public List<LedgerCase> keyLeadsAfter(Scope scope, LedgerCase after, int limit) {
        Where where = keyLeadWhere(scope);
        if (after != null && after.priority() != null) {
            where.condition += " AND (C.PRIORITY < :afterPriority OR (C.PRIORITY = :afterPriority AND C.ID > :afterId)"
                + " OR C.PRIORITY IS NULL)";
            where.parameters.put("afterPriority", after.priority());
            where.parameters.put("afterId", after.id());
        } else if (after != null) {
            where.condition += " AND C.PRIORITY IS NULL AND C.ID > :afterId";
            where.parameters.put("afterId", after.id());
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + where.from + " JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID WHERE "
                + where.condition + " ORDER BY C.PRIORITY DESC NULLS LAST, C.ID FETCH FIRST :limit ROWS ONLY")
            .params(where.parameters).param("limit", limit)
            .query(RiskLedger::map).list();
    }

    public long countKeyLeads(Scope scope) {
        Where where = keyLeadWhere(scope);
        return jdbc.sql("SELECT COUNT(*) FROM " + where.from + " WHERE " + where.condition).params(where.parameters)
            .query(Long.class).single();
    }

    private static Where keyLeadWhere(Scope scope) {
        Where where = where(scope);
        where.and("C.STATUS = :open", "open", CaseFile.Status.OPEN.name());
        where.condition += " AND C.RISK_LEVEL IN (:keyLevels)";
        where.parameters.put("keyLevels", KEY_LEAD_LEVELS.stream().map(RiskLevel::name).toList());
        return where;
    }

    private static Where filtered(Scope scope, CaseList caseList, RiskLevel level) {
        Where where = where(scope);
        if (caseList != null) {
            where.and("C.CASE_LIST = :list", "list", caseList.name());
        }
        if (level != null) {
            where.and("C.RISK_LEVEL = :level", "level", level.name());
        }
        return where;
    }

    /**
     * The scope as SQL. Conditions are added only when given (no {@code :x IS NULL OR …}), so the planner sees plain
     * equalities and ranges and picks the index.
     */
    private static Where where(Scope scope) {
        Where where = new Where();
        if (scope.unit() != null) {
            where.from = "EG_CASE_UNIT U JOIN EG_CASE C ON C.ID = U.CASE_ID";
            where.condition = "U.AGENCY = :unitAgency AND U.REGION_CODE = :unitRegion";
            where.parameters.put("unitAgency", scope.unit().agency().name());
            where.parameters.put("unitRegion", scope.unit().region().value());
        } else {
            where.from = "EG_CASE C";
            where.condition = "C.REGION_CODE BETWEEN :first AND :last";
            where.parameters.put("first", scope.first());
            where.parameters.put("last", scope.last());
            if (scope.agency() != null) {
                where.and("C.RESPONSIBLE_AGENCY = :agency", "agency", scope.agency().name());
            }
        }
        return where;
    }

    private static final class Where {
        String from;
        String condition;
        final Map<String, Object> parameters = new HashMap<>();

        void and(String sql, String name, Object value) {
            condition += " AND " + sql;
            parameters.put(name, value);
        }
    }

    private static LedgerCase map(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp(10);
        return new LedgerCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            (Integer) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
            closed == null ? null : closed.toInstant(), rs.getString(11));
    }
}
