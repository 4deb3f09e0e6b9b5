package cn.elderguard.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which font the PDF exports use, and what an installation without one is told (plain JUnit). */
class PdfFontTest {

    @Test
    void withoutAChineseFontTheAnswerSaysWhatToInstallOrSet() {
        assertThatThrownBy(() -> new PdfFont("", List.of(Path.of("/nonexistent/font.ttc"))).font())
            .isInstanceOf(PdfFont.Missing.class)
            .hasMessageContaining("fonts-wqy-microhei").hasMessageContaining("elderguard.pdf.font");
    }

    @Test
    void aConfiguredFontThatIsNotThereIsNamed() {
        assertThatThrownBy(() -> new PdfFont("/nonexistent/chinese.ttf", PdfFont.KNOWN).font())
            .isInstanceOf(PdfFont.Missing.class).hasMessageContaining("/nonexistent/chinese.ttf");
    }

    @Test
    void aFileThatIsNoFontIsRefusedTheSameWay() throws Exception {
        Path notAFont = Files.createTempFile("not-a-font", ".ttf");
        try {
            Files.writeString(notAFont, "not a font");
            assertThatThrownBy(() -> new PdfFont(notAFont.toString(), List.of()).font()).isInstanceOf(PdfFont.Missing.class)
                .hasMessageContaining(notAFont.toString());
        } finally {
            Files.delete(notAFont);
        }
    }

    @Test
    void theFirstInstalledKnownFontIsTakenAndLoadedOnce() {
        assumeTrue(PdfFont.KNOWN.stream().anyMatch(Files::isReadable), "a CJK font is installed (.ci/run installs fonts-wqy-microhei)");
        PdfFont font = new PdfFont("", PdfFont.KNOWN);
        assertThat(font.font().charExists('养')).isTrue();
        assertThat(font.font()).isSameAs(font.font());
    }
}
