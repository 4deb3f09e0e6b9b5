package cn.elderguard.institution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.OrganisationRepository.Sector;
import cn.elderguard.system.DatabaseUnavailable;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.RejectNulCharacters;

/**
 * 摸排对象清单 as a spreadsheet: a template with Chinese headers, and an import that upserts every valid row
 * (by credit code, or name and jurisdiction) and reports every rejected row with its number, column and
 * reason. Each row is its own transaction, so one bad row never holds back the others. Importing the same
 * file again changes nothing. The sheet is read as a stream, so memory does not grow with the file
 * (docs/institutions.md).
 */
@Component
public class ScreeningListImport {

    static final int MAX_ROWS = 50_000;
    /** Problems listed in a result: enough to fix a file, never a response of megabytes (docs/institutions.md). */
    static final int MAX_LISTED_PROBLEMS = 1_000;
    /** Characters of a cell shown in a problem. */
    private static final int SHOWN_CHARS = 50;

    /** Columns in template order: header, field of {@link InstitutionInput}. */
    private static final List<Column> COLUMNS = List.of(
        new Column("机构名称*", "name"),
        new Column("统一社会信用代码", "creditCode"),
        new Column("是否已登记*（是/否）", "registered"),
        new Column("所有制（公办/民办/公建民营）", "ownership"),
        new Column("法人类型（民非/企业）", "legalForm"),
        new Column("行业", "sector"),
        new Column("所在区划代码*（12位）", "jurisdiction"),
        new Column("地址", "address"),
        new Column("床位数", "beds"),
        new Column("在住老人数", "residents"),
        new Column("预收费用（元）", "prepaidFeesYuan"),
        new Column("关联企业", "relatedCompanies"),
        new Column("承诺书签订日期", "pledgeSignedOn"),
        new Column("异地登记区划代码", "registeredElsewhere"));

    /**
     * The template's example row begins its name with this mark and carries {@link #EXAMPLE_CREDIT_CODE}; a row with
     * either is skipped (counted, never imported), whatever else was typed over it (docs/institutions.md).
     */
    static final String EXAMPLE_MARK = "【示例】";
    static final String EXAMPLE_CREDIT_CODE = "52999001MJ000001X" + CreditCode.checkCharacter("52999001MJ000001X");

    private final InstitutionService institutions;
    private final OrganisationRepository organisation;
    private final Validator validator;

    ScreeningListImport(InstitutionService institutions, OrganisationRepository organisation, Validator validator) {
        this.institutions = institutions;
        this.organisation = organisation;
        this.validator = validator;
    }

