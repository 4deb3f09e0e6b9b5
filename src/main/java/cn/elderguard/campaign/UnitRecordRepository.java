package cn.elderguard.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.GeneratedIds;

/**
 * What participating units record at any time (EG_CAMPAIGN_REPORT, EG_PUBLICITY, EG_PLEDGE, EG_CAMPAIGN_FILE) and the
 * figures the totals, the laggard reminder and the assessment read from them and from EG_CAMPAIGN_UNIT and
 * EG_CAMPAIGN_DUTY. Every list is one page; every figure is one query per campaign, grouped by unit.
 */
@Repository
class UnitRecordRepository {

    /** The unit's name beside each of its records (EG_UQ_CAMPAIGN_UNIT). */
    private static final String UNIT_JOIN = " LEFT JOIN EG_CAMPAIGN_UNIT U ON U.CAMPAIGN_ID = X.CAMPAIGN_ID AND U.AGENCY = X.AGENCY"
        + " AND U.REGION_CODE = X.REGION_CODE";
    private static final String REPORT_COLUMNS = "X.ID, X.KIND, X.TITLE, X.BODY, X.AGENCY, X.REGION_CODE, U.UNIT_NAME, X.SUBMITTED_BY,"
        + " X.SUBMITTED_AT";
    private static final String PUBLICITY_COLUMNS = "X.ID, X.AGENCY, X.REGION_CODE, U.UNIT_NAME, X.HELD_ON, X.PLACE, X.FORM,"
        + " X.MATERIALS_HANDED_OUT, X.PEOPLE_REACHED, X.NOTES, X.RECORDED_BY, X.RECORDED_AT";
    private static final String PLEDGE_COLUMNS = "X.ID, X.INSTITUTION_ID, X.AGENCY, X.REGION_CODE, U.UNIT_NAME, X.SIGNED_ON,"
        + " X.RECORDED_BY, X.RECORDED_AT";
    private static final String FILE_COLUMNS = "ID, OWNER_KIND, OWNER_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, UPLOADED_BY, UPLOADED_AT";
    /** A unit's reports of one kind, correlated with its EG_CAMPAIGN_UNIT row U (served by EG_IDX_CAMPAIGN_REPORT_UNIT). */
    private static final String REPORTS_OF_UNIT = "(SELECT COUNT(*) FROM EG_CAMPAIGN_REPORT R WHERE R.CAMPAIGN_ID = U.CAMPAIGN_ID"
        + " AND R.AGENCY = U.AGENCY AND R.REGION_CODE = U.REGION_CODE AND R.KIND = '%s')";
    private static final String INFO_OF_UNIT = REPORTS_OF_UNIT.formatted(ReportKind.INFO.name());
    private static final String URGENT_OF_UNIT = REPORTS_OF_UNIT.formatted(ReportKind.URGENT.name());
    /** The duties the assessment scores: a unit's own; the office's compiled summary is not a unit's duty. */
    private static final String UNIT_DUTY_KINDS = "('" + DutyKind.PLAN.name() + "', '" + DutyKind.MONTHLY_REPORT.name() + "', '"
        + DutyKind.UNIT_SUMMARY.name() + "')";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    UnitRecordRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The unit as it takes part in the campaign (its name as of launch), if it does. */
    Optional<Unit> participatingUnit(long campaignId, UnitKey unit) {
        return jdbc.sql("SELECT UNIT_NAME FROM EG_CAMPAIGN_UNIT WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ?")
            .params(campaignId, unit.agency().name(), unit.region().value())
            .query((rs, row) -> new Unit(unit, rs.getString(1))).optional();
    }

    // ------------------------------------------------------------------------------------------------ reports

