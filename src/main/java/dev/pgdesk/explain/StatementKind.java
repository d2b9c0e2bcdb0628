package dev.pgdesk.explain;

import dev.pgdesk.sql.SqlLexer;
import dev.pgdesk.sql.Token;
import dev.pgdesk.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What EXPLAIN needs to know about a statement before running it, read from its tokens (strings, comments
 * and quoted names are never mistaken for keywords): whether EXPLAIN accepts it at all, and whether running
 * it under ANALYZE would change data.
 */
public final class StatementKind {
    private static final Set<String> EXPLAINABLE =
            Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE", "WITH", "EXECUTE", "DECLARE");
    private static final Set<String> MODIFYING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

    private StatementKind() {}

    /**
     * Checks that EXPLAIN can show a plan for {@code statement}.
     *
     * @throws IllegalArgumentException naming the command when it has no plan (DDL, transaction control, an
     *     EXPLAIN already), saying which commands have one
     */
    public static void requireExplainable(String statement) {
        List<String> words = words(statement);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("There is no statement to explain.");
        }
        String first = words.get(0);
        if (first.equals("(") || EXPLAINABLE.contains(first) || isCreateAs(words)) {
            return;
        }
        if (first.equals("EXPLAIN")) {
            throw new IllegalArgumentException(
                    "The statement is an EXPLAIN already: remove the EXPLAIN and its options, pgdesk adds its own.");
        }
        throw new IllegalArgumentException("EXPLAIN shows plans of SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES,"
                + " TABLE, EXECUTE, DECLARE, CREATE TABLE ... AS and CREATE MATERIALIZED VIEW; " + first
                + " statements have no plan.");
    }

    /**
     * The command that changes data when {@code statement} runs, e.g. {@code UPDATE} (also inside a {@code
     * WITH}), {@code SELECT INTO} or {@code CREATE TABLE AS}; {@code EXECUTE} for a prepared statement,
     * which may. Empty for statements that only read (a function called by a SELECT may still write: EXPLAIN
     * ANALYZE rolls back every statement for that reason).
     */
    public static Optional<String> modifyingCommand(String statement) {
        List<Token> tokens = meaningful(statement);
        List<String> words = new ArrayList<>();
        for (Token token : tokens) {
            words.add(token.text(statement).toUpperCase(Locale.ROOT));
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String first = words.get(0);
        if (MODIFYING.contains(first)) {
            return Optional.of(first);
        }
        if (first.equals("EXECUTE")) {
            return Optional.of("EXECUTE");
        }
        if (isCreateAs(words)) {
            return Optional.of(words.contains("MATERIALIZED") ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS");
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String word = words.get(i);
            boolean keyword = tokens.get(i).kind() == TokenKind.KEYWORD;
            if (word.equals("(")) {
                depth++;
            } else if (word.equals(")")) {
                depth--;
            } else if (keyword && first.equals("WITH") && MODIFYING.contains(word) && !isLockingClause(words, i)) {
                return Optional.of(word);
            } else if (keyword && first.equals("SELECT") && depth == 0 && word.equals("INTO")) {
                return Optional.of("SELECT INTO");
            }
        }
        return Optional.empty();
    }

    /** {@code FOR UPDATE} and {@code FOR NO KEY UPDATE} lock rows; they change nothing. */
    private static boolean isLockingClause(List<String> words, int index) {
        return words.get(index).equals("UPDATE")
                && index > 0
                && (words.get(index - 1).equals("FOR") || words.get(index - 1).equals("KEY"));
    }

    private static boolean isCreateAs(List<String> words) {
        return !words.isEmpty()
                && words.get(0).equals("CREATE")
                && (words.contains("MATERIALIZED") || words.contains("TABLE"))
                && words.contains("AS");
    }

    private static List<String> words(String statement) {
        List<String> words = new ArrayList<>();
        for (Token token : meaningful(statement)) {
            words.add(token.text(statement).toUpperCase(Locale.ROOT));
        }
        return words;
    }

    private static List<Token> meaningful(String statement) {
        return SqlLexer.tokenize(statement).stream()
                .filter(token -> !token.kind().isTrivia())
                .toList();
    }
}
