package dev.pgdesk.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The first words of a statement after comments, to recognise transaction control and name the command. */
final class LeadingWords {
    private LeadingWords() {}

    /** Up to {@code count} leading words in upper case, skipping whitespace, line and nested block comments. */
    static List<String> of(String sql, int count) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n && words.size() < count) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = afterBlockComment(sql, i);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                break;
            }
        }
        return words;
    }

    /** True for {@code BEGIN} and {@code START TRANSACTION}, which open a transaction that must be pinned. */
    static boolean beginsTransaction(String sql) {
        List<String> words = of(sql, 2);
        if (words.isEmpty()) {
            return false;
        }
        return words.get(0).equals("BEGIN")
                || (words.get(0).equals("START")
                        && words.size() > 1
                        && words.get(1).equals("TRANSACTION"));
    }

    /** The command name for a row count, e.g. {@code INSERT} or {@code CREATE TABLE}. */
    static String command(String sql) {
        List<String> words = of(sql, 2);
        if (words.isEmpty()) {
            return "";
        }
        String first = words.get(0);
        boolean twoWords =
                words.size() > 1 && List.of("CREATE", "DROP", "ALTER").contains(first);
        return twoWords ? first + " " + words.get(1) : first;
    }

    private static int afterBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}
