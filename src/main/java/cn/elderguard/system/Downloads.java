package cn.elderguard.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The headers of every download — a file from outside sent back (evidence attachments, a campaign's photos and scans)
 * or one the application generates (exports, reports): a download under its own name, never shown inline, never sniffed into another type, sandboxed, not cached, so a PDF or image from
 * outside runs nothing in the application's origin (docs/security.md).
 */
public final class Downloads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    public static void attachment(HttpServletResponse response, String fileName, String contentType, long size) {
        headers(response, fileName, contentType);
        response.setContentLengthLong(size);
    }

    /**
     * A generated file (an export, a report) as a download of unknown length: answers the body to write it to. Call it
     * only once the content is ready to be written, so that a refusal before is still a plain error answer.
     */
    public static OutputStream stream(HttpServletResponse response, String fileName, String contentType) throws IOException {
        headers(response, fileName, contentType);
        return response.getOutputStream();
    }

    private static void headers(HttpServletResponse response, String fileName, String contentType) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
