package cn.elderguard.institution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A screening list as large as an upload may be: {@code rows} rows of random Chinese text, which compresses
 * badly, so 50,000 rows come close to the 10 MB upload limit. Text cells go to the shared-strings table, as
 * Excel writes them (the table is what an in-memory reader holds whole).
 */
final class LargeScreeningList {

    private static final String[] HEADER = {"机构名称*", "统一社会信用代码", "是否已登记*（是/否）", "所有制（公办/民办/公建民营）",
        "法人类型（民非/企业）", "行业", "所在区划代码*（12位）", "地址", "床位数", "在住老人数", "预收费用（元）", "关联企业",
        "承诺书签订日期", "异地登记区划代码"};

    private LargeScreeningList() {
    }

    static Path write(Path file, int rows, long seed) throws IOException {
        return write(file, rows, seed, true);
    }

    /** With {@code randomText} false, rows carry only a short numbered name: many rows in a small file. */
    static Path write(Path file, int rows, long seed, boolean randomText) throws IOException {
        Random random = new Random(seed);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 200, true, true);
             OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("摸排对象清单");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(randomText ? chinese(random, 11) + "养老院" : "养老院" + r);
                row.createCell(2).setCellValue("否");
                row.createCell(6).setCellValue("999001001001");
                if (!randomText) {
                    continue;
                }
                row.createCell(7).setCellValue(chinese(random, 28));
                row.createCell(8).setCellValue(random.nextInt(500));
                row.createCell(11).setCellValue(chinese(random, 38));
            }
            workbook.write(out);
            workbook.dispose();
        }
        return file;
    }

    private static String chinese(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
        }
        return text.toString();
    }
}
