package cn.elderguard.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When a batch of cases' open work is due (时间安排 of the key-lead ledger, docs/domain.md §6.13): one grouped query
 * per ledger page.
 */
@Service
public class CaseDueDates {

    private final JdbcClient jdbc;

    CaseDueDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The earliest due moment of each case's open tasks; cases without an open task are absent. Served by
     * EG_IDX_TASK_DEADLINE_CASE (V19).
     */
    public Map<Long, Instant> earliestOpenDue(Collection<Long> caseIds) {
        Map<Long, Instant> due = new HashMap<>();
        if (caseIds.isEmpty()) {
            return due;
        }
        jdbc.sql("SELECT CASE_ID, MIN(DUE_AT) FROM EG_TASK_DEADLINE WHERE CASE_ID IN (:ids) AND COMPLETED_AT IS NULL GROUP BY CASE_ID")
            .param("ids", List.copyOf(caseIds))
            .query(rs -> {
                due.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
            });
        return due;
    }
}
