package cn.elderguard.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.elderguard.support.ForkedJvm;

/**
 * The import reads a sheet as a stream: a 10 MB file of 50,000 rows (the upload and row limits) is read in a
 * JVM whose whole heap is {@value #HEAP}, which Apache POI's in-memory workbook — how the import read before —
 * cannot do (docs/institutions.md, docs/benchmarks.md).
 */
class ScreeningListMemoryTest {

    static final String HEAP = "64m";
    private static Path file;

    @BeforeAll
    static void aFileAtTheLimits() throws IOException {
        Files.createDirectories(Path.of("target"));
        file = LargeScreeningList.write(Path.of("target", "screening-list-10mb.xlsx"), ScreeningListImport.MAX_ROWS, 11);
        assertThat(Files.size(file)).as("close to the 10 MB upload limit").isBetween(9L << 20, 10L << 20);
    }

    @Test
    void theStreamingReaderReadsAFileAtTheLimitsInASmallHeap() throws Exception {
        Result result = read("stream");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("rows=" + (ScreeningListImport.MAX_ROWS + 1));
    }

    @Test
    void theInMemoryWorkbookCannot() throws Exception {
        Result result = read("workbook");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("OutOfMemoryError");
    }

    private static Result read(String mode) throws Exception {
        Path output = Files.createTempFile("read-screening-list", ".txt");
        try {
            Process process = ForkedJvm.command(List.of("-Xmx" + HEAP, "-XX:+UseSerialGC"), ReadScreeningList.class,
                List.of(mode, file.toAbsolutePath().toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("reading took over 5 minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(mode + " with -Xmx" + HEAP + ": " + text.lines().filter(l -> l.startsWith("rows=")).findFirst().orElse("(failed)"));
            return new Result(process.exitValue(), text);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
