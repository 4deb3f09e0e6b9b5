package cn.elderguard.system;

import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Size limits of single upload doors. The servlet container's multipart limit is one for the whole application (the
 * largest door's, an attachment's); a door with a smaller limit, such as the imports, checks its own here
 * and is refused with 413 naming it, like the container's.
 */
public final class UploadLimits {

    /** Imported files: the screening list's spreadsheet (docs/institutions.md) and the organisation file. */
    public static final DataSize IMPORT = DataSize.ofMegabytes(10);

    private UploadLimits() {
    }

    public static void check(MultipartFile file, DataSize limit) {
        if (file.getSize() > limit.toBytes()) {
            throw new MaxUploadSizeExceededException(limit.toBytes());
        }
    }

    /** A limit as people read it: "20MB", "512KB". */
    public static String describe(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + "MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + "KB";
        }
        return bytes + " 字节";
    }
}
