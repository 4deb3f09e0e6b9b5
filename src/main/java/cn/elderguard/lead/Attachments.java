package cn.elderguard.lead;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.ledger.CaseEvent;
import cn.elderguard.ledger.CaseTimeline;
import cn.elderguard.organisation.AccessScope;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;
import cn.elderguard.system.RejectNulCharacters;
import cn.elderguard.system.UnprocessableException;

/**
 * Evidence attachments of leads and cases (docs/intake.md, "Attachments"; docs/security.md). Who may attach: the
 * people of a unit working the case (its tasks were offered to their unit) and, to a lead, its submitter; supervisors
 * who only read the case may not. Who may download: whoever may read the case, and the uploader their own file.
 * A file is checked (size, then the kind found in its first bytes) before anything is stored, and stored with its
 * timeline line in one transaction.
 */
@Service
class Attachments {

    static final int MAX_DESCRIPTION = 500;
    static final String FORBIDDEN_UPLOAD = "您只能查阅此案件，不能为其添加附件；附件由办理单位或线索登记人上传";
    static final String FORBIDDEN_DOWNLOAD = "您无权下载此附件：只有能查阅该案件的人员和上传人本人可以下载";
    static final String NOT_FOUND = "附件不存在";

    private final AttachmentStore store;
    private final LeadRepository leads;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final CaseTimeline timeline;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final long maxBytes;

    Attachments(AttachmentStore store, LeadRepository leads, CaseRepository cases, CaseAccess access, CaseTimeline timeline,
                CurrentUser currentUser, TransactionTemplate transaction,
                @Value("${elderguard.attachments.max-size}") DataSize maxSize,
                @Value("${spring.servlet.multipart.max-file-size}") DataSize multipartMaxFileSize,
                @Value("${spring.servlet.multipart.max-request-size}") DataSize multipartMaxRequestSize) {
        if (multipartMaxFileSize.toBytes() < maxSize.toBytes() || multipartMaxRequestSize.toBytes() <= maxSize.toBytes()) {
            // Spring would refuse an allowed file before this service sees it, with the other limit in its message.
            throw new IllegalStateException("spring.servlet.multipart.max-file-size (" + multipartMaxFileSize + ") must be at least, and"
                + " max-request-size (" + multipartMaxRequestSize + ") larger than, elderguard.attachments.max-size (" + maxSize + ")");
        }
        this.store = store;
        this.leads = leads;
        this.cases = cases;
        this.access = access;
        this.timeline = timeline;
        this.currentUser = currentUser;
        this.transaction = transaction;
        this.maxBytes = maxSize.toBytes();
    }

    /** Attaches a file to a lead: its submitter, or a unit working its case. 404 for anyone who may not read either. */
    Attachment attachToLead(long leadId, MultipartFile file, String description) throws IOException {
        Lead lead = leads.byId(leadId).orElseThrow(() -> new NotFoundException(LeadController.NOT_FOUND));
        CaseFile caseFile = cases.byId(lead.caseId()).orElseThrow();
        boolean submitter = lead.submittedBy().equals(currentUser.id());
        if (!submitter && !mayWork(caseFile)) {
            if (access.mayRead(caseFile)) {
                throw new AccessDeniedException(FORBIDDEN_UPLOAD);
            }
            throw new NotFoundException(LeadController.NOT_FOUND);
        }
        return store(caseFile, leadId, file, description);
    }

    /** Attaches a file to a case as a whole: units working it only. */
    Attachment attachToCase(long caseId, MultipartFile file, String description) throws IOException {
        CaseFile caseFile = access.readable(caseId);
        if (!mayWork(caseFile)) {
            throw new AccessDeniedException(FORBIDDEN_UPLOAD);
        }
        return store(caseFile, null, file, description);
    }

    List<Attachment> ofCase(long caseId, long afterId, int limit) {
        access.readable(caseId);
        return store.ofCase(caseId, afterId, Math.min(Math.max(limit, 1), 100));
    }

