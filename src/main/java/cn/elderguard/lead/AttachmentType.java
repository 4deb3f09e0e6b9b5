package cn.elderguard.lead;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file an attachment may be (docs/decisions/033-evidence-attachments.md): photos as phones take them
 * and scanned documents. Recognised by the file's first bytes, never by its name or the type the browser claims,
 * so an executable renamed {@code .jpg} is refused. Public for the other capabilities that take files (a campaign's
 * publicity photos and pledge scans), which accept a subset of these kinds.
 */
public enum AttachmentType {

    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    HEIC("image/heic"),
    HEIF("image/heif"),
    PDF("application/pdf");

    /** What the refusal names: the allowed kinds as a person knows them. */
    static final String RULE = "只能上传 JPEG、PNG、WebP、HEIC 格式的照片或 PDF 文件（按文件内容识别，改扩展名无效）";

    /** Enough of the file's start to recognise every kind above. */
    public static final int HEAD_BYTES = 16;

    /** Longest stored file name. */
    public static final int MAX_FILE_NAME = 200;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** ISO base media file brands of HEIC (HEVC-coded images, iPhones' default) and of HEIF in general. */
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");

    private final String mediaType;

    AttachmentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The kind whose signature {@code head} (the file's first {@code length} bytes) starts with, if any. */
    public static Optional<AttachmentType> sniff(byte[] head, int length) {
        byte[] start = Arrays.copyOf(head, Math.min(length, HEAD_BYTES));
        if (start.length >= 3 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xD8 && (start[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(start, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (ascii(start, 0, 4).equals("RIFF") && ascii(start, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(start, 4, 4).equals("ftyp")) {
            String brand = ascii(start, 8, 4);
            if (HEIC_BRANDS.contains(brand)) {
                return Optional.of(HEIC);
            }
            if (HEIF_BRANDS.contains(brand)) {
                return Optional.of(HEIF);
            }
        }
        if (ascii(start, 0, 5).equals("%PDF-")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** The name as the person's device gave it, without folders, control characters or quotes; {@code fallback} when empty. */
    public static String fileName(String original, String fallback) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            return fallback;
        }
        if (name.length() > MAX_FILE_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_FILE_NAME - extension.length()) + extension;
        }
        return name;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return bytes.length >= offset + length ? new String(bytes, offset, length, StandardCharsets.ISO_8859_1) : "";
    }
}
