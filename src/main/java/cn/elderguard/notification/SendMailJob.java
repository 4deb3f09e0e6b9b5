package cn.elderguard.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.EngineJobHandler;
import cn.elderguard.system.Now;

/**
 * Sends one queued mail (EG_MAIL) and stamps it sent, in the job's transaction: a mail already stamped is
 * not sent again. An SMTP failure fails the job, which the engine retries; with {@code elderguard.mail.mode=log}
 * (the demo) the mail is written to the log instead.
 */
@Component
class SendMailJob implements EngineJobHandler {

    static final String TYPE = "eg-send-mail";
    private static final Logger log = LoggerFactory.getLogger(SendMailJob.class);

    /** Lazy: the JDBC beans wait for Flyway, which waits for the engine this handler is part of. */
    private final ObjectProvider<JdbcClient> jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final boolean logOnly;
    private final String from;
    private final Duration retryDelay;

    SendMailJob(ObjectProvider<JdbcClient> jdbc, ObjectProvider<JavaMailSender> sender, @Value("${elderguard.mail.mode:smtp}") String mode,
                @Value("${elderguard.mail.from}") String from, @Value("${elderguard.mail.retry-delay:PT5M}") Duration retryDelay) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.logOnly = "log".equals(mode);
        this.from = from;
        this.retryDelay = retryDelay;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public Duration retryDelay() {
        return retryDelay;
    }

    @Override
    public void run(String mailId) {
        Optional<Mail> found = jdbc.getObject().sql("SELECT RECIPIENTS, CC, SUBJECT, BODY FROM EG_MAIL WHERE ID = ? AND SENT_AT IS NULL")
            .param(Long.parseLong(mailId))
            .query((rs, row) -> new Mail(split(rs.getString(1)), split(rs.getString(2)), rs.getString(3), rs.getString(4)))
            .optional();
        if (found.isEmpty()) {
            return;
        }
        Mail mail = found.get();
        if (logOnly) {
            log.info("Mail (not sent, elderguard.mail.mode=log) to {} cc {}: {}\n{}", mail.to(), mail.cc(), mail.subject(), mail.body());
        } else {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.to().toArray(String[]::new));
            message.setCc(mail.cc().toArray(String[]::new));
            message.setSubject(mail.subject());
            message.setText(mail.body());
            try {
                sender.getObject().send(message);
            } catch (MailException e) {
                // The incident message in Cockpit is this text: say which mail and which addresses.
                throw new IllegalStateException("邮件 " + mailId + " 发送失败，收件人 " + mail.to() + " 抄送 " + mail.cc() + "："
                    + rootMessage(e), e);
            }
        }
        jdbc.getObject().sql("UPDATE EG_MAIL SET SENT_AT = ? WHERE ID = ?")
            .params(Now.timestamp(), Long.parseLong(mailId)).update();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
    }

    private static List<String> split(String addresses) {
        return addresses == null || addresses.isBlank() ? List.of() : Arrays.stream(addresses.split(",")).map(String::trim).toList();
    }

    private record Mail(List<String> to, List<String> cc, String subject, String body) {
    }
}