    long insertReport(long campaignId, UnitKey unit, ReportKind kind, String title, String body, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CAMPAIGN_REPORT (CAMPAIGN_ID, AGENCY, REGION_CODE, KIND, TITLE, BODY, SUBMITTED_BY, SUBMITTED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(campaignId, unit.agency().name(), unit.region().value(), kind.name(), title, body, by, Timestamp.from(at))
            .update(keys);
        return GeneratedIds.id(keys);
    }

    Optional<Report> report(long campaignId, long id) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM EG_CAMPAIGN_REPORT X" + UNIT_JOIN + " WHERE X.CAMPAIGN_ID = ? AND X.ID = ?")
            .params(campaignId, id).query(UnitRecordRepository::report).optional();
    }

    /** A page of the campaign's reports, newest first, of one unit and one kind when given. */
    List<Report> reports(long campaignId, UnitKey unit, ReportKind kind, int offset, int limit) {
        Filter filter = new Filter(campaignId, unit).kind(kind);
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM EG_CAMPAIGN_REPORT X" + UNIT_JOIN + " WHERE " + filter.where()
                + " ORDER BY X.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(filter.params(offset, limit)).query(UnitRecordRepository::report).list();
    }

    long countReports(long campaignId, UnitKey unit, ReportKind kind) {
        Filter filter = new Filter(campaignId, unit).kind(kind);
        return jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_REPORT X WHERE " + filter.where()).params(filter.params())
            .query(Long.class).single();
    }

