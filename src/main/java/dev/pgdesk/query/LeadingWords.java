package dev.pgdesk.query;

import dev.pgdesk.sql.SqlLexer;
import dev.pgdesk.sql.Token;
import dev.pgdesk.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The first words of a statement after comments, to recognise transaction control and name the command. */
final class LeadingWords {
    private LeadingWords() {}

    /** Up to {@code count} leading words in upper case, after whitespace and comments (read by the lexer). */
    static List<String> of(String sql, int count) {
        List<String> words = new ArrayList<>();
        for (Token token : SqlLexer.tokenize(sql)) {
            if (words.size() == count) {
                break;
            }
            if (token.kind().isTrivia()) {
                continue;
            }
            if (token.kind() != TokenKind.KEYWORD && token.kind() != TokenKind.IDENTIFIER) {
                break;
            }
            words.add(token.text(sql).toUpperCase(Locale.ROOT));
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
}
