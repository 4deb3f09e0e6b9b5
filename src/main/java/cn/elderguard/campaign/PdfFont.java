package cn.elderguard.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.lowagie.text.pdf.BaseFont;

/**
 * The Chinese font of the PDF exports (docs/campaigns.md, "Figures and the summary report"): the file
 * {@code elderguard.pdf.font} names, or else the first of Debian's CJK fonts that is installed. The font is embedded
 * (only the characters used), so the PDF prints the same everywhere. The console's summary PDF uses it too.
 */
@Component
public class PdfFont {

    /** Debian's fonts-wqy-microhei, fonts-wqy-zenhei and fonts-droid-fallback: TrueType, which PDF embeds as is. */
    static final List<Path> KNOWN = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
        Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    private final String configured;
    private final List<Path> known;
    private volatile BaseFont font;

    @Autowired
    PdfFont(@Value("${elderguard.pdf.font:}") String configured) {
        this(configured, KNOWN);
    }

    PdfFont(String configured, List<Path> known) {
        this.configured = configured == null ? "" : configured.trim();
        this.known = known;
    }

    /** The font, loaded once; {@link Missing} when there is none to load. */
    public BaseFont font() {
        BaseFont loaded = font;
        if (loaded == null) {
            loaded = load();
            font = loaded;
        }
        return loaded;
    }

    private BaseFont load() {
        Path file = configured.isEmpty() ? known.stream().filter(Files::isReadable).findFirst().orElse(null) : Path.of(configured);
        if (file == null || !Files.isReadable(file)) {
            throw new Missing(configured.isEmpty() ? null : configured, null);
        }
        String name = file.toString();
        try {
            // A collection (.ttc) holds several faces: take the first.
            return BaseFont.createFont(name.toLowerCase().endsWith(".ttc") ? name + ",0" : name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new Missing(name, e);
        }
    }

    /** No usable Chinese font: the PDF export answers 503 saying what to install or set. */
    public static final class Missing extends RuntimeException {

        Missing(String file, Exception cause) {
            super("服务器缺少可用的中文字体，暂时无法生成 PDF。请管理员安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei），"
                + "或用配置项 elderguard.pdf.font（环境变量 EG_PDF_FONT）指定一个中文 TrueType 字体文件后重启"
                + (file == null ? "" : "；当前配置的字体 " + file + " 不存在或无法读取"), cause);
        }
    }
}
