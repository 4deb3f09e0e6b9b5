package cn.elderguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of docs/architecture.md: no cycle between the top-level packages, each module uses only the
 * ones listed before it, and only a table's owner names it in SQL.
 */
class ModuleBoundariesTest {

    static final String ROOT = "cn.elderguard";
    static final Path MAIN_SOURCES = Path.of("src/main/java/cn/elderguard");
    static final Pattern TABLE_NAME = Pattern.compile("\\bEG_[A-Z0-9_]+\\b");

    static Map<String, Module> modules;
    static JavaClasses mainClasses;

    @BeforeAll
    static void readModuleTableAndClasses() throws IOException {
        modules = Module.table(Files.readAllLines(Path.of("docs/architecture.md")));
        mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    static ArchRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void modulesFormNoCycle() {
        freeOfCycles(ROOT).check(mainClasses);
    }

    @Test
    void theCycleRuleReportsABackEdge() {
        String fixture = ROOT + ".support.cycle";
        JavaClasses cycle = new ClassFileImporter().importPackages(fixture);

        assertThatThrownBy(() -> freeOfCycles(fixture).check(cycle))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Cycle detected").hasMessageContaining("Order").hasMessageContaining("Invoice");
    }

    @Test
    void everyModuleIsInTheTableAndUsesOnlyTheOnesBeforeIt() throws IOException {
        try (Stream<Path> packages = Files.list(MAIN_SOURCES)) {
            assertThat(packages.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList())
                .as("top-level packages of src/main/java/cn/elderguard vs the table of docs/architecture.md")
                .containsExactlyInAnyOrderElementsOf(modules.keySet());
        }
        List<String> order = new ArrayList<>(modules.keySet());
        for (int i = 0; i < order.size(); i++) {
            String[] later = order.subList(i + 1, order.size()).stream().map(m -> ROOT + "." + m + "..").toArray(String[]::new);
            if (later.length > 0) {
                noClasses().that().resideInAPackage(ROOT + "." + order.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .because("docs/architecture.md lists the modules so that each uses only those before it")
                    .check(mainClasses);
            }
        }
    }

    @Test
    void onlyATablesOwnerNamesItInSql() throws IOException {
        Set<String> tables = createdTables();
        Map<String, String> owners = new TreeMap<>();
        modules.forEach((name, module) -> module.owns().forEach(table -> owners.merge(table, name, (a, b) -> a + ", " + b)));
        assertThat(owners).as("each table created by a Flyway migration has exactly one owner in docs/architecture.md")
            .containsOnlyKeys(tables).allSatisfy((table, owner) -> assertThat(owner).doesNotContain(","));

        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = MAIN_SOURCES.relativize(file).getName(0).toString();
                Module allowed = modules.get(module);
                Matcher names = TABLE_NAME.matcher(Files.readString(file));
                while (names.find()) {
                    String table = names.group();
                    if (tables.contains(table) && !allowed.owns().contains(table) && !allowed.alsoReads().contains(table)) {
                        trespasses.add(MAIN_SOURCES.relativize(file) + " names " + table + ", owned by " + owners.get(table));
                    }
                }
            }
        }
        assertThat(trespasses).as("SQL on another module's tables; call its public service instead").isEmpty();
    }

    private static Set<String> createdTables() throws IOException {
        Pattern create = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(EG_[A-Z0-9_]+)", Pattern.CASE_INSENSITIVE);
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher matcher = create.matcher(Files.readString(migration));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toUpperCase());
                }
            }
        }
        return tables;
    }

    /** A row of docs/architecture.md's module table. */
    record Module(Set<String> owns, Set<String> alsoReads) {

        static Map<String, Module> table(List<String> lines) {
            Map<String, Module> table = new LinkedHashMap<>();
            for (String line : lines) {
                String[] cells = line.split("\\|");
                if (cells.length >= 5 && cells[1].trim().matches("`[a-z]+`")) {
                    table.put(cells[1].trim().replace("`", ""), new Module(tables(cells[3]), tables(cells[4])));
                }
            }
            assertThat(table).as("the module table of docs/architecture.md").isNotEmpty();
            return table;
        }

        private static Set<String> tables(String cell) {
            Set<String> tables = new TreeSet<>();
            Matcher matcher = TABLE_NAME.matcher(cell);
            while (matcher.find()) {
                tables.add(matcher.group());
            }
            return tables;
        }
    }
}