    /**
     * A page of the participating units in their order, each with its reports so far; only those with fewer than
     * {@code below} information reports when {@code below} is given.
     */
    List<UnitReportCount> reportCounts(long campaignId, UnitKey unit, Integer below, int minimum, int offset, int limit) {
        Filter filter = new Filter("U", campaignId, unit).below(below);
        return jdbc.sql("SELECT U.AGENCY, U.REGION_CODE, U.UNIT_NAME, " + INFO_OF_UNIT + ", " + URGENT_OF_UNIT
                + " FROM EG_CAMPAIGN_UNIT U WHERE " + filter.where() + " ORDER BY U.ORDINAL OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(filter.params(offset, limit))
            .query((rs, row) -> new UnitReportCount(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2)), rs.getString(3),
                rs.getInt(4), rs.getInt(5), rs.getInt(4) < minimum))
            .list();
    }

    long countUnits(long campaignId, UnitKey unit, Integer below) {
        Filter filter = new Filter("U", campaignId, unit).below(below);
        return jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_UNIT U WHERE " + filter.where()).params(filter.params()).query(Long.class).single();
    }

    /** The next units after {@code afterOrdinal} (in their order) with fewer than {@code below} information reports. */
    List<Laggard> laggards(long campaignId, int below, int afterOrdinal, int limit) {
        return jdbc.sql("SELECT U.ORDINAL, U.AGENCY, U.REGION_CODE, U.UNIT_NAME, " + INFO_OF_UNIT + " FROM EG_CAMPAIGN_UNIT U"
                + " WHERE U.CAMPAIGN_ID = ? AND U.ORDINAL > ? AND " + INFO_OF_UNIT + " < ? ORDER BY U.ORDINAL FETCH NEXT ? ROWS ONLY")
            .params(campaignId, afterOrdinal, below, limit)
            .query((rs, row) -> new Laggard(rs.getInt(1), new Unit(unitKey(rs, 2), rs.getString(4)), rs.getInt(5)))
            .list();
    }

    record Laggard(int ordinal, Unit unit, int infoReports) {
    }

    // ---------------------------------------------------------------------------------------------- publicity

    long insertPublicity(long campaignId, UnitKey unit, PublicityInput input, String notes, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_PUBLICITY (CAMPAIGN_ID, AGENCY, REGION_CODE, HELD_ON, PLACE, FORM, MATERIALS_HANDED_OUT, PEOPLE_REACHED,"
                + " NOTES, RECORDED_BY, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(campaignId, unit.agency().name(), unit.region().value(), Date.valueOf(input.heldOn()), input.place().strip(),
                input.form().name(), input.materialsHandedOut(), input.peopleReached(), notes, by, Timestamp.from(at))
            .update(keys);
        return GeneratedIds.id(keys);
    }

    Optional<Publicity> publicity(long campaignId, long id) {
        return jdbc.sql("SELECT " + PUBLICITY_COLUMNS + " FROM EG_PUBLICITY X" + UNIT_JOIN + " WHERE X.CAMPAIGN_ID = ? AND X.ID = ?")
            .params(campaignId, id).query(UnitRecordRepository::publicity).optional();
    }

    /** A page of the campaign's publicity activities, latest held first, of one unit when given. */
    List<Publicity> publicity(long campaignId, UnitKey unit, int offset, int limit) {
        Filter filter = new Filter(campaignId, unit);
        return jdbc.sql("SELECT " + PUBLICITY_COLUMNS + " FROM EG_PUBLICITY X" + UNIT_JOIN + " WHERE " + filter.where()
                + " ORDER BY X.HELD_ON DESC, X.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(filter.params(offset, limit)).query(UnitRecordRepository::publicity).list();
    }

    long countPublicity(long campaignId, UnitKey unit) {
        Filter filter = new Filter(campaignId, unit);
        return jdbc.sql("SELECT COUNT(*) FROM EG_PUBLICITY X WHERE " + filter.where()).params(filter.params()).query(Long.class).single();
    }

    // ------------------------------------------------------------------------------------------------ pledges

    boolean pledgeExists(long campaignId, long institutionId) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_PLEDGE WHERE CAMPAIGN_ID = ? AND INSTITUTION_ID = ?").params(campaignId, institutionId)
            .query(Integer.class).single() > 0;
    }

    long insertPledge(long campaignId, long institutionId, UnitKey unit, LocalDate signedOn, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_PLEDGE (CAMPAIGN_ID, INSTITUTION_ID, AGENCY, REGION_CODE, SIGNED_ON, RECORDED_BY, RECORDED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(campaignId, institutionId, unit.agency().name(), unit.region().value(), Date.valueOf(signedOn), by, Timestamp.from(at))
            .update(keys);
        return GeneratedIds.id(keys);
    }

    Optional<Pledge> pledge(long campaignId, long id) {
        return jdbc.sql("SELECT " + PLEDGE_COLUMNS + " FROM EG_PLEDGE X" + UNIT_JOIN + " WHERE X.CAMPAIGN_ID = ? AND X.ID = ?")
            .params(campaignId, id).query(UnitRecordRepository::pledge).optional();
    }

    /** A page of the campaign's pledges, latest recorded first, of one unit when given. */
    List<Pledge> pledges(long campaignId, UnitKey unit, int offset, int limit) {
        Filter filter = new Filter(campaignId, unit);
        return jdbc.sql("SELECT " + PLEDGE_COLUMNS + " FROM EG_PLEDGE X" + UNIT_JOIN + " WHERE " + filter.where()
                + " ORDER BY X.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(filter.params(offset, limit)).query(UnitRecordRepository::pledge).list();
    }

    long countPledges(long campaignId, UnitKey unit) {
        Filter filter = new Filter(campaignId, unit);
        return jdbc.sql("SELECT COUNT(*) FROM EG_PLEDGE X WHERE " + filter.where()).params(filter.params()).query(Long.class).single();
    }

    // -------------------------------------------------------------------------------------------------- files

    /**
     * Stores the file's content from {@code content} ({@code size} bytes) as a stream. The row is inserted empty first:
     * PostgreSQL answers an insert's generated keys with the whole row, which would send the content straight back.
     */
    long insertFile(long campaignId, CampaignFile.Owner owner, long ownerId, String fileName, String contentType, long size,
                    InputStream content, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CAMPAIGN_FILE (CAMPAIGN_ID, OWNER_KIND, OWNER_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, CONTENT,"
                + " UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(campaignId, owner.name(), ownerId, fileName, contentType, size, new byte[0], by, Timestamp.from(at))
            .update(keys);
        long id = GeneratedIds.id(keys);
        template.update("UPDATE EG_CAMPAIGN_FILE SET CONTENT = ? WHERE ID = ?", statement -> {
            statement.setBinaryStream(1, content, size);
            statement.setLong(2, id);
        });
        return id;
    }

    int countFiles(CampaignFile.Owner owner, long ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_FILE WHERE OWNER_KIND = ? AND OWNER_ID = ?").params(owner.name(), ownerId)
            .query(Integer.class).single();
    }

    void deleteFiles(CampaignFile.Owner owner, long ownerId) {
        jdbc.sql("DELETE FROM EG_CAMPAIGN_FILE WHERE OWNER_KIND = ? AND OWNER_ID = ?").params(owner.name(), ownerId).update();
    }

    /** The files of these owners, oldest first, by owner (EG_IDX_CAMPAIGN_FILE_OWNER). */
    Map<Long, List<CampaignFile>> filesOf(CampaignFile.Owner owner, Collection<Long> ownerIds) {
        Map<Long, List<CampaignFile>> files = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return files;
        }
        jdbc.sql("SELECT " + FILE_COLUMNS + " FROM EG_CAMPAIGN_FILE WHERE OWNER_KIND = :kind AND OWNER_ID IN (:ids) ORDER BY ID")
            .param("kind", owner.name()).param("ids", List.copyOf(ownerIds))
            .query((rs, row) -> Map.entry(rs.getLong("OWNER_ID"), file(rs)))
            .list().forEach(entry -> files.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return files;
    }

    Optional<StoredFile> file(long campaignId, long fileId) {
        return jdbc.sql("SELECT " + FILE_COLUMNS + " FROM EG_CAMPAIGN_FILE WHERE CAMPAIGN_ID = ? AND ID = ?").params(campaignId, fileId)
            .query((rs, row) -> new StoredFile(file(rs), CampaignFile.Owner.valueOf(rs.getString("OWNER_KIND")), rs.getLong("OWNER_ID")))
            .optional();
    }

    record StoredFile(CampaignFile file, CampaignFile.Owner owner, long ownerId) {
    }

    /** Writes the file's content to {@code out}. */
    void copyContent(long fileId, OutputStream out) {
        template.query("SELECT CONTENT FROM EG_CAMPAIGN_FILE WHERE ID = ?", rs -> {
            try (InputStream in = rs.getBinaryStream(1)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, fileId);
    }

    // ------------------------------------------------------------------------------------------------- totals

    /** A page of the participating units in their order, each with what it recorded. */
    List<RecordTotal> unitTotals(long campaignId, int offset, int limit) {
        return jdbc.sql("SELECT U.AGENCY, U.REGION_CODE, U.UNIT_NAME,"
                + " (SELECT COUNT(*) FROM EG_PUBLICITY P WHERE " + ofUnit("P") + "),"
                + " (SELECT COALESCE(SUM(P.PEOPLE_REACHED), 0) FROM EG_PUBLICITY P WHERE " + ofUnit("P") + "),"
                + " (SELECT COALESCE(SUM(P.MATERIALS_HANDED_OUT), 0) FROM EG_PUBLICITY P WHERE " + ofUnit("P") + "),"
                + " (SELECT COUNT(*) FROM EG_PLEDGE G WHERE " + ofUnit("G") + "), " + INFO_OF_UNIT + ", " + URGENT_OF_UNIT
                + " FROM EG_CAMPAIGN_UNIT U WHERE U.CAMPAIGN_ID = ? ORDER BY U.ORDINAL OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(campaignId, offset, limit)
            .query((rs, row) -> new RecordTotal(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2)), rs.getString(3), 1,
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
            .list();
    }

    private static String ofUnit(String alias) {
        return alias + ".CAMPAIGN_ID = U.CAMPAIGN_ID AND " + alias + ".REGION_CODE = U.REGION_CODE AND " + alias + ".AGENCY = U.AGENCY";
    }

    /**
     * Every figure of the campaign per jurisdiction group: the first {@code digits} digits of the units' region codes
     * (a child of the owner's jurisdiction, or the owner's own when the rest is zeros), in code order.
     */
    Map<String, long[]> groupTotals(long campaignId, int digits) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        String group = "LEFT(REGION_CODE, " + digits + ")";
        jdbc.sql("SELECT " + group + ", COUNT(*) FROM EG_CAMPAIGN_UNIT WHERE CAMPAIGN_ID = ? GROUP BY " + group + " ORDER BY 1")
            .param(campaignId).query(rs -> {
                groups.computeIfAbsent(rs.getString(1), key -> new long[GROUP_FIGURES])[0] = rs.getLong(2);
            });
        jdbc.sql("SELECT " + group + ", COUNT(*), COALESCE(SUM(PEOPLE_REACHED), 0), COALESCE(SUM(MATERIALS_HANDED_OUT), 0) FROM EG_PUBLICITY"
                + " WHERE CAMPAIGN_ID = ? GROUP BY " + group)
            .param(campaignId).query(rs -> {
                long[] figures = groups.computeIfAbsent(rs.getString(1), key -> new long[GROUP_FIGURES]);
                figures[1] = rs.getLong(2);
                figures[2] = rs.getLong(3);
                figures[3] = rs.getLong(4);
            });
        jdbc.sql("SELECT " + group + ", COUNT(*) FROM EG_PLEDGE WHERE CAMPAIGN_ID = ? GROUP BY " + group)
            .param(campaignId).query(rs -> {
                groups.computeIfAbsent(rs.getString(1), key -> new long[GROUP_FIGURES])[4] = rs.getLong(2);
            });
        jdbc.sql("SELECT " + group + ", KIND, COUNT(*) FROM EG_CAMPAIGN_REPORT WHERE CAMPAIGN_ID = ? GROUP BY " + group + ", KIND")
            .param(campaignId).query(rs -> {
                long[] figures = groups.computeIfAbsent(rs.getString(1), key -> new long[GROUP_FIGURES]);
                figures[ReportKind.valueOf(rs.getString(2)) == ReportKind.INFO ? 5 : 6] = rs.getLong(3);
            });
        return groups;
    }

    /** units, publicity activities, people reached, materials, pledges, information reports, urgent reports. */
    static final int GROUP_FIGURES = 7;

    // --------------------------------------------------------------------------------------------- assessment

    /** Each unit's own duties due before {@code now}: on time, late, missing; and how often any of its duties was returned. */
    Map<UnitKey, DutyFigures> dutyFigures(long campaignId, Instant now) {
        Map<UnitKey, DutyFigures> figures = new HashMap<>();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("SELECT AGENCY, REGION_CODE,"
                + " SUM(CASE WHEN DUE_AT < ? AND FILED_AT IS NOT NULL AND FILED_AT <= DUE_AT THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN DUE_AT < ? AND FILED_AT IS NOT NULL AND FILED_AT > DUE_AT THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN DUE_AT < ? AND FILED_AT IS NULL THEN 1 ELSE 0 END), SUM(RETURNED_COUNT)"
                + " FROM EG_CAMPAIGN_DUTY WHERE CAMPAIGN_ID = ? AND KIND IN " + UNIT_DUTY_KINDS + " GROUP BY AGENCY, REGION_CODE")
            .params(at, at, at, campaignId)
            .query(rs -> {
                figures.put(unitKey(rs, 1), new DutyFigures(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
            });
        return figures;
    }

    record DutyFigures(int onTime, int late, int missing, int returned) {

        static final DutyFigures NONE = new DutyFigures(0, 0, 0, 0);
    }

    /** Each unit's information reports (units without any are absent). */
    Map<UnitKey, Integer> infoReportCounts(long campaignId) {
        Map<UnitKey, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT AGENCY, REGION_CODE, COUNT(*) FROM EG_CAMPAIGN_REPORT WHERE CAMPAIGN_ID = ? AND KIND = ? GROUP BY AGENCY, REGION_CODE")
            .params(campaignId, ReportKind.INFO.name())
            .query(rs -> {
                counts.put(unitKey(rs, 1), rs.getInt(3));
            });
        return counts;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The campaign, and the unit when given, of a table aliased {@code alias}; more conditions by {@link #and}. */
    private static final class Filter {

        private final String alias;
        private final StringBuilder where;
        private final List<Object> params = new ArrayList<>();

        Filter(String alias, long campaignId, UnitKey unit) {
            this.alias = alias;
            this.where = new StringBuilder(alias + ".CAMPAIGN_ID = ?");
            params.add(campaignId);
            if (unit != null) {
                and(alias + ".AGENCY = ?", unit.agency().name());
                and(alias + ".REGION_CODE = ?", unit.region().value());
            }
        }

        Filter(long campaignId, UnitKey unit) {
            this("X", campaignId, unit);
        }

        /** Only this kind of report, when given. */
        Filter kind(ReportKind kind) {
            return kind == null ? this : and(alias + ".KIND = ?", kind.name());
        }

        /** Only the units (aliased U) with fewer information reports than {@code below}, when given. */
        Filter below(Integer below) {
            return below == null ? this : and(INFO_OF_UNIT + " < ?", below);
        }

        Filter and(String condition, Object param) {
            where.append(" AND ").append(condition);
            params.add(param);
            return this;
        }

        String where() {
            return where.toString();
        }

        Object[] params(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    private static UnitKey unitKey(ResultSet rs, int agencyColumn) throws SQLException {
        return new UnitKey(Agency.valueOf(rs.getString(agencyColumn)), RegionCode.of(rs.getString(agencyColumn + 1)));
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        ReportKind kind = ReportKind.valueOf(rs.getString("KIND"));
        return new Report(rs.getLong("ID"), kind, kind.label(), rs.getString("TITLE"), rs.getString("BODY"),
            Agency.valueOf(rs.getString("AGENCY")), RegionCode.of(rs.getString("REGION_CODE")), rs.getString("UNIT_NAME"),
            rs.getString("SUBMITTED_BY"), rs.getTimestamp("SUBMITTED_AT").toInstant());
    }

    private static Publicity publicity(ResultSet rs, int row) throws SQLException {
        PublicityForm form = PublicityForm.valueOf(rs.getString("FORM"));
        return new Publicity(rs.getLong("ID"), Agency.valueOf(rs.getString("AGENCY")), RegionCode.of(rs.getString("REGION_CODE")),
            rs.getString("UNIT_NAME"), rs.getDate("HELD_ON").toLocalDate(), rs.getString("PLACE"), form, form.label(),
            rs.getInt("MATERIALS_HANDED_OUT"), rs.getInt("PEOPLE_REACHED"), rs.getString("NOTES"), rs.getString("RECORDED_BY"),
            rs.getTimestamp("RECORDED_AT").toInstant(), List.of());
    }

    private static Pledge pledge(ResultSet rs, int row) throws SQLException {
        return new Pledge(rs.getLong("ID"), rs.getLong("INSTITUTION_ID"), null, Agency.valueOf(rs.getString("AGENCY")),
            RegionCode.of(rs.getString("REGION_CODE")), rs.getString("UNIT_NAME"), rs.getDate("SIGNED_ON").toLocalDate(),
            rs.getString("RECORDED_BY"), rs.getTimestamp("RECORDED_AT").toInstant(), null);
    }

    private static CampaignFile file(ResultSet rs) throws SQLException {
        return new CampaignFile(rs.getLong("ID"), rs.getString("FILE_NAME"), rs.getString("CONTENT_TYPE"), rs.getLong("SIZE_BYTES"),
            rs.getString("UPLOADED_BY"), rs.getTimestamp("UPLOADED_AT").toInstant());
    }
}
