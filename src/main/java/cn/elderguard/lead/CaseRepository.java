package cn.elderguard.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.GeneratedIds;

@Repository
public class CaseRepository {

    private static final String COLUMNS = "ID, INSTITUTION_ID, REGION_CODE, RESPONSIBLE_AGENCY, STATUS, PROCESS_INSTANCE_ID, OPENED_AT,"
        + " UNREGISTERED_VENUE, CURRENT_MEASURE, CURRENT_MEASURE_NAME";

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseFile> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_CASE WHERE ID = ?").param(id).query(CaseRepository::map).optional();
    }

    Optional<CaseFile> openFor(long institutionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_CASE WHERE OPEN_INSTITUTION_ID = ?").param(institutionId)
            .query(CaseRepository::map).optional();
    }

    /**
     * Inserts an open case and returns it as stored, without reading it back; a second open case for the
     * institution violates EG_UQ_CASE_OPEN_INSTITUTION.
     */
    CaseFile insertOpen(long institutionId, RegionCode jurisdiction, Agency responsibleAgency, Timestamp openedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CASE (INSTITUTION_ID, OPEN_INSTITUTION_ID, REGION_CODE, RESPONSIBLE_AGENCY, STATUS, OPENED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
            .params(institutionId, institutionId, jurisdiction.value(), responsibleAgency.name(), CaseFile.Status.OPEN.name(),
                openedAt)
            .update(key);
        return new CaseFile(GeneratedIds.id(key), institutionId, jurisdiction, responsibleAgency, CaseFile.Status.OPEN, null,
            openedAt.toInstant(), null, null, null);
    }

    void linkProcess(long caseId, String processInstanceId) {
        jdbc.sql("UPDATE EG_CASE SET PROCESS_INSTANCE_ID = ? WHERE ID = ?").params(processInstanceId, caseId).update();
    }

    /**
     * One page of a jurisdiction subtree's cases on one list (排查 / 整改 / 销号), optionally only one agency's,
     * in id order after {@code afterId}.
     */
    public List<CaseSummary> page(CaseList caseList, RegionCode subtree, Agency agency, long afterId, int limit) {
        return jdbc.sql("SELECT C.ID, C.INSTITUTION_ID, I.NAME, C.REGION_CODE, C.RESPONSIBLE_AGENCY, C.STATUS, C.RISK_LEVEL,"
                + " C.PRIORITY, C.CASE_LIST, C.OPENED_AT, C.UNREGISTERED_VENUE, C.CURRENT_MEASURE, C.CURRENT_MEASURE_NAME"
                + " FROM EG_CASE C JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID"
                + " WHERE C.CASE_LIST = :list AND C.REGION_CODE BETWEEN :first AND :last"
                + " AND (:agency IS NULL OR C.RESPONSIBLE_AGENCY = :agency) AND C.ID > :after ORDER BY C.ID FETCH FIRST :limit ROWS ONLY")
            .param("list", caseList.name()).param("first", subtree.subtreeFirst()).param("last", subtree.subtreeLast())
            .param("agency", agency == null ? null : agency.name(), java.sql.Types.VARCHAR)
            .param("after", afterId).param("limit", limit)
            .query(CaseRepository::summary)
            .list();
    }

    private static CaseSummary summary(ResultSet rs, int row) throws SQLException {
        return new CaseSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
            (Boolean) rs.getObject(11), rs.getString(12), rs.getString(13));
    }

    /** One page of the cases a unit has been given work on, on one list, optionally within a subtree, by id. */
    public List<CaseSummary> pageForUnit(CaseList caseList, UnitKey unit, RegionCode subtree, long afterId, int limit) {
        return jdbc.sql("SELECT C.ID, C.INSTITUTION_ID, I.NAME, C.REGION_CODE, C.RESPONSIBLE_AGENCY, C.STATUS, C.RISK_LEVEL,"
                + " C.PRIORITY, C.CASE_LIST, C.OPENED_AT, C.UNREGISTERED_VENUE, C.CURRENT_MEASURE, C.CURRENT_MEASURE_NAME"
                + " FROM EG_CASE_UNIT U JOIN EG_CASE C ON C.ID = U.CASE_ID"
                + " JOIN EG_INSTITUTION I ON I.ID = C.INSTITUTION_ID"
                + " WHERE U.AGENCY = :agency AND U.REGION_CODE = :region AND U.CASE_ID > :after AND C.CASE_LIST = :list"
                + " AND (:first IS NULL OR C.REGION_CODE BETWEEN :first AND :last)"
                + " ORDER BY U.CASE_ID FETCH FIRST :limit ROWS ONLY")
            .param("agency", unit.agency().name()).param("region", unit.region().value()).param("after", afterId)
            .param("list", caseList.name())
            .param("first", subtree == null ? null : subtree.subtreeFirst(), java.sql.Types.VARCHAR)
            .param("last", subtree == null ? null : subtree.subtreeLast(), java.sql.Types.VARCHAR)
            .param("limit", limit)
            .query(CaseRepository::summary)
            .list();
    }

    /** Whether the case's tasks were ever offered to {@code unit}. */
    boolean involves(long caseId, UnitKey unit) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_CASE_UNIT WHERE AGENCY = ? AND REGION_CODE = ? AND CASE_ID = ?")
            .params(unit.agency().name(), unit.region().value(), caseId).query(Long.class).single() > 0;
    }

    /** Records that the case's work went to {@code unit} (once per case and unit). */
    void recordUnit(long caseId, UnitKey unit) {
        jdbc.sql("INSERT INTO EG_CASE_UNIT (AGENCY, REGION_CODE, CASE_ID) SELECT ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM EG_CASE_UNIT WHERE AGENCY = ? AND REGION_CODE = ? AND CASE_ID = ?)")
            .params(unit.agency().name(), unit.region().value(), caseId, unit.agency().name(), unit.region().value(), caseId)
            .update();
    }

    /**
     * A case as the lists show it. {@code unregisteredVenue}: rated as a venue operating without registration
     * (null before the first rating); {@code currentMeasure} / {@code currentMeasureName}: the measure most
     * recently begun, e.g. {@code REFUND_ORDER} 责令退还资金 (docs/decisions/018).
     */
    public record CaseSummary(long id, long institutionId, String institutionName, String jurisdiction, String responsibleAgency,
                              String status, String riskLevel, Integer priority, String caseList, java.time.Instant openedAt,
                              Boolean unregisteredVenue, String currentMeasure, String currentMeasureName) {
    }

    /**
     * The case's current rating, its list (排查 / 整改) and whether it was rated as an unregistered venue. A new
     * rating ends the measures begun before it: the next measure task records its own.
     */
    public void rate(long caseId, RiskLevel riskLevel, Integer priority, CaseList caseList, boolean unregisteredVenue) {
        jdbc.sql("UPDATE EG_CASE SET RISK_LEVEL = ?, PRIORITY = ?, CASE_LIST = ?, UNREGISTERED_VENUE = ?, CURRENT_MEASURE = NULL,"
                + " CURRENT_MEASURE_NAME = NULL WHERE ID = ?")
            .params(riskLevel.name(), priority, caseList.name(), unregisteredVenue, caseId).update();
    }

    /** A measure task (e.g. REFUND_ORDER 责令退还资金) was created: it is the case's measure under way. */
    public void measureBegun(long caseId, String measure, String name) {
        jdbc.sql("UPDATE EG_CASE SET CURRENT_MEASURE = ?, CURRENT_MEASURE_NAME = ? WHERE ID = ?")
            .params(measure, name, caseId).update();
    }

    /** 销号: closed, on the close-out list, no longer the institution's open case, no measure under way. */
    public void close(long caseId, Timestamp closedAt) {
        jdbc.sql("UPDATE EG_CASE SET STATUS = ?, OPEN_INSTITUTION_ID = NULL, CLOSED_AT = ?, CASE_LIST = ?,"
                + " CURRENT_MEASURE = NULL, CURRENT_MEASURE_NAME = NULL WHERE ID = ?")
            .params(CaseFile.Status.CLOSED.name(), closedAt, CaseList.CLOSE_OUT.name(), caseId).update();
    }

    static CaseFile map(ResultSet rs, int row) throws SQLException {
        return new CaseFile(rs.getLong("ID"), rs.getLong("INSTITUTION_ID"), RegionCode.of(rs.getString("REGION_CODE")),
            Agency.valueOf(rs.getString("RESPONSIBLE_AGENCY")), CaseFile.Status.valueOf(rs.getString("STATUS")),
            rs.getString("PROCESS_INSTANCE_ID"), rs.getTimestamp("OPENED_AT").toInstant(), (Boolean) rs.getObject("UNREGISTERED_VENUE"),
            rs.getString("CURRENT_MEASURE"), rs.getString("CURRENT_MEASURE_NAME"));
    }
}
