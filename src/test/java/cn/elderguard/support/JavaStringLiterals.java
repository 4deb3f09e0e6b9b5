package cn.elderguard.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source file, with their line numbers: comments, character literals and text blocks
 * are skipped (a text block is SQL or prose, never a single name). Enough Java lexing for that, no more.
 */
public final class JavaStringLiterals {

    public record Literal(int line, String value) {
    }

    private JavaStringLiterals() {
    }

    public static List<Literal> of(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? length : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? length : end + 3;
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < length && source.charAt(j) != c && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < length) {
                        value.append(source.charAt(j));
                        j++;
                    }
                    value.append(source.charAt(j));
                    j++;
                }
                if (c == '"') {
                    literals.add(new Literal(line, value.toString()));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (source.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
