package cn.elderguard.institution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.GeneratedIds;
import cn.elderguard.system.Now;

@Repository
public class InstitutionRepository {

    private static final String COLUMNS = "I.ID, I.NAME, I.CREDIT_CODE, I.REGISTERED, I.OWNERSHIP, I.LEGAL_FORM, I.SECTOR,"
        + " I.REGION_CODE, I.ADDRESS, I.BEDS, I.RESIDENTS, I.PREPAID_FEES_YUAN, I.RELATED_COMPANIES, I.PLEDGE_SIGNED_ON,"
        + " I.REGISTERED_ELSEWHERE, I.NEEDS_CONFIRMATION";

    private final JdbcClient jdbc;

    InstitutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Institution> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_INSTITUTION I WHERE I.ID = ?").param(id)
            .query(InstitutionRepository::map).optional();
    }

    public Optional<Institution> byNaturalKey(String naturalKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_INSTITUTION I WHERE I.NATURAL_KEY = ?").param(naturalKey)
            .query(InstitutionRepository::map).optional();
    }

    /**
     * The institution with this natural key, its row locked until the transaction ends: intake of leads
     * about one institution is serialised on it.
     */
    Optional<Institution> lockByNaturalKey(String naturalKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_INSTITUTION I WHERE I.NATURAL_KEY = ? FOR UPDATE").param(naturalKey)
            .query(InstitutionRepository::map).optional();
    }

    long insert(Institution institution) {
        Timestamp now = Now.timestamp();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_INSTITUTION (NAME, CREDIT_CODE, NATURAL_KEY, REGISTERED, OWNERSHIP, LEGAL_FORM, SECTOR,"
                + " REGION_CODE, ADDRESS, BEDS, RESIDENTS, PREPAID_FEES_YUAN, RELATED_COMPANIES, PLEDGE_SIGNED_ON,"
                + " REGISTERED_ELSEWHERE, NEEDS_CONFIRMATION, CREATED_AT, UPDATED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(params(institution, now, now)).update(key);
        return GeneratedIds.id(key);
    }

    void update(Institution institution) {
        jdbc.sql("UPDATE EG_INSTITUTION SET NAME = ?, CREDIT_CODE = ?, NATURAL_KEY = ?, REGISTERED = ?, OWNERSHIP = ?,"
                + " LEGAL_FORM = ?, SECTOR = ?, REGION_CODE = ?, ADDRESS = ?, BEDS = ?, RESIDENTS = ?, PREPAID_FEES_YUAN = ?,"
                + " RELATED_COMPANIES = ?, PLEDGE_SIGNED_ON = ?, REGISTERED_ELSEWHERE = ?, NEEDS_CONFIRMATION = ?,"
                + " UPDATED_AT = ? WHERE ID = ?")
            .params(params(institution, Now.timestamp(), institution.id()))
            .update();
    }

    /**
     * One page of the institutions in a jurisdiction subtree, optionally only sectors regulated by
     * {@code agency}, in id order after {@code afterId} (keyset paging: no OFFSET over large lists).
     */
    public List<Institution> page(RegionCode subtree, Agency agency, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_INSTITUTION I JOIN EG_SECTOR S ON S.CODE = I.SECTOR"
                + " WHERE I.REGION_CODE BETWEEN :first AND :last AND (:agency IS NULL OR S.AGENCY = :agency) AND I.ID > :after"
                + " ORDER BY I.ID FETCH FIRST :limit ROWS ONLY")
            .param("first", subtree.subtreeFirst()).param("last", subtree.subtreeLast())
            .param("agency", agency == null ? null : agency.name(), java.sql.Types.VARCHAR)
            .param("after", afterId).param("limit", limit)
            .query(InstitutionRepository::map).list();
    }

    /**
     * How many registry entries (摸排对象) of a jurisdiction subtree were on the list before {@code before}, optionally only
     * of {@code sectors} ({@code null}: every sector; empty: none): the campaign figures' institutions screened.
     */
    public long count(RegionCode subtree, java.util.Collection<String> sectors, java.time.Instant before) {
        if (sectors != null && sectors.isEmpty()) {
            return 0;
        }
        var query = jdbc.sql("SELECT COUNT(*) FROM EG_INSTITUTION WHERE REGION_CODE BETWEEN :first AND :last AND CREATED_AT < :before"
                + (sectors == null ? "" : " AND SECTOR IN (:sectors)"))
            .param("first", subtree.subtreeFirst()).param("last", subtree.subtreeLast()).param("before", Timestamp.from(before));
        return (sectors == null ? query : query.param("sectors", sectors)).query(Long.class).single();
    }

    private static Object[] params(Institution i, Object... tail) {
        Object[] head = {i.name(), i.creditCode(), i.naturalKey(), i.registered(), name(i.ownership()), name(i.legalForm()),
            i.sector(), i.jurisdiction().value(), i.address(), i.beds(), i.residents(), i.prepaidFeesYuan(),
            i.relatedCompanies(), i.pledgeSignedOn(), i.registeredElsewhere() == null ? null : i.registeredElsewhere().value(),
            i.needsConfirmation()};
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Institution map(ResultSet rs, int row) throws SQLException {
        String ownership = rs.getString("OWNERSHIP");
        String legalForm = rs.getString("LEGAL_FORM");
        String elsewhere = rs.getString("REGISTERED_ELSEWHERE");
        java.sql.Date pledge = rs.getDate("PLEDGE_SIGNED_ON");
        return new Institution(rs.getLong("ID"), rs.getString("NAME"), rs.getString("CREDIT_CODE"), rs.getBoolean("REGISTERED"),
            ownership == null ? null : Ownership.valueOf(ownership), legalForm == null ? null : LegalForm.valueOf(legalForm),
            rs.getString("SECTOR"), RegionCode.of(rs.getString("REGION_CODE")), rs.getString("ADDRESS"),
            (Integer) rs.getObject("BEDS"), (Integer) rs.getObject("RESIDENTS"), rs.getBigDecimal("PREPAID_FEES_YUAN"),
            rs.getString("RELATED_COMPANIES"), pledge == null ? null : pledge.toLocalDate(),
            elsewhere == null ? null : RegionCode.of(elsewhere), rs.getBoolean("NEEDS_CONFIRMATION"));
    }
}
