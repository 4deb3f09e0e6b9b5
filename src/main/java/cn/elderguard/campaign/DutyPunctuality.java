package cn.elderguard.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/**
 * The campaign duties of each unit of a region-code range that fell due in a period, across campaigns, judged as the
 * campaign assessment judges them (docs/assessment.md, rule 2): on time, late or missing; a duty not yet due does not
 * count. For the console's unit assessment (docs/assessment.md, "Console assessment").
 */
@Service
public class DutyPunctuality {

    private final JdbcClient jdbc;

    DutyPunctuality(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Duties(int onTime, int late, int missing) {

        public static final Duties NONE = new Duties(0, 0, 0);

        public int due() {
            return onTime + late + missing;
        }
    }

    /**
     * The units' own duties (plan, monthly reports, unit summary; not the office's compiled summary) due in
     * [{@code from}, {@code to}) and before {@code now}, in one grouped query served by EG_IDX_CAMPAIGN_DUTY_DUE (V19).
     */
    public Map<UnitKey, Duties> byUnit(String first, String last, Agency agency, Instant from, Instant to, Instant now) {
        Map<UnitKey, Duties> duties = new HashMap<>();
        Instant until = to.isBefore(now) ? to : now;
        if (!from.isBefore(until)) {
            return duties;
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("first", first);
        parameters.put("last", last);
        parameters.put("from", Timestamp.from(from));
        parameters.put("until", Timestamp.from(until));
        parameters.put("kinds", List.of(DutyKind.PLAN.name(), DutyKind.MONTHLY_REPORT.name(), DutyKind.UNIT_SUMMARY.name()));
        if (agency != null) {
            parameters.put("agency", agency.name());
        }
        jdbc.sql("SELECT AGENCY, REGION_CODE,"
                + " SUM(CASE WHEN FILED_AT IS NOT NULL AND FILED_AT <= DUE_AT THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN FILED_AT IS NOT NULL AND FILED_AT > DUE_AT THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN FILED_AT IS NULL THEN 1 ELSE 0 END)"
                + " FROM EG_CAMPAIGN_DUTY WHERE DUE_AT >= :from AND DUE_AT < :until AND REGION_CODE BETWEEN :first AND :last"
                + " AND KIND IN (:kinds)" + (agency == null ? "" : " AND AGENCY = :agency") + " GROUP BY AGENCY, REGION_CODE")
            .params(parameters)
            .query(rs -> {
                duties.put(new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2))),
                    new Duties(rs.getInt(3), rs.getInt(4), rs.getInt(5)));
            });
        return duties;
    }
}
