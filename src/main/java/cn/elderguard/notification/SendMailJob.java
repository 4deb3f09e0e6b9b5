package cn.elderguard.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.EngineJobHandler;
import cn.elderguard.system.Now;

/**
 * Sends one queued mail (EG_MAIL) and stamps it sent, in the job's transaction: a mail already stamped is
 * not sent again. An SMTP failure fails the job, which the engine retries; with {@code elderguard.mail.mode=log}
 * (the demo) the mail is written to the log instead. Once its own mail is out, the job also drains up to
 * {@link #DRAIN} other due mails over one connection (docs/decisions/011-mail-outbox.md).
 */
@Component
public class SendMailJob implements EngineJobHandler {

    static final String TYPE = "eg-send-mail";
    /** Other mails one job sends after its own: one SMTP connection and one transaction for up to 50 mails. */
    public static final int DRAIN = 49;
    private static final Logger log = LoggerFactory.getLogger(SendMailJob.class);
    private static final RowMapper<Mail> MAIL = (rs, row) -> new Mail(rs.getLong(1), split(rs.getString(2)), split(rs.getString(3)),
        rs.getString(4), rs.getString(5));
    /**
     * Unsent mails whose own job is due, not locked by an executor and not given up (an incident waits for an
     * administrator). Row locks, skipping rows another job holds: two nodes never send the same mail, and the
     * mail's own job, which locks it before sending, waits for this transaction and then finds it stamped.
     */
    private static final String DUE_MAIL = "SELECT M.ID, M.RECIPIENTS, M.CC, M.SUBJECT, M.BODY FROM EG_MAIL M"
        + " WHERE M.SENT_AT IS NULL AND M.ID <> ? AND M.ID IN (SELECT CAST(J.HANDLER_CFG_ AS BIGINT) FROM ACT_RU_JOB J"
        + " WHERE J.HANDLER_TYPE_ = ? AND J.LOCK_OWNER_ IS NULL AND J.RETRIES_ > 0 AND J.SUSPENSION_STATE_ = 1"
        + " AND (J.DUEDATE_ IS NULL OR J.DUEDATE_ <= ?))"
        + " ORDER BY M.ID LIMIT " + DRAIN + " FOR UPDATE SKIP LOCKED";

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
        // Locked, waiting if another job is draining it: after that job commits, the row is stamped and not found.
        Optional<Mail> found = jdbc.getObject().sql("SELECT ID, RECIPIENTS, CC, SUBJECT, BODY FROM EG_MAIL WHERE ID = ? AND SENT_AT IS NULL FOR UPDATE")
            .param(Long.parseLong(mailId)).query(MAIL).optional();
        if (found.isEmpty()) {
            return;
        }
        Mail mail = found.get();
        // Alone first: if the server refuses it, the job fails and is retried, and nothing else went out in a
        // transaction that now rolls back (other mails would be sent twice).
        try {
            if (logOnly) {
                logInstead(mail);
            } else {
                JavaMailSender mailSender = sender.getObject();
                mailSender.send(message(mailSender, mail));
            }
        } catch (MailException e) {
            // The incident message in Cockpit is this text: say which mail and which addresses.
            throw new IllegalStateException("邮件 " + mailId + " 发送失败，收件人 " + mail.to() + " 抄送 " + mail.cc() + "："
                + rootMessage(e), e);
        }
        stamp(mail.id());
        drain(mail.id());
    }

    /**
     * Sends other due mails over one connection. One that cannot be sent — an address that is no address, a refusal
     * by the server — stays unsent for its own job, whose retries and incident say why; it never holds up the others.
     */
    private void drain(long own) {
        List<Mail> due = jdbc.getObject().sql(DUE_MAIL).params(own, TYPE, Now.timestamp()).query(MAIL).list();
        if (logOnly) {
            due.forEach(mail -> {
                logInstead(mail);
                stamp(mail.id());
            });
            return;
        }
        JavaMailSender mailSender = sender.getObject();
        Map<MimeMessage, Long> messages = new LinkedHashMap<>();
        for (Mail mail : due) {
            try {
                messages.put(message(mailSender, mail), mail.id());
            } catch (MailException invalid) {
                log.debug("Mail {} left to its own job: {}", mail.id(), rootMessage(invalid));
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        Set<Long> failed = new HashSet<>();
        try {
            // One call, one connection (JavaMailSenderImpl); a refused message is reported under the object passed in.
            mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().keySet().forEach(message -> failed.add(messages.get(message)));
        } catch (MailException e) {
            log.warn("Mail drain after mail {} failed, its {} mails wait for their own jobs: {}", own, messages.size(), rootMessage(e));
            return;
        }
        messages.values().stream().filter(id -> !failed.contains(id)).forEach(this::stamp);
    }

    private void logInstead(Mail mail) {
        log.info("Mail (not sent, elderguard.mail.mode=log) to {} cc {}: {}\n{}", mail.to(), mail.cc(), mail.subject(), mail.body());
    }

    /**
     * The mail as a message whose Message-ID is the outbox row's (JavaMailSenderImpl keeps a Message-ID that is set):
     * a mail sent again after a node died before stamping it is the same message, which receiving servers and mail
     * clients show once (docs/decisions/043-two-nodes.md). An address that cannot be parsed fails here.
     */
    private MimeMessage message(JavaMailSender mailSender, Mail mail) {
        MimeMessage message = mailSender.createMimeMessage();
        SimpleMailMessage content = mail.message();
        content.setFrom(from);
        content.copyTo(new MimeMailMessage(message));
        try {
            message.setHeader("Message-ID", messageId(mail.id(), from));
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }

    static String messageId(long mailId, String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "elderguard.local" : from.substring(at + 1).replace(">", "").trim();
        return "<elderguard-mail-" + mailId + "@" + domain + ">";
    }

    private void stamp(long mailId) {
        jdbc.getObject().sql("UPDATE EG_MAIL SET SENT_AT = ? WHERE ID = ?").params(Now.timestamp(), mailId).update();
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

    private record Mail(long id, List<String> to, List<String> cc, String subject, String body, SimpleMailMessage message) {

        Mail(long id, List<String> to, List<String> cc, String subject, String body) {
            this(id, to, cc, subject, body, new SimpleMailMessage());
            message.setTo(to.toArray(String[]::new));
            message.setCc(cc.toArray(String[]::new));
            message.setSubject(subject);
            message.setText(body);
        }
    }
}
