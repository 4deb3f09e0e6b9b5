package cn.elderguard.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The measures taken on a batch of cases (the timeline's {@link CaseEvent.Kind#MEASURE} lines), for a ledger page that
 * shows each case's measures (整改措施, docs/domain.md §6.13): one query per page, not one per case.
 */
@Repository
public class MeasuresTaken {

    private final JdbcClient jdbc;

    MeasuresTaken(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A measure taken: when, and what (the task's name without the measure's code). */
    public record Taken(Instant at, String name) {
    }

    /** Each case's measures in the order they were taken; cases without any are absent. Served by EG_IDX_CASE_EVENT_CASE. */
    public Map<Long, List<Taken>> of(Collection<Long> caseIds) {
        Map<Long, List<Taken>> taken = new HashMap<>();
        if (caseIds.isEmpty()) {
            return taken;
        }
        jdbc.sql("SELECT CASE_ID, OCCURRED_AT, TITLE FROM EG_CASE_EVENT WHERE CASE_ID IN (:ids) AND KIND = :kind ORDER BY CASE_ID, ID")
            .param("ids", List.copyOf(caseIds)).param("kind", CaseEvent.Kind.MEASURE.name())
            .query(rs -> {
                taken.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new Taken(rs.getTimestamp(2).toInstant(), name(rs.getString(3))));
            });
        return taken;
    }

    /** A measure's line is titled "CODE task name" (RecordOnTimeline): the name is what people read. */
    static String name(String title) {
        int space = title.indexOf(' ');
        return space > 0 && title.substring(0, space).matches("[A-Z][A-Z0-9_]*") ? title.substring(space + 1) : title;
    }
}
