package cn.elderguard.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.elderguard.lead.LeadSubmission.TipsterContact;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.GeneratedIds;

@Repository
class LeadRepository {

    private static final String COLUMNS = "ID, CASE_ID, INSTITUTION_ID, SOURCE, SUBMITTED_BY, REPORTED_INSTITUTION_NAME,"
        + " REPORTED_ADDRESS, REGION_CODE, DESCRIPTION, AMOUNT_INVOLVED_YUAN, PEOPLE_INVOLVED, OBSERVED_ON, RECEIVED_AT,"
        + " STATUS, FEEDBACK";

    private final JdbcClient jdbc;

    LeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Lead> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_LEAD WHERE ID = ?").param(id).query(LeadRepository::map).optional();
    }

    /** The case's leads, oldest first. */
    List<Lead> byCase(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_LEAD WHERE CASE_ID = ? ORDER BY ID").param(caseId).query(LeadRepository::map).list();
    }

    /** The leads one person or system submitted, newest first (the idempotency constraint's index starts with the submitter). */
    java.util.List<Lead> bySubmitter(String submittedBy, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_LEAD WHERE SUBMITTED_BY = ? ORDER BY ID DESC LIMIT ? OFFSET ?")
            .params(submittedBy, limit, offset).query(LeadRepository::map).list();
    }

    long countBySubmitter(String submittedBy) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_LEAD WHERE SUBMITTED_BY = ?").param(submittedBy).query(Long.class).single();
    }

    Optional<Lead> byIdempotencyKey(String submittedBy, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_LEAD WHERE SUBMITTED_BY = ? AND IDEMPOTENCY_KEY = ?")
            .params(submittedBy, key).query(LeadRepository::map).optional();
    }

    /** The submitter's leads stored under any of {@code keys}, by key: batch intake's resends in one query. */
    java.util.Map<String, Lead> byIdempotencyKeys(String submittedBy, java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("SELECT IDEMPOTENCY_KEY, " + COLUMNS + " FROM EG_LEAD WHERE SUBMITTED_BY = :submitter AND IDEMPOTENCY_KEY IN (:keys)")
            .param("submitter", submittedBy).param("keys", List.copyOf(keys))
            .query((rs, row) -> java.util.Map.entry(rs.getString("IDEMPOTENCY_KEY"), map(rs, row))).list().stream()
            .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    Optional<Lead> byTrackingCode(String trackingCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_LEAD WHERE TRACKING_CODE = ?").param(trackingCode)
            .query(LeadRepository::map).optional();
    }

    Optional<String> trackingCode(long leadId) {
        return jdbc.sql("SELECT TRACKING_CODE FROM EG_LEAD WHERE ID = ?").param(leadId).query(String.class).optional();
    }

    long insert(long caseId, long institutionId, LeadSubmission lead, RegionCode jurisdiction, String submittedBy,
                String idempotencyKey, String trackingCode, Timestamp receivedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_LEAD (CASE_ID, INSTITUTION_ID, SOURCE, SUBMITTED_BY, IDEMPOTENCY_KEY, REPORTED_INSTITUTION_NAME,"
                + " REPORTED_ADDRESS, REGION_CODE, DESCRIPTION, AMOUNT_INVOLVED_YUAN, PEOPLE_INVOLVED, OBSERVED_ON, RECEIVED_AT,"
                + " TRACKING_CODE, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(caseId, institutionId, lead.source().name(), submittedBy, idempotencyKey, lead.institution().name().trim(),
                lead.institution().address(), jurisdiction.value(), lead.description(), lead.amountInvolvedYuan(),
                lead.peopleInvolved(), lead.observedOn(), receivedAt, trackingCode, LeadStatus.RECEIVED.name())
            .update(key);
        return GeneratedIds.id(key);
    }

    void insertTipster(long leadId, TipsterContact contact) {
        jdbc.sql("INSERT INTO EG_TIPSTER (LEAD_ID, NAME, PHONE, EMAIL) VALUES (?, ?, ?, ?)")
            .params(leadId, blankToNull(contact.name()), blankToNull(contact.phone()), blankToNull(contact.email())).update();
    }

    Optional<TipsterContact> tipster(long leadId) {
        return jdbc.sql("SELECT NAME, PHONE, EMAIL FROM EG_TIPSTER WHERE LEAD_ID = ?").param(leadId)
            .query((rs, row) -> new TipsterContact(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    void updateStatusOfCase(long caseId, LeadStatus status, String feedback) {
        jdbc.sql("UPDATE EG_LEAD SET STATUS = ?, FEEDBACK = ? WHERE CASE_ID = ?").params(status.name(), feedback, caseId).update();
    }

    /** As {@link #updateStatusOfCase}, but never takes a closed lead back. */
    void updateStatusOfOpenCase(long caseId, LeadStatus status, String feedback) {
        jdbc.sql("UPDATE EG_LEAD SET STATUS = ?, FEEDBACK = ? WHERE CASE_ID = ? AND STATUS <> ?")
            .params(status.name(), feedback, caseId, LeadStatus.CLOSED.name()).update();
    }

    long countByCase(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_LEAD WHERE CASE_ID = ?").param(caseId).query(Long.class).single();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Lead map(ResultSet rs, int row) throws SQLException {
        java.sql.Date observed = rs.getDate("OBSERVED_ON");
        return new Lead(rs.getLong("ID"), rs.getLong("CASE_ID"), rs.getLong("INSTITUTION_ID"),
            LeadSource.valueOf(rs.getString("SOURCE")), rs.getString("SUBMITTED_BY"), rs.getString("REPORTED_INSTITUTION_NAME"),
            rs.getString("REPORTED_ADDRESS"), RegionCode.of(rs.getString("REGION_CODE")), rs.getString("DESCRIPTION"),
            rs.getBigDecimal("AMOUNT_INVOLVED_YUAN"), (Integer) rs.getObject("PEOPLE_INVOLVED"),
            observed == null ? null : observed.toLocalDate(), rs.getTimestamp("RECEIVED_AT").toInstant(),
            LeadStatus.valueOf(rs.getString("STATUS")), rs.getString("FEEDBACK"));
    }
}
