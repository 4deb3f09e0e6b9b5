package cn.elderguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Comments and pages cite the repository's own documents only (docs/domain.md for the domain rules): every
 * "docs/….md" and "docs/decisions/NNN" named exists, every "docs/domain.md §N" names a section that exists, and
 * nothing points at files outside the repository (the sources docs/domain.md was written from, shared notes).
 */
class DocsCitationTest {

    /** Where citations live; src/test too, except this class, whose examples are bad on purpose. */
    private static final List<String> SCANNED = List.of("src/main", "src/test", "bpmn", "forms", "docs", "README.md");

    private static final Path DOMAIN = Path.of("docs/domain.md");

    private static final Pattern DOC_FILE = Pattern.compile("(?<![\\w/.-])(docs/[\\w./-]+?\\.md)\\b");
    private static final Pattern DECISION_NUMBER = Pattern.compile("(?<![\\w/.-])docs/decisions/(\\d{3})(?![\\w-])");
    private static final Pattern DOMAIN_SECTION = Pattern.compile(
        "docs/domain\\.md\\s*§\\s*(\\d+(?:\\.\\d+)?)(?:\\s*[–-]\\s*§?\\s*(\\d+(?:\\.\\d+)?))?");
    /** Inside docs/domain.md a bare "§N" means its own section N. */
    private static final Pattern OWN_SECTION = Pattern.compile("§\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ");
    private static final Pattern OUTSIDE = Pattern.compile(
        "RULES(?:\\.md| ?§)|GLOSSARY|PERF-NOTES|TOOLCHAIN\\.md|STYLE\\.md|\\bseeds?/|\\bseeds? 00\\d|(?<![\\w-])(?:\\.\\./)*shared/"
            + "|/work/|helper-brief");

    @Test
    void everyCitationNamesSomethingInTheRepository() throws IOException {
        Set<String> sections = sections(Files.readString(DOMAIN, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        for (Path file : scannedFiles()) {
            String text = read(file);
            if (text != null) {
                problems.addAll(problems(file.toString().replace('\\', '/'), text, sections, Path.of("")));
            }
        }
        assertThat(problems).as("citations that point nowhere or outside the repository").isEmpty();
    }

    @Test
    void sectionsOfTheDomainPageAreNumberedOnce() throws IOException {
        List<String> numbers = new ArrayList<>();
        Matcher heading = HEADING.matcher(Files.readString(DOMAIN, StandardCharsets.UTF_8));
        while (heading.find()) {
            numbers.add(heading.group(1));
        }
        assertThat(numbers).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void aBadCitationIsReported() throws IOException {
        Set<String> sections = sections(Files.readString(DOMAIN, StandardCharsets.UTF_8));
        assertThat(problems("x.java", "// see docs/domain.md §4 and docs/decisions/008", sections, Path.of(""))).isEmpty();
        assertThat(problems("x.java", "// see docs/domain.md §99", sections, Path.of(""))).hasSize(1);
        assertThat(problems("x.java", "// see docs/domain.md §4–§99", sections, Path.of(""))).hasSize(1);
        assertThat(problems("x.java", "// see docs/nowhere.md", sections, Path.of(""))).hasSize(1);
        assertThat(problems("x.sql", "-- see docs/decisions/999", sections, Path.of(""))).hasSize(1);
        assertThat(problems("x.yaml", "# RULES §4, seed 002", sections, Path.of(""))).hasSize(2);
        assertThat(problems("x.md", "see ../shared/PERF-NOTES.md", sections, Path.of(""))).isNotEmpty();
        assertThat(problems("docs/domain.md", "as §42 says", sections, Path.of(""))).hasSize(1);
    }

    static List<String> problems(String file, String text, Set<String> sections, Path root) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = file + ":" + (i + 1) + ": ";
            Matcher doc = DOC_FILE.matcher(line);
            while (doc.find()) {
                if (!Files.isRegularFile(root.resolve(doc.group(1)))) {
                    problems.add(at + doc.group(1) + " does not exist");
                }
            }
            Matcher decision = DECISION_NUMBER.matcher(line);
            while (decision.find()) {
                if (!decisionExists(root, decision.group(1))) {
                    problems.add(at + "docs/decisions/" + decision.group(1) + " does not exist");
                }
            }
            Matcher section = (file.equals("docs/domain.md") ? OWN_SECTION : DOMAIN_SECTION).matcher(line);
            while (section.find()) {
                for (int g = 1; g <= section.groupCount(); g++) {
                    if (section.group(g) != null && !sections.contains(section.group(g))) {
                        problems.add(at + "docs/domain.md has no §" + section.group(g));
                    }
                }
            }
            Matcher outside = OUTSIDE.matcher(line);
            while (outside.find()) {
                problems.add(at + "cites something outside the repository (" + outside.group() + "); cite docs/ instead");
            }
        }
        return problems;
    }

    static Set<String> sections(String domainPage) {
        Set<String> sections = new LinkedHashSet<>();
        Matcher heading = HEADING.matcher(domainPage);
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        return sections;
    }

    private static boolean decisionExists(Path root, String number) {
        try (Stream<Path> decisions = Files.list(root.resolve("docs/decisions"))) {
            return decisions.anyMatch(d -> d.getFileName().toString().startsWith(number + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path self = Path.of("src/test/java", DocsCitationTest.class.getName().replace('.', '/') + ".java");
        for (String start : SCANNED) {
            try (Stream<Path> walk = Files.walk(Path.of(start))) {
                walk.filter(Files::isRegularFile).filter(f -> !f.equals(self)).forEach(files::add);
            }
        }
        assertThat(files).as("scanned files (run from the project directory)").hasSizeGreaterThan(100);
        return files;
    }

    /** The file's text, or null for a binary file (spreadsheets, images), which cites nothing. */
    private static String read(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (MalformedInputException binary) {
            return null;
        }
    }
}
