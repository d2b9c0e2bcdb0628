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

    /** Words between CREATE and the object type that psql's command tag leaves out. */
    private static final List<String> CREATE_MODIFIERS = List.of(
            "OR",
            "REPLACE",
            "TEMP",
            "TEMPORARY",
            "UNLOGGED",
            "GLOBAL",
            "LOCAL",
            "UNIQUE",
            "TRUSTED",
            "PROCEDURAL",
            "RECURSIVE",
            "MATERIALIZED",
            "DEFAULT",
            "CONSTRAINT");

    /** The command name for a row count, e.g. {@code INSERT} or {@code CREATE TABLE}. */
    static String command(String sql) {
        List<String> words = of(sql, 6);
        if (words.isEmpty()) {
            return "";
        }
        String first = words.get(0);
        if (first.equals("DISCARD") && words.size() > 1) {
            return first + " " + words.get(1); // the server's tag: DISCARD ALL, DISCARD TEMP, ...
        }
        if (!List.of("CREATE", "DROP", "ALTER").contains(first) || words.size() == 1) {
            return first;
        }
        // CREATE TEMP TABLE and CREATE OR REPLACE FUNCTION report as CREATE TABLE and CREATE FUNCTION, as the
        // server's own tag does; MATERIALIZED VIEW keeps both words.
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("MATERIALIZED") && i + 1 < words.size()) {
                return first + " MATERIALIZED " + words.get(i + 1);
            }
            if (!CREATE_MODIFIERS.contains(word)) {
                return first + " " + word;
            }
        }
        return first + " " + words.get(1);
    }
}
