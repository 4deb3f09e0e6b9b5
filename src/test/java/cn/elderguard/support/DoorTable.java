package cn.elderguard.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The door table of docs/security.md ("## Doors"), as data: which rule holds for a request to a door. The first
 * row whose door, method and one of whose paths match counts, as the document says.
 */
public final class DoorTable {

    private static final Path DOCUMENT = Path.of("docs", "security.md");

    private final List<Row> rows;

    private DoorTable(List<Row> rows) {
        this.rows = rows;
    }

    public static DoorTable read() {
        try {
            return parse(Files.readAllLines(DOCUMENT));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DOCUMENT.toAbsolutePath(), e);
        }
    }

    static DoorTable parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        boolean inSection = false;
        boolean header = true;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.trim().equals("## Doors");
                continue;
            }
            if (!inSection || !line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::trim).toList();
            if (header) {
                if (!cells.equals(List.of("door", "methods", "path", "who", "rule"))) {
                    throw new IllegalStateException("docs/security.md: the Doors table must have the columns door | methods | path | who | rule");
                }
                header = false;
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            Set<String> methods = Arrays.stream(cells.get(1).split(",")).map(String::trim).collect(Collectors.toSet());
            List<Pattern> paths = Arrays.stream(cells.get(2).split(",")).map(String::trim).map(DoorTable::glob).toList();
            rows.add(new Row(rows.size() + 1, cells.get(0), methods, cells.get(2), paths, cells.get(3)));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("docs/security.md has no Doors table");
        }
        return new DoorTable(List.copyOf(rows));
    }

    /** The rule for a request to {@code door} ({@code application}, {@code engine}, {@code webapp} …). */
    public Optional<Row> rule(String door, String method, String path) {
        return rows.stream().filter(row -> row.door().equals(door) && row.matches(method, path)).findFirst();
    }

    public List<Row> rows() {
        return rows;
    }

    /** {@code {x}} is one segment, {@code /**} anything below (or nothing); everything else literal. */
    static Pattern glob(String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (path.startsWith("/**", i)) {
                regex.append("(/.*)?");
                i += 2;
            } else if (c == '{') {
                regex.append("[^/]+");
                i = path.indexOf('}', i);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** One row: its number in the table (for messages), door, methods ({@code *} for any), paths and who may. */
    public record Row(int number, String door, Set<String> methods, String pathText, List<Pattern> paths, String who) {

        boolean matches(String method, String path) {
            return (methods.contains("*") || methods.contains(method)) && paths.stream().anyMatch(p -> p.matcher(path).matches());
        }

        @Override
        public String toString() {
            return "row " + number + " (" + door + " " + methods + " " + pathText + " → " + who + ")";
        }
    }
}
