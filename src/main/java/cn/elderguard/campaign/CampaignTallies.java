package cn.elderguard.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/**
 * What the figures and the summary report read from the campaign's own tables: publicity and pledge totals, the
 * office's summary text and whether each participating unit filed its own summary. Indexed: by campaign
 * (EG_IDX_PUBLICITY_UNIT, EG_IDX_PLEDGE_UNIT, EG_UQ_CAMPAIGN_DUTY, the units' key) or by region and date (V16).
 */
@Repository
class CampaignTallies {

    private final JdbcClient jdbc;

    CampaignTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign's publicity activities, wherever its units held them. */
    Publicity publicity(long campaignId) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(PEOPLE_REACHED), 0), COALESCE(SUM(MATERIALS_HANDED_OUT), 0) FROM EG_PUBLICITY"
                + " WHERE CAMPAIGN_ID = ?")
            .param(campaignId).query((rs, row) -> new Publicity(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    long pledges(long campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_PLEDGE WHERE CAMPAIGN_ID = ?").param(campaignId).query(Long.class).single();
    }

    /**
     * Publicity held in a jurisdiction subtree between two days (both included), in any campaign; only what units of
     * {@code agency} recorded, or everyone's when it is null.
     */
    Publicity publicity(RegionCode subtree, Agency agency, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(PEOPLE_REACHED), 0), COALESCE(SUM(MATERIALS_HANDED_OUT), 0) FROM EG_PUBLICITY"
                + " WHERE REGION_CODE BETWEEN :first AND :last AND HELD_ON >= :firstDay AND HELD_ON <= :lastDay"
                + " AND (:agency IS NULL OR AGENCY = :agency)")
            .param("first", subtree.subtreeFirst()).param("last", subtree.subtreeLast())
            .param("firstDay", Date.valueOf(firstDay)).param("lastDay", Date.valueOf(lastDay))
            .param("agency", agency == null ? null : agency.name(), java.sql.Types.VARCHAR)
            .query((rs, row) -> new Publicity(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Pledges signed in a subtree between two days (both included), in any campaign; as {@link #publicity(RegionCode, Agency, LocalDate, LocalDate)}. */
    long pledges(RegionCode subtree, Agency agency, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_PLEDGE WHERE REGION_CODE BETWEEN :first AND :last"
                + " AND SIGNED_ON >= :firstDay AND SIGNED_ON <= :lastDay AND (:agency IS NULL OR AGENCY = :agency)")
            .param("first", subtree.subtreeFirst()).param("last", subtree.subtreeLast())
            .param("firstDay", Date.valueOf(firstDay)).param("lastDay", Date.valueOf(lastDay))
            .param("agency", agency == null ? null : agency.name(), java.sql.Types.VARCHAR)
            .query(Long.class).single();
    }

    /** The text a unit filed for a duty owed once (its CONTENT), if the row exists. */
    Optional<String> dutyContent(long campaignId, UnitKey unit, DutyKind kind) {
        return jdbc.sql("SELECT CONTENT FROM EG_CAMPAIGN_DUTY WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ? AND KIND = ?"
                + " AND PERIOD = ?")
            .params(campaignId, unit.agency().name(), unit.region().value(), kind.name(), DutyKind.ONCE)
            .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(content -> content);
    }

    /** How many participating units have filed their own summary. */
    long unitSummariesFiled(long campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_DUTY WHERE CAMPAIGN_ID = ? AND KIND = ? AND PERIOD = ? AND FILED_AT IS NOT NULL")
            .params(campaignId, DutyKind.UNIT_SUMMARY.name(), DutyKind.ONCE).query(Long.class).single();
    }

    /** A page of the participating units after {@code afterOrdinal}, in their order, with when each filed its own summary. */
    List<UnitSummaryFiling> unitSummaries(long campaignId, int afterOrdinal, int limit) {
        return jdbc.sql("SELECT U.ORDINAL, U.AGENCY, U.REGION_CODE, U.UNIT_NAME, D.FILED_AT FROM EG_CAMPAIGN_UNIT U"
                + " LEFT JOIN EG_CAMPAIGN_DUTY D ON D.CAMPAIGN_ID = U.CAMPAIGN_ID AND D.AGENCY = U.AGENCY"
                + " AND D.REGION_CODE = U.REGION_CODE AND D.KIND = ? AND D.PERIOD = ?"
                + " WHERE U.CAMPAIGN_ID = ? AND U.ORDINAL > ? ORDER BY U.ORDINAL FETCH FIRST ? ROWS ONLY")
            .params(DutyKind.UNIT_SUMMARY.name(), DutyKind.ONCE, campaignId, afterOrdinal, limit)
            .query((rs, row) -> {
                Timestamp filed = rs.getTimestamp(5);
                return new UnitSummaryFiling(rs.getInt(1), new UnitKey(Agency.valueOf(rs.getString(2)), RegionCode.of(rs.getString(3))),
                    rs.getString(4), filed == null ? null : filed.toInstant());
            })
            .list();
    }

    record Publicity(long activities, long peopleReached, long materialsHandedOut) {
    }

    /** A participating unit and when it filed its own summary (本单位总结报告); {@code filedAt} null: not yet. */
    record UnitSummaryFiling(int ordinal, UnitKey unit, String unitName, java.time.Instant filedAt) {
    }
}
