package cn.elderguard.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads the case timeline (EG_CASE_EVENT). */
@Repository
public class CaseTimeline {

    private final JdbcClient jdbc;

    CaseTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(CaseEvent event) {
        jdbc.sql("INSERT INTO EG_CASE_EVENT (CASE_ID, OCCURRED_AT, KIND, TASK_KEY, TITLE, ACTOR, AGENCY, REGION_CODE, DUE_AT,"
                + " AMOUNT_YUAN, PEOPLE, NOTES) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(event.caseId(), Timestamp.from(event.occurredAt()), event.kind().name(), event.taskKey(), event.title(),
                event.actor(), event.agency(), event.regionCode(), event.dueAt() == null ? null : Timestamp.from(event.dueAt()),
                event.amountYuan(), event.people(), event.notes())
            .update();
    }

    public List<CaseEvent> of(long caseId) {
        return jdbc.sql("SELECT CASE_ID, OCCURRED_AT, KIND, TASK_KEY, TITLE, ACTOR, AGENCY, REGION_CODE, DUE_AT, AMOUNT_YUAN, PEOPLE,"
                + " NOTES FROM EG_CASE_EVENT WHERE CASE_ID = ? ORDER BY ID")
            .param(caseId)
            .query((rs, row) -> new CaseEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), CaseEvent.Kind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getBigDecimal(10),
                (Integer) rs.getObject(11), rs.getString(12)))
            .list();
    }

    /** Whether the case has an event of {@code kind} whose notes end with {@code suffix} (to record a line once). */
    public boolean has(long caseId, CaseEvent.Kind kind, String notesSuffix) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_CASE_EVENT WHERE CASE_ID = ? AND KIND = ? AND NOTES LIKE ?")
            .params(caseId, kind.name(), "%" + notesSuffix).query(Long.class).single() > 0;
    }

    /** Refunds recorded so far: total amount and people of the case's refund tranches. */
    public Totals refunds(long caseId, String refundTaskKey) {
        return jdbc.sql("SELECT COALESCE(SUM(AMOUNT_YUAN), 0), COALESCE(SUM(PEOPLE), 0) FROM EG_CASE_EVENT"
                + " WHERE CASE_ID = ? AND TASK_KEY = ? AND KIND = 'MEASURE'")
            .params(caseId, refundTaskKey)
            .query((rs, row) -> new Totals(rs.getBigDecimal(1), rs.getInt(2))).single();
    }

    public record Totals(BigDecimal amountYuan, int people) {
    }
}
