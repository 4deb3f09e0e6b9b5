package cn.elderguard.lead;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.elderguard.system.GeneratedIds;

/**
 * Attachments in the database (EG_ATTACHMENT, EG_ATTACHMENT_CHUNK): a file is written and read one chunk of
 * {@value #CHUNK_BYTES} bytes at a time, so neither an upload nor a download holds more of it in memory
 * (docs/decisions/033-evidence-attachments.md). Writes belong to the caller's transaction.
 */
@Repository
class AttachmentStore {

    static final int CHUNK_BYTES = 256 * 1024;

    private static final String COLUMNS = "ID, CASE_ID, LEAD_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, DESCRIPTION, UPLOADED_BY, UPLOADED_AT";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AttachmentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An attachment with the case it belongs to. */
    record Stored(Attachment attachment, long caseId) {
    }

    long insert(long caseId, Long leadId, String fileName, String contentType, String description, String uploadedBy, Timestamp at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_ATTACHMENT (CASE_ID, LEAD_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, DESCRIPTION, UPLOADED_BY,"
                + " UPLOADED_AT) VALUES (?, ?, ?, ?, 0, '', ?, ?, ?)")
            .params(caseId, leadId, fileName, contentType, description, uploadedBy, at)
            .update(key);
        return GeneratedIds.id(key);
    }

    void insertChunk(long attachmentId, int seq, byte[] buffer, int length) {
        // A stream over the caller's buffer: the driver sends it as it reads, with no copy of the chunk.
        template.update("INSERT INTO EG_ATTACHMENT_CHUNK (ATTACHMENT_ID, SEQ, DATA) VALUES (?, ?, ?)", statement -> {
            statement.setLong(1, attachmentId);
            statement.setInt(2, seq);
            statement.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, length), length);
        });
    }

    void complete(long attachmentId, long size, String sha256) {
        jdbc.sql("UPDATE EG_ATTACHMENT SET SIZE_BYTES = ?, SHA256 = ? WHERE ID = ?").params(size, sha256, attachmentId).update();
    }

    Optional<Stored> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_ATTACHMENT WHERE ID = ?").param(id)
            .query((rs, row) -> new Stored(map(rs), rs.getLong("CASE_ID"))).optional();
    }

    /** The case's attachments (its own and its leads'), oldest first, after id {@code afterId}. */
    List<Attachment> ofCase(long caseId, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EG_ATTACHMENT WHERE CASE_ID = ? AND ID > ? ORDER BY ID FETCH FIRST " + limit
                + " ROWS ONLY")
            .params(caseId, afterId).query((rs, row) -> map(rs)).list();
    }

    /**
     * Writes the file to {@code out} chunk by chunk. Each chunk is read with its own short query, so no database
     * connection waits on a slow client. Fails when the chunks do not add up to {@code size}.
     */
    void copyTo(long attachmentId, long size, OutputStream out) throws IOException {
        long written = 0;
        for (int seq = 0; ; seq++) {
            List<byte[]> chunk = template.query("SELECT DATA FROM EG_ATTACHMENT_CHUNK WHERE ATTACHMENT_ID = ? AND SEQ = ?",
                (rs, row) -> rs.getBytes(1), attachmentId, seq);
            if (chunk.isEmpty()) {
                break;
            }
            out.write(chunk.get(0));
            written += chunk.get(0).length;
        }
        if (written != size) {
            throw new IOException("attachment " + attachmentId + " has " + written + " of its " + size + " bytes");
        }
    }

    private static Attachment map(ResultSet rs) throws SQLException {
        long lead = rs.getLong("LEAD_ID");
        Long leadId = rs.wasNull() ? null : lead;
        return new Attachment(rs.getLong("ID"), leadId, rs.getString("FILE_NAME"), rs.getString("CONTENT_TYPE"),
            rs.getLong("SIZE_BYTES"), rs.getString("DESCRIPTION"), rs.getString("UPLOADED_BY"),
            rs.getTimestamp("UPLOADED_AT").toInstant());
    }
}
