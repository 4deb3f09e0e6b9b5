package cn.elderguard.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one list of model rules, docs/modeler.md's table {@code | rule id | checks | Java gate | bpmnlint |}:
 * tests compare it with the Java gate's rules and bpmnlint's.
 */
record ModelRuleTable(List<Row> rows) {

    static final Path DOCUMENT = Path.of("docs/modeler.md");
    private static final List<String> HEADER = List.of("rule id", "checks", "Java gate", "bpmnlint");

    record Row(String id, String checks, String javaGate, String bpmnlint) {

        boolean checkedByBpmnlint() {
            return bpmnlint.equals("yes") || bpmnlint.startsWith("yes ");
        }
    }

    static ModelRuleTable read() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8)) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) {
                inTable = cells.equals(HEADER);
            } else if (!cells.get(0).startsWith("---")) {
                if (cells.size() != HEADER.size()) {
                    throw new IllegalStateException(DOCUMENT + ": row with " + cells.size() + " cells: " + line);
                }
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(DOCUMENT + " has no table headed " + HEADER);
        }
        return new ModelRuleTable(List.copyOf(rows));
    }

    private static List<String> cells(String line) {
        String inner = line.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    Set<String> ids() {
        return rows.stream().map(Row::id).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> bpmnlintIds() {
        return rows.stream().filter(Row::checkedByBpmnlint).map(Row::id).collect(Collectors.toCollection(TreeSet::new));
    }
}
