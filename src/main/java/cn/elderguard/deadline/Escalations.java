package cn.elderguard.deadline;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;

/**
 * What other capabilities may ask about the escalation ledger (docs/domain.md §7: every step is recorded against the
 * unit that owed the work); they never read the deadline tables themselves.
 */
@Service
public class Escalations {

    private final JdbcClient jdbc;

    Escalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many escalation steps (not reminders) were recorded against each unit on the tasks of one process instance, in
     * one grouped query (served by EG_IDX_TASK_DEADLINE_PROCESS and the ledger's unique (TASK_ID, STEP) index). Units
     * without any are absent; so is work without a unit.
     */
    public Map<UnitKey, Integer> countByUnit(String processInstanceId) {
        Map<UnitKey, Integer> counts = new HashMap<>();
        if (processInstanceId == null) {
            return counts;
        }
        jdbc.sql("SELECT E.AGENCY, E.REGION_CODE, COUNT(*) FROM EG_TASK_DEADLINE D JOIN EG_ESCALATION E ON E.TASK_ID = D.TASK_ID"
                + " WHERE D.PROCESS_INSTANCE_ID = ? AND E.KIND = ? AND E.AGENCY IS NOT NULL GROUP BY E.AGENCY, E.REGION_CODE")
            .params(processInstanceId, TaskDeadlines.ESCALATION)
            .query(rs -> {
                counts.put(new UnitKey(Agency.valueOf(rs.getString(1)), RegionCode.of(rs.getString(2))), rs.getInt(3));
            });
        return counts;
    }
}
