package cn.elderguard.support;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ElderGuard's own engine jobs (deadline steps, mail) carry no process instance, so tests find them by
 * handler type and configuration in the engine's job table.
 */
public final class EngineJobRows {

    public static final String DEADLINE = "eg-task-deadline";
    public static final String MAIL = "eg-send-mail";

    private EngineJobRows() {
    }

    public static JdbcClient jdbc(ProcessEngine engine) {
        return JdbcClient.create(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
    }

    /** The pending job of this type and configuration, if any. */
    public static Optional<Job> pending(ProcessEngine engine, String type, String configuration) {
        List<Job> jobs = jdbc(engine).sql("SELECT ID_, DUEDATE_, RETRIES_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND HANDLER_CFG_ = ?")
            .params(type, configuration)
            .query((rs, row) -> new Job(rs.getString(1), rs.getTimestamp(2), rs.getInt(3))).list();
        if (jobs.size() > 1) {
            throw new AssertionError("more than one pending " + type + " job for " + configuration + ": " + jobs);
        }
        return jobs.stream().findFirst();
    }

    /** Ids of the pending jobs of this type. */
    public static List<String> all(ProcessEngine engine, String type) {
        return jdbc(engine).sql("SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? ORDER BY ID_").param(type).query(String.class).list();
    }

    public record Job(String id, Timestamp due, int retries) {
    }
}