    public byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("摸排对象清单");
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            List<String> values = List.of(EXAMPLE_MARK + "示范县幸福养老院（示例行，导入时跳过）", EXAMPLE_CREDIT_CODE, "是", "民办", "民非",
                "养老服务机构", "999001001001", "东街 8 号", "120", "96", "350000", "", "2026-05-10", "");
            // Grey italics: the example reads as a hint, not as a row of the list.
            var font = workbook.createFont();
            font.setItalic(true);
            font.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
            var exampleStyle = workbook.createCellStyle();
            exampleStyle.setFont(font);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i).header());
                var cell = example.createCell(i);
                cell.setCellValue(values.get(i));
                cell.setCellStyle(exampleStyle);
                sheet.setColumnWidth(i, 20 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports the first sheet, streaming (docs/institutions.md): a first pass checks the header and the row
     * limit before anything is stored, the second imports row by row, each row in its own transaction.
     */
    public Result importFile(InputStream in) {
        List<Rejected> rejected = new ArrayList<>();
        int[] counts = new int[5]; // created, updated, unchanged, rejected rows, skipped example rows
        Path file = null;
        try {
            file = Files.createTempFile("elderguard-import", ".xlsx");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            try (XlsxSheet sheet = XlsxSheet.open(file, COLUMNS.size())) {
                int header = checkHeaderAndSize(sheet);
                Map<String, String> sectors = sectorCodesByName();
                sheet.rows((rowNumber, cells) -> {
                    if (rowNumber <= header || isEmpty(cells)) {
                        return;
                    }
                    if (isExample(cells)) {
                        counts[4]++;
                        return;
                    }
                    List<Rejected> problems = new ArrayList<>();
                    try {
                        switch (importRow(cells, sectors)) {
                            case CREATED -> counts[0]++;
                            case UPDATED -> counts[1]++;
                            case UNCHANGED -> counts[2]++;
                        }
                    } catch (RowProblem e) {
                        problems.add(new Rejected(rowNumber, e.column, e.getMessage()));
                    } catch (InvalidInputException e) {
                        e.problems().forEach(p -> problems.add(new Rejected(rowNumber, headerOf(p.field()), p.message())));
                    } catch (AccessDeniedException e) {
                        problems.add(new Rejected(rowNumber, headerOf("jurisdiction"), e.getMessage()));
                    }
                    if (!problems.isEmpty()) {
                        counts[3]++;
                        problems.stream().limit(Math.max(0, MAX_LISTED_PROBLEMS - rejected.size())).forEach(rejected::add);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            if (DatabaseUnavailable.isCause(e)) {
                // Not the file's fault: answered 503 (docs/decisions/016-database-outage.md).
                throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
            }
            throw new InvalidInputException("file", "无法读取 Excel 文件（.xlsx），请用下载的模板重新保存后再导入："
                + shortened(e.getMessage()));
        } finally {
            deleteQuietly(file);
        }
        return new Result(counts[0], counts[1], counts[2], counts[3], counts[4], rejected);
    }

    /**
     * The first row must be the template's header; more than {@link #MAX_ROWS} rows after it are refused as a whole.
     * Returns the header's row number.
     */
    private int checkHeaderAndSize(XlsxSheet sheet) throws IOException {
        int[] header = {0};
        sheet.rows((rowNumber, cells) -> {
            if (header[0] == 0) {
                header[0] = rowNumber;
                checkHeader(cells);
            } else if (rowNumber - header[0] > MAX_ROWS) {
                throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 行，请拆分文件");
            }
        });
        if (header[0] == 0) {
            checkHeader(new String[COLUMNS.size()]);
        }
        return header[0];
    }

    private InstitutionService.Upsert importRow(String[] row, Map<String, String> sectors) {
        InstitutionInput input = new InstitutionInput(
            text(row, 0), text(row, 1), parse(row, 2, this::yesNo), parse(row, 3, v -> label(Ownership.values(), v, Ownership::label)),
            parse(row, 4, v -> label(LegalForm.values(), v, LegalForm::label)), parse(row, 5, v -> sector(sectors, v)),
            text(row, 6), text(row, 7), parse(row, 8, Integer::valueOf), parse(row, 9, Integer::valueOf),
            parse(row, 10, BigDecimal::new), text(row, 11), date(row, 12), text(row, 13));
        Set<ConstraintViolation<InstitutionInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                .map(v -> new InvalidInputException.FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return institutions.upsert(input);
    }

    private void checkHeader(String[] header) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            String actual = header[i] == null ? "" : header[i].trim();
            if (!COLUMNS.get(i).header().equals(actual)) {
                throw new InvalidInputException("file", "第 1 行第 " + (i + 1) + " 列应为“" + COLUMNS.get(i).header()
                    + "”，实际为“" + actual + "”；请使用下载的模板");
            }
        }
    }

    /** The cell's text, trimmed; null when empty. PostgreSQL cannot store U+0000: such a cell rejects its row. */
    private String text(String[] row, int column) {
        String value = row[column];
        if (value == null || value.isBlank()) {
            return null;
        }
        if (RejectNulCharacters.containsNul(value)) {
            throw new RowProblem(COLUMNS.get(column).header(), RejectNulCharacters.MESSAGE);
        }
        return value.trim();
    }

    private <T> T parse(String[] row, int column, Function<String, T> parser) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new RowProblem(COLUMNS.get(column).header(), "无法识别的值“" + shortened(value) + "”"
                + (e instanceof RowProblem ? "：" + e.getMessage() : ""));
        }
    }

    /** Date cells arrive as 2026-05-10 (XlsxSheet); text cells may use / as well. */
    private LocalDate date(String[] row, int column) {
        return parse(row, column, value -> {
            try {
                return LocalDate.parse(value.replace('/', '-'));
            } catch (DateTimeParseException e) {
                throw new RowProblem(COLUMNS.get(column).header(), "日期格式应为 2026-05-10");
            }
        });
    }

    private Boolean yesNo(String value) {
        return switch (value) {
            case "是", "已登记", "Y", "y", "true" -> true;
            case "否", "未登记", "N", "n", "false" -> false;
            default -> throw new RowProblem(COLUMNS.get(2).header(), "应为“是”或“否”");
        };
    }

    private static <E extends Enum<E>> E label(E[] values, String value, Function<E, String> label) {
        for (E candidate : values) {
            if (label.apply(candidate).equals(value) || candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(value);
    }

    private static String sector(Map<String, String> sectors, String value) {
        String code = sectors.get(value);
        if (code == null && sectors.containsValue(value)) {
            code = value;
        }
        if (code == null) {
            throw new IllegalArgumentException(value);
        }
        return code;
    }

    private Map<String, String> sectorCodesByName() {
        return organisation.sectors().stream().collect(java.util.stream.Collectors.toMap(Sector::name, Sector::code));
    }

    /** The template's example row, also when it was partly typed over: its name's mark or its credit code. */
    static boolean isExample(String[] row) {
        String name = row[0] == null ? "" : row[0].strip();
        String creditCode = row[1] == null ? "" : row[1].strip();
        return name.startsWith(EXAMPLE_MARK) || creditCode.equalsIgnoreCase(EXAMPLE_CREDIT_CODE);
    }

    private static boolean isEmpty(String[] row) {
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String shortened(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the system's temporary folder is cleaned anyway
            }
        }
    }

    private static String headerOf(String field) {
        return COLUMNS.stream().filter(c -> c.field().equals(field)).map(Column::header).findFirst().orElse(field);
    }

    private record Column(String header, String field) {
    }

    /** A rejected row: 1-based row number as the spreadsheet shows it, the column's header, the reason. */
    public record Rejected(int row, String column, String reason) {
    }

    /**
     * Counts of institutions created, updated and unchanged, of rows rejected, and the problems of the rejected rows
     * (the first {@value #MAX_LISTED_PROBLEMS}).
     */
    /** {@code skippedExamples}: rows recognised as the template's example (never imported). */
    public record Result(int created, int updated, int unchanged, int rejectedRows, int skippedExamples, List<Rejected> rejected) {
    }

    private static final class RowProblem extends RuntimeException {
        private final String column;

        RowProblem(String column, String message) {
            super(message);
            this.column = column;
        }
    }
}
