package cn.elderguard.institution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.OrganisationRepository.Sector;
import cn.elderguard.system.InvalidInputException;

/**
 * 摸排对象清单 as a spreadsheet: a template with Chinese headers, and an import that upserts every valid row
 * (by credit code, or name and jurisdiction) and reports every rejected row with its number, column and
 * reason. Each row is its own transaction, so one bad row never holds back the others. Importing the same
 * file again changes nothing.
 */
@Component
public class ScreeningListImport {

    static final int MAX_ROWS = 50_000;

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

    private final InstitutionService institutions;
    private final OrganisationRepository organisation;
    private final Validator validator;
    private final DataFormatter formatter = new DataFormatter();

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
            String exampleCode = "52999001MJ000001" + "X";
            exampleCode = exampleCode.substring(0, 17) + CreditCode.checkCharacter(exampleCode.substring(0, 17));
            List<String> values = List.of("示范县幸福养老院（示例，导入前请删除）", exampleCode, "是", "民办", "民非", "养老服务机构",
                "999001001001", "东街 8 号", "120", "96", "350000", "", "2026-05-10", "");
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i).header());
                example.createCell(i).setCellValue(values.get(i));
                sheet.setColumnWidth(i, 20 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result importFile(InputStream in) {
        List<Rejected> rejected = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            checkHeader(sheet.getRow(sheet.getFirstRowNum()));
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 行，请拆分文件");
            }
            Map<String, String> sectors = sectorCodesByName();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isEmpty(row)) {
                    continue;
                }
                int rowNumber = r + 1;
                try {
                    switch (importRow(row, sectors)) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                } catch (RowProblem e) {
                    rejected.add(new Rejected(rowNumber, e.column, e.getMessage()));
                } catch (InvalidInputException e) {
                    e.problems().forEach(p -> rejected.add(new Rejected(rowNumber, headerOf(p.field()), p.message())));
                } catch (AccessDeniedException e) {
                    rejected.add(new Rejected(rowNumber, headerOf("jurisdiction"), e.getMessage()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "无法读取 Excel 文件（.xlsx）：" + e.getMessage());
        }
        return new Result(created, updated, unchanged, rejected);
    }

    private InstitutionService.Upsert importRow(Row row, Map<String, String> sectors) {
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

    private void checkHeader(Row header) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            String actual = header == null ? "" : formatter.formatCellValue(header.getCell(i)).trim();
            if (!COLUMNS.get(i).header().equals(actual)) {
                throw new InvalidInputException("file", "第 1 行第 " + (i + 1) + " 列应为“" + COLUMNS.get(i).header()
                    + "”，实际为“" + actual + "”；请使用下载的模板");
            }
        }
    }

    private String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return null;
        }
        // Numeric cells (a region code typed as a number) must not turn into 9.99001E11.
        String value = cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)
            ? new BigDecimal(cell.getNumericCellValue()).toPlainString()
            : formatter.formatCellValue(cell);
        return value.isBlank() ? null : value.trim();
    }

    private <T> T parse(Row row, int column, Function<String, T> parser) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new RowProblem(COLUMNS.get(column).header(), "无法识别的值“" + value + "”"
                + (e instanceof RowProblem ? "：" + e.getMessage() : ""));
        }
    }

    private LocalDate date(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
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

    private boolean isEmpty(Row row) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (text(row, i) != null) {
                return false;
            }
        }
        return true;
    }

    private static String headerOf(String field) {
        return COLUMNS.stream().filter(c -> c.field().equals(field)).map(Column::header).findFirst().orElse(field);
    }

    private record Column(String header, String field) {
    }

    /** A rejected row: 1-based row number as the spreadsheet shows it, the column's header, the reason. */
    public record Rejected(int row, String column, String reason) {
    }

    public record Result(int created, int updated, int unchanged, List<Rejected> rejected) {
    }

    private static final class RowProblem extends RuntimeException {
        private final String column;

        RowProblem(String column, String message) {
            super(message);
            this.column = column;
        }
    }
}
