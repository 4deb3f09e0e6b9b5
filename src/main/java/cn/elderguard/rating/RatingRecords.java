package cn.elderguard.rating;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.elderguard.lead.CaseList;
import cn.elderguard.lead.CaseRatings;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.Now;
import cn.elderguard.lead.RiskLevel;

/**
 * A case's ratings (EG_RATING, the explanation users read), its current level and list, and the upward
 * reports that yellow, orange and red cases and unregistered venues owe (docs/domain.md §4.3).
 */
@Repository
class RatingRecords implements CaseRatings {

    static final String COUNTY_GOVERNMENT = "COUNTY_GOVERNMENT";
    static final String CITY_CIVIL_AFFAIRS = "CITY_CIVIL_AFFAIRS";

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CaseTimeline timeline;

    RatingRecords(JdbcClient jdbc, CaseRepository cases, CaseTimeline timeline) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
    }

    void record(long caseId, RiskLevel level, String reasons, Integer priority, boolean closingAsGreen, boolean unregisteredVenue) {
        Instant now = Now.instant();
        jdbc.sql("INSERT INTO EG_RATING (CASE_ID, RISK_LEVEL, REASONS, PRIORITY, RATED_AT) VALUES (?, ?, ?, ?, ?)")
            .params(caseId, level.name(), reasons, priority, Timestamp.from(now)).update();
        cases.rate(caseId, level, priority, closingAsGreen ? CaseList.SCREENING : CaseList.RECTIFICATION, unregisteredVenue);
        timeline.record(new CaseEvent(caseId, now, CaseEvent.Kind.RATED, null,
            "风险等级：" + level.label() + "色" + (unregisteredVenue ? "（未登记场所）" : ""), null, null,
            null, null, null, null, reasons));
    }

    /** To the county/zone government and the city civil-affairs bureau above the case's jurisdiction. */
    void reportUpward(long caseId, RegionCode caseRegion, RiskLevel level, boolean unregistered) {
        Instant now = Now.instant();
        for (RegionCode region : caseRegion.selfAndAncestors()) {
            String recipient = region.level() == JurisdictionLevel.COUNTY ? COUNTY_GOVERNMENT
                : region.level() == JurisdictionLevel.CITY ? CITY_CIVIL_AFFAIRS : null;
            if (recipient != null) {
                jdbc.sql("INSERT INTO EG_UPWARD_REPORT (CASE_ID, RECIPIENT, RECIPIENT_REGION, RISK_LEVEL, UNREGISTERED, REPORTED_AT)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(caseId, recipient, region.value(), level.name(), unregistered, Timestamp.from(now)).update();
                timeline.record(new CaseEvent(caseId, now, CaseEvent.Kind.REPORTED_UPWARD, null,
                    (recipient.equals(COUNTY_GOVERNMENT) ? "报送区县政府（管委会）" : "报送市民政局") + " " + region.value(),
                    null, null, region.value(), null, null, null, null));
            }
        }
    }

    List<String> recipientsOf(long caseId) {
        return jdbc.sql("SELECT RECIPIENT FROM EG_UPWARD_REPORT WHERE CASE_ID = ? ORDER BY ID").param(caseId).query(String.class).list();
    }

    @Override
    public List<Rating> of(long caseId) {
        return jdbc.sql("SELECT RISK_LEVEL, REASONS, PRIORITY, RATED_AT FROM EG_RATING WHERE CASE_ID = ? ORDER BY ID")
            .param(caseId)
            .query((rs, row) -> new Rating(RiskLevel.valueOf(rs.getString(1)), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                rs.getTimestamp(4).toInstant()))
            .list();
    }
}
