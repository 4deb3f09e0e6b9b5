package cn.elderguard.lead;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.organisation.RegionCode;

/**
 * The counts of leads and cases that campaign figures are made of (docs/campaigns.md, "Figures and the summary
 * report"). Every method takes a jurisdiction subtree, a window {@code [from, to)} and optionally the sectors whose
 * institutions count ({@code null}: every sector; empty: none), and runs one indexed query:
 * <ul>
 *   <li>leads: received in the window and registered in the subtree (EG_LEAD by region and time);</li>
 *   <li>cases: the cases those leads joined, by the case's current rating (the latest);</li>
 *   <li>closed cases, refund tranches, transfers to the police: of cases of the subtree, recorded in the window
 *       (closed cases through the close-out list, the timeline's lines by kind and time).</li>
 * </ul>
 */
@Repository
public class CaseFigures {

    private static final String LEADS_IN_WINDOW = " WHERE L.REGION_CODE BETWEEN :first AND :last"
        + " AND L.RECEIVED_AT >= :from AND L.RECEIVED_AT < :to";

    private final JdbcClient jdbc;

    CaseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Leads per source, every source present (zero included). */
    public Map<LeadSource, Long> leadsBySource(RegionCode subtree, Collection<String> sectors, Instant from, Instant to) {
        Map<LeadSource, Long> counts = new EnumMap<>(LeadSource.class);
        for (LeadSource source : LeadSource.values()) {
            counts.put(source, 0L);
        }
        if (sectors != null && sectors.isEmpty()) {
            return counts;
        }
        query("SELECT L.SOURCE, COUNT(*) FROM EG_LEAD L" + institutionJoin("L", sectors) + LEADS_IN_WINDOW + sectorFilter(sectors)
                + " GROUP BY L.SOURCE", subtree, sectors, from, to)
            .query((rs, row) -> Map.entry(LeadSource.valueOf(rs.getString(1)), rs.getLong(2))).list()
            .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** The cases the window's leads joined, by their current rating; every level present, plus those not yet rated. */
    public CasesByColour casesByColour(RegionCode subtree, Collection<String> sectors, Instant from, Instant to) {
        Map<RiskLevel, Long> rated = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            rated.put(level, 0L);
        }
        long unrated = 0;
        if (sectors != null && sectors.isEmpty()) {
            return new CasesByColour(rated, unrated);
        }
        var rows = query("SELECT C.RISK_LEVEL, COUNT(DISTINCT C.ID) FROM EG_LEAD L JOIN EG_CASE C ON C.ID = L.CASE_ID"
                + institutionJoin("C", sectors) + LEADS_IN_WINDOW + sectorFilter(sectors) + " GROUP BY C.RISK_LEVEL",
            subtree, sectors, from, to)
            .query((rs, row) -> Map.entry(rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2))).list();
        for (var row : rows) {
            if (row.getKey().isEmpty()) {
                unrated += row.getValue();
            } else {
                rated.put(RiskLevel.valueOf(row.getKey()), row.getValue());
            }
        }
        return new CasesByColour(rated, unrated);
    }

    /** Cases of the subtree closed out (销号) in the window. */
    public long casesClosed(RegionCode subtree, Collection<String> sectors, Instant from, Instant to) {
        if (sectors != null && sectors.isEmpty()) {
            return 0;
        }
        return query("SELECT COUNT(*) FROM EG_CASE C" + institutionJoin("C", sectors)
                + " WHERE C.CASE_LIST = :list AND C.REGION_CODE BETWEEN :first AND :last"
                + " AND C.CLOSED_AT >= :from AND C.CLOSED_AT < :to" + sectorFilter(sectors), subtree, sectors, from, to)
            .param("list", CaseList.CLOSE_OUT.name())
            .query(Long.class).single();
    }

    /** Refund tranches (登记清退资金) recorded in the window on cases of the subtree: amount and people. */
    public Refunds refunds(RegionCode subtree, Collection<String> sectors, Instant from, Instant to) {
        if (sectors != null && sectors.isEmpty()) {
            return new Refunds(BigDecimal.ZERO, 0);
        }
        return query("SELECT COALESCE(SUM(E.AMOUNT_YUAN), 0), COALESCE(SUM(E.PEOPLE), 0) FROM EG_CASE_EVENT E"
                + " JOIN EG_CASE C ON C.ID = E.CASE_ID" + institutionJoin("C", sectors)
                + " WHERE E.KIND = :kind AND E.OCCURRED_AT >= :from AND E.OCCURRED_AT < :to AND E.TASK_KEY = :task"
                + " AND C.REGION_CODE BETWEEN :first AND :last" + sectorFilter(sectors), subtree, sectors, from, to)
            .param("kind", CaseEvent.Kind.MEASURE.name())
            .param("task", LeadDisposalProcess.TASK_RECORD_REFUND_TRANCHE)
            .query((rs, row) -> new Refunds(rs.getBigDecimal(1), rs.getLong(2))).single();
    }

    /**
     * Cases of the subtree transferred to the police (移送公安) in the window: the hand-overs of Task_TransferToPolice,
     * which the timeline records when they are sent, whether or not the police have signed for them yet.
     */
    public long policeTransfers(RegionCode subtree, Collection<String> sectors, Instant from, Instant to) {
        if (sectors != null && sectors.isEmpty()) {
            return 0;
        }
        return query("SELECT COUNT(DISTINCT E.CASE_ID) FROM EG_CASE_EVENT E JOIN EG_CASE C ON C.ID = E.CASE_ID"
                + institutionJoin("C", sectors)
                + " WHERE E.KIND = :kind AND E.OCCURRED_AT >= :from AND E.OCCURRED_AT < :to AND E.TITLE LIKE :purpose"
                + " AND C.REGION_CODE BETWEEN :first AND :last" + sectorFilter(sectors), subtree, sectors, from, to)
            .param("kind", CaseEvent.Kind.HANDED_OVER.name())
            .param("purpose", CaseEvent.handOverTitlePrefix(CaseHandOverProcess.Purpose.TRANSFER_TO_POLICE.name()) + "%")
            .query(Long.class).single();
    }

    /** The cases of {@link #casesByColour} by their institution's sector code (sectors without cases absent). */
    public Map<String, Long> casesBySector(RegionCode subtree, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        query("SELECT I.SECTOR, COUNT(DISTINCT C.ID) FROM EG_LEAD L JOIN EG_CASE C ON C.ID = L.CASE_ID"
                + " JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID" + LEADS_IN_WINDOW + " GROUP BY I.SECTOR", subtree, null, from, to)
            .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
            .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * The cases of {@link #casesByColour} by where their leads were registered, one level below the subtree's root:
     * keyed by that jurisdiction's code ({@code childDigits} its significant digits); a lead registered at the root itself
     * counts under the root's code. A case with leads from two places counts in each.
     */
    public Map<RegionCode, Long> casesByRegion(RegionCode subtree, int childDigits, Instant from, Instant to) {
        if (childDigits < 1 || childDigits > 12) {
            throw new IllegalArgumentException("childDigits " + childDigits);
        }
        // The length is written into the statement: PostgreSQL matches GROUP BY to the select list by text, and two
        // parameters would be two expressions.
        String prefix = "SUBSTRING(L.REGION_CODE, 1, " + childDigits + ")";
        Map<RegionCode, Long> counts = new TreeMap<>();
        query("SELECT " + prefix + ", COUNT(DISTINCT L.CASE_ID) FROM EG_LEAD L" + LEADS_IN_WINDOW + " GROUP BY " + prefix,
                subtree, null, from, to)
            .query((rs, row) -> Map.entry(RegionCode.of((rs.getString(1) + "000000000000").substring(0, 12)), rs.getLong(2))).list()
            .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
        return counts;
    }

    private JdbcClient.StatementSpec query(String sql, RegionCode subtree, Collection<String> sectors, Instant from, Instant to) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("first", subtree.subtreeFirst()).param("last", subtree.subtreeLast())
            .param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        return sectors == null ? spec : spec.param("sectors", sectors);
    }

    private static String institutionJoin(String alias, Collection<String> sectors) {
        return sectors == null ? "" : " JOIN EG_INSTITUTION I ON I.ID = " + alias + ".INSTITUTION_ID";
    }

    private static String sectorFilter(Collection<String> sectors) {
        return sectors == null ? "" : " AND I.SECTOR IN (:sectors)";
    }

    /** Cases per current risk level (every level present) and those not rated yet. */
    public record CasesByColour(Map<RiskLevel, Long> rated, long unrated) {

        public CasesByColour {
            Map<RiskLevel, Long> copy = new EnumMap<>(RiskLevel.class);
            copy.putAll(rated);
            rated = java.util.Collections.unmodifiableMap(copy);
        }

        public long total() {
            return rated.values().stream().mapToLong(Long::longValue).sum() + unrated;
        }
    }

    /** Refunded amount in yuan and people refunded. */
    public record Refunds(BigDecimal amountYuan, long people) {
    }
}
