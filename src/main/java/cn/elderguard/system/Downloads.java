package cn.elderguard.system;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The headers of a file from outside sent back (evidence attachments, a campaign's photos and scans): a download under
 * its own name, never shown inline, never sniffed into another type, sandboxed, not cached, so a PDF or image from
 * outside runs nothing in the application's origin (docs/security.md).
 */
public final class Downloads {

    private Downloads() {
    }

    public static void attachment(HttpServletResponse response, String fileName, String contentType, long size) {
        response.setContentType(contentType);
        response.setContentLengthLong(size);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
