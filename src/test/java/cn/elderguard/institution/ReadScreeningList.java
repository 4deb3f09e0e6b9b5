package cn.elderguard.institution;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a screening list the way the import does and prints what it cost, for a JVM started with a small
 * heap (ScreeningListMemoryTest, docs/benchmarks.md): {@code stream <file>} with {@link XlsxSheet} (both passes
 * of the import), {@code workbook <file>} with Apache POI's in-memory workbook (the import before it streamed).
 * Prints {@code rows=… texts=… seconds=… heapPeakMiB=… rssPeakMiB=…}.
 */
public final class ReadScreeningList {

    private ReadScreeningList() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        long[] rowsAndChars = args[0].equals("stream") ? stream(file) : workbook(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rows=%d texts=%d seconds=%.1f heapPeakMiB=%d rssPeakMiB=%d%n", rowsAndChars[0], rowsAndChars[1],
            seconds, heapPeak() >> 20, rssPeakKib() >> 10);
    }

    private static long[] stream(Path file) throws Exception {
        long[] counts = new long[2];
        try (XlsxSheet sheet = XlsxSheet.open(file, 14)) {
            sheet.rows((number, cells) -> {
            });
            sheet.rows((number, cells) -> {
                counts[0]++;
                for (String cell : cells) {
                    counts[1] += cell == null ? 0 : cell.length();
                }
            });
        }
        return counts;
    }

    private static long[] workbook(Path file) throws Exception {
        long[] counts = new long[2];
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                counts[0]++;
                for (int c = 0; c < 14; c++) {
                    counts[1] += formatter.formatCellValue(row.getCell(c)).length();
                }
            }
        }
        return counts;
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
    }

    /** VmHWM: the most resident memory the process had (Linux). */
    private static long rssPeakKib() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
            .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }
}
