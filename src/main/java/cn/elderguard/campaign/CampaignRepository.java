package cn.elderguard.campaign;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.GeneratedIds;

/** EG_CAMPAIGN, its phases, participating units and duties (docs/architecture.md: the campaign module owns them). */
@Repository
public class CampaignRepository {

    private static final String CAMPAIGN_COLUMNS = "ID, NAME, OWNER_REGION, TEMPLATE, PLAN_DUE_ON, UNIT_SUMMARY_DUE_ON, SUMMARY_DUE_ON,"
        + " CURRENT_PHASE, STATUS, UNIT_COUNT, PROCESS_INSTANCE_ID, LAUNCHED_BY, LAUNCHED_AT, ENDED_AT";
    private static final String PHASE_COLUMNS = "PHASE_NO, CODE, LABEL, STARTS_ON, ENDS_ON, STARTED_AT, ENDED_AT, CLOSED_EARLY_BY";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CampaignRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM EG_CAMPAIGN WHERE ID = ?").param(id)
            .query(CampaignRepository::campaign).optional();
    }

    /** Every campaign, newest first (administrators). */
    public List<Campaign> newest(int offset, int limit) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM EG_CAMPAIGN ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(offset, limit).query(CampaignRepository::campaign).list();
    }

    /** Campaigns owned by {@code region} or a jurisdiction below it, newest first. */
    public List<Campaign> ownedWithin(RegionCode region, int offset, int limit) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM EG_CAMPAIGN WHERE OWNER_REGION BETWEEN ? AND ?"
                + " ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(region.subtreeFirst(), region.subtreeLast(), offset, limit).query(CampaignRepository::campaign).list();
    }

    /** Campaigns {@code unit} takes part in, newest first. */
    public List<Campaign> joinedBy(UnitKey unit, int offset, int limit) {
        return jdbc.sql("SELECT C.ID, C.NAME, C.OWNER_REGION, C.TEMPLATE, C.PLAN_DUE_ON, C.UNIT_SUMMARY_DUE_ON, C.SUMMARY_DUE_ON,"
                + " C.CURRENT_PHASE, C.STATUS, C.UNIT_COUNT, C.PROCESS_INSTANCE_ID, C.LAUNCHED_BY, C.LAUNCHED_AT, C.ENDED_AT"
                + " FROM EG_CAMPAIGN_UNIT U JOIN EG_CAMPAIGN C ON C.ID = U.CAMPAIGN_ID WHERE U.AGENCY = ? AND U.REGION_CODE = ?"
                + " ORDER BY C.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(unit.agency().name(), unit.region().value(), offset, limit).query(CampaignRepository::campaign).list();
    }

    long insert(String name, RegionCode owner, String template, LocalDate planDueOn, LocalDate unitSummaryDueOn,
                LocalDate summaryDueOn, int unitCount, String launchedBy, Instant launchedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CAMPAIGN (NAME, OWNER_REGION, TEMPLATE, PLAN_DUE_ON, UNIT_SUMMARY_DUE_ON, SUMMARY_DUE_ON, STATUS,"
                + " UNIT_COUNT, LAUNCHED_BY, LAUNCHED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(name, owner.value(), template, Date.valueOf(planDueOn), Date.valueOf(unitSummaryDueOn), Date.valueOf(summaryDueOn),
                Campaign.Status.RUNNING.name(), unitCount, launchedBy, Timestamp.from(launchedAt))
            .update(keys);
        return GeneratedIds.id(keys);
    }

    void processStarted(long campaignId, String processInstanceId) {
        jdbc.sql("UPDATE EG_CAMPAIGN SET PROCESS_INSTANCE_ID = ? WHERE ID = ?").params(processInstanceId, campaignId).update();
    }

    void insertPhases(long campaignId, List<PhasePlan> phases) {
        for (int i = 0; i < phases.size(); i++) {
            PhasePlan phase = phases.get(i);
            jdbc.sql("INSERT INTO EG_CAMPAIGN_PHASE (CAMPAIGN_ID, PHASE_NO, CODE, LABEL, STARTS_ON, ENDS_ON) VALUES (?, ?, ?, ?, ?, ?)")
                .params(campaignId, i, phase.code(), phase.label(), Date.valueOf(phase.startsOn()), Date.valueOf(phase.endsOn()))
                .update();
        }
    }

    /** Participating units, numbered from {@code firstOrdinal} in the given order (the loop counter of the unit's duties). */
    void insertUnits(long campaignId, int firstOrdinal, List<Unit> units) {
        template.batchUpdate("INSERT INTO EG_CAMPAIGN_UNIT (CAMPAIGN_ID, ORDINAL, AGENCY, REGION_CODE, UNIT_NAME) VALUES (?, ?, ?, ?, ?)",
            new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int i) throws SQLException {
                    Unit unit = units.get(i);
                    statement.setLong(1, campaignId);
                    statement.setInt(2, firstOrdinal + i);
                    statement.setString(3, unit.agency().name());
                    statement.setString(4, unit.region().value());
                    statement.setString(5, unit.name());
                }

                @Override
                public int getBatchSize() {
                    return units.size();
                }
            });
    }

    public List<CampaignPhase> phases(long campaignId) {
        return jdbc.sql("SELECT " + PHASE_COLUMNS + " FROM EG_CAMPAIGN_PHASE WHERE CAMPAIGN_ID = ? ORDER BY PHASE_NO")
            .param(campaignId).query(CampaignRepository::phase).list();
    }

    public Optional<Unit> unit(long campaignId, int ordinal) {
        return jdbc.sql("SELECT AGENCY, REGION_CODE, UNIT_NAME FROM EG_CAMPAIGN_UNIT WHERE CAMPAIGN_ID = ? AND ORDINAL = ?")
            .params(campaignId, ordinal).query(CampaignRepository::unit).optional();
    }

    /** A page of the participating units, in their order. */
    public List<Unit> units(long campaignId, int offset, int limit) {
        return jdbc.sql("SELECT AGENCY, REGION_CODE, UNIT_NAME FROM EG_CAMPAIGN_UNIT WHERE CAMPAIGN_ID = ?"
                + " ORDER BY ORDINAL OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(campaignId, offset, limit).query(CampaignRepository::unit).list();
    }

    public boolean participates(long campaignId, UnitKey unit) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_UNIT WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ?")
            .params(campaignId, unit.agency().name(), unit.region().value()).query(Integer.class).single() > 0;
    }

    void phaseStarted(long campaignId, int phaseNo, Instant at) {
        jdbc.sql("UPDATE EG_CAMPAIGN_PHASE SET STARTED_AT = ? WHERE CAMPAIGN_ID = ? AND PHASE_NO = ? AND STARTED_AT IS NULL")
            .params(Timestamp.from(at), campaignId, phaseNo).update();
        jdbc.sql("UPDATE EG_CAMPAIGN SET CURRENT_PHASE = ? WHERE ID = ?").params(phaseNo, campaignId).update();
    }

    /** Records the phase's end; {@code closedEarlyBy} is who closed it before its date, or null. */
    void phaseEnded(long campaignId, int phaseNo, Instant at, String closedEarlyBy) {
        jdbc.sql("UPDATE EG_CAMPAIGN_PHASE SET ENDED_AT = ?, CLOSED_EARLY_BY = ? WHERE CAMPAIGN_ID = ? AND PHASE_NO = ? AND ENDED_AT IS NULL")
            .params(Timestamp.from(at), closedEarlyBy, campaignId, phaseNo).update();
    }

    void ended(long campaignId, Instant at) {
        jdbc.sql("UPDATE EG_CAMPAIGN SET CURRENT_PHASE = NULL, STATUS = ?, ENDED_AT = ? WHERE ID = ?")
            .params(Campaign.Status.ENDED.name(), Timestamp.from(at), campaignId).update();
    }

    /** A phase as planned at launch. */
    public record PhasePlan(String code, String label, LocalDate startsOn, LocalDate endsOn) {
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("ID"), rs.getString("NAME"), RegionCode.of(rs.getString("OWNER_REGION")), rs.getString("TEMPLATE"),
            rs.getDate("PLAN_DUE_ON").toLocalDate(), rs.getDate("UNIT_SUMMARY_DUE_ON").toLocalDate(),
            rs.getDate("SUMMARY_DUE_ON").toLocalDate(), (Integer) rs.getObject("CURRENT_PHASE", Integer.class),
            Campaign.Status.valueOf(rs.getString("STATUS")), rs.getInt("UNIT_COUNT"), rs.getString("PROCESS_INSTANCE_ID"),
            rs.getString("LAUNCHED_BY"), rs.getTimestamp("LAUNCHED_AT").toInstant(), instant(rs.getTimestamp("ENDED_AT")));
    }

    private static CampaignPhase phase(ResultSet rs, int row) throws SQLException {
        return new CampaignPhase(rs.getInt("PHASE_NO"), rs.getString("CODE"), rs.getString("LABEL"), rs.getDate("STARTS_ON").toLocalDate(),
            rs.getDate("ENDS_ON").toLocalDate(), instant(rs.getTimestamp("STARTED_AT")), instant(rs.getTimestamp("ENDED_AT")),
            rs.getString("CLOSED_EARLY_BY"));
    }

    private static Unit unit(ResultSet rs, int row) throws SQLException {
        return new Unit(new UnitKey(Agency.valueOf(rs.getString("AGENCY")), RegionCode.of(rs.getString("REGION_CODE"))), rs.getString("UNIT_NAME"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