    /** The attachment if the caller may download it: 404 when there is none, 403 when it is not theirs to read. */
    Attachment downloadable(long id) {
        AttachmentStore.Stored stored = store.byId(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        boolean uploader = stored.attachment().uploadedBy().equals(currentUser.id());
        if (!uploader && !cases.byId(stored.caseId()).filter(access::mayRead).isPresent()) {
            throw new AccessDeniedException(FORBIDDEN_DOWNLOAD);
        }
        return stored.attachment();
    }

    void copyTo(Attachment attachment, OutputStream out) throws IOException {
        store.copyTo(attachment.id(), attachment.size(), out);
    }

    /** A person of a unit the case's tasks were offered to (docs/security.md): they work it, so they may add evidence. */
    private boolean mayWork(CaseFile caseFile) {
        AccessScope scope = currentUser.scope();
        return scope.unit() != null && (scope.kind() == AccessScope.Kind.UNIT || scope.kind() == AccessScope.Kind.SUPERVISOR)
            && cases.involves(caseFile.id(), scope.unit());
    }

    private Attachment store(CaseFile caseFile, Long leadId, MultipartFile file, String description) throws IOException {
        String fileName = fileName(file);
        String text = description(description);
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "文件是空的，请重新选择");
        }
        if (caseFile.status() == CaseFile.Status.CLOSED) {
            throw new CaseClosedException();
        }
        try (InputStream in = file.getInputStream()) {
            byte[] buffer = new byte[AttachmentStore.CHUNK_BYTES];
            int first = in.readNBytes(buffer, 0, buffer.length);
            AttachmentType type = AttachmentType.sniff(buffer, first)
                .orElseThrow(() -> new InvalidInputException("file", AttachmentType.RULE));
            String uploader = currentUser.id();
            Timestamp now = Now.timestamp();
            long id = transaction.execute(status -> {
                try {
                    return write(caseFile.id(), leadId, fileName, type, text, uploader, now, in, buffer, first);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return store.byId(id).orElseThrow().attachment();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Metadata, chunks and the timeline line: all or nothing (the caller's transaction). */
    private long write(long caseId, Long leadId, String fileName, AttachmentType type, String description, String uploader,
                       Timestamp now, InputStream in, byte[] buffer, int first) throws IOException {
        long id = store.insert(caseId, leadId, fileName, type.mediaType(), description, uploader, now);
        MessageDigest sha256 = sha256();
        long size = 0;
        int length = first;
        for (int seq = 0; length > 0; seq++) {
            size += length;
            if (size > maxBytes) {
                // The part grew after it was measured (it never should): refuse as if it had been too large.
                throw new MaxUploadSizeExceededException(maxBytes);
            }
            sha256.update(buffer, 0, length);
            store.insertChunk(id, seq, buffer, length);
            length = in.readNBytes(buffer, 0, buffer.length);
        }
        store.complete(id, size, HexFormat.of().formatHex(sha256.digest()));
        Optional<UnitKey> unit = Optional.ofNullable(currentUser.scope().unit());
        timeline.record(new CaseEvent(caseId, now.toInstant(), CaseEvent.Kind.ATTACHED, null,
            "上传附件：" + fileName, uploader, unit.map(u -> u.agency().name()).orElse(null),
            unit.map(u -> u.region().value()).orElse(null), null, null, null,
            (leadId != null ? "线索 " + leadId + " 的附件" : "案件附件") + (description == null ? "" : "：" + description)));
        return id;
    }

    /** The name as the person's device gave it, without folders or control characters; never empty. */
    static String fileName(MultipartFile file) {
        return AttachmentType.fileName(file.getOriginalFilename(), "附件");
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (RejectNulCharacters.containsNul(description)) {
            throw new InvalidInputException("description", RejectNulCharacters.MESSAGE);
        }
        if (description.strip().length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "不能超过 " + MAX_DESCRIPTION + " 个字");
        }
        return description.strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 422: a closed (销号) case takes no more evidence. */
    static final class CaseClosedException extends UnprocessableException {

        CaseClosedException() {
            super("case closed", "案件已销号", "该案件已销号，不能再添加附件；如有新情况，请登记新线索", List.of());
        }
    }
}
