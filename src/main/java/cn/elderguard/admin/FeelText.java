package cn.elderguard.admin;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Just enough of FEEL's lexical rules for the gate: the names an input expression reads, and whether a text
 * defines an {@code external} (Java) function. Camunda's FEEL engine gives no syntax tree to walk.
 */
final class FeelText {

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "and", "or", "not", "if", "then", "else", "for",
        "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function", "external");

    private FeelText() {
    }

    /** The plain names read (not functions called, not path steps after a dot, not text in quotes). */
    static Set<String> names(String feel) {
        Set<String> names = new LinkedHashSet<>();
        scan(feel, names);
        return names;
    }

    static boolean definesExternalFunction(String feel) {
        Set<String> words = new LinkedHashSet<>();
        scanWords(feel, words);
        return words.contains("external");
    }

    private static void scan(String feel, Set<String> names) {
        int i = 0;
        while (i < feel.length()) {
            char c = feel.charAt(i);
            if (c == '"') {
                i = skipString(feel, i);
            } else if (Character.isLetter(c) || c == '_' || c == '?') {
                int start = i;
                while (i < feel.length() && (Character.isLetterOrDigit(feel.charAt(i)) || feel.charAt(i) == '_' || feel.charAt(i) == '?')) {
                    i++;
                }
                String word = feel.substring(start, i);
                int next = i;
                while (next < feel.length() && Character.isWhitespace(feel.charAt(next))) {
                    next++;
                }
                boolean call = next < feel.length() && feel.charAt(next) == '(';
                boolean pathStep = start > 0 && feel.charAt(start - 1) == '.';
                if (!call && !pathStep && !KEYWORDS.contains(word) && !word.contains("?")) {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
    }

    private static void scanWords(String feel, Set<String> words) {
        int i = 0;
        while (i < feel.length()) {
            char c = feel.charAt(i);
            if (c == '"') {
                i = skipString(feel, i);
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < feel.length() && Character.isLetterOrDigit(feel.charAt(i))) {
                    i++;
                }
                words.add(feel.substring(start, i));
            } else {
                i++;
            }
        }
    }

    private static int skipString(String feel, int quote) {
        int i = quote + 1;
        while (i < feel.length() && feel.charAt(i) != '"') {
            i += feel.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
