package cn.elderguard.notification;

import java.util.Collection;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.EngineJobs;
import cn.elderguard.system.GeneratedIds;
import cn.elderguard.system.Now;

/**
 * Mail to be sent: a row in EG_MAIL written in the transaction of the work that causes it, and an engine
 * job that sends it ({@link SendMailJob}). If that transaction rolls back, neither exists; if SMTP is
 * down, the job is retried. Must be called inside an engine command.
 */
@Component
class MailOutbox {

    /** R5/PT5M: five tries, five minutes apart (SendMailJob.retryDelay), then an incident. */
    static final int RETRIES = 5;
    /**
     * Mail jobs are acquired before deadline steps (priority 0): a burst of steps queues a mail each, and mail
     * waiting behind the rest of the burst is what made it late (docs/decisions/010-job-executor.md).
     */
    static final long PRIORITY = 10;

    private final JdbcClient jdbc;
    private final MailTemplates templates;

    MailOutbox(JdbcClient jdbc, MailTemplates templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    /** Queues one mail; nothing when there is no recipient with an address. */
    void enqueue(MailKind kind, Collection<String> to, Collection<String> cc, Map<String, Object> variables, String taskId,
                 String processDefinitionId) {
        if (to.isEmpty()) {
            return;
        }
        MailTemplates.Rendered mail = templates.render(kind.template(), variables);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_MAIL (KIND, RECIPIENTS, CC, SUBJECT, BODY, TASK_ID, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(kind.name(), String.join(",", to), cc.isEmpty() ? null : String.join(",", cc), mail.subject(), mail.body(),
                taskId, Now.timestamp())
            .update(keys);
        EngineJobs.send(SendMailJob.TYPE, String.valueOf(GeneratedIds.id(keys)), RETRIES, PRIORITY, processDefinitionId);
    }
}
