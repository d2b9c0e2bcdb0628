package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a script into statements the way psql does: at semicolons outside strings, comments, quoted names,
 * dollar-quoted bodies and the {@code BEGIN ATOMIC ... END} bodies of SQL-standard functions and procedures.
 * Statements holding only whitespace and comments are dropped; a psql backslash command forms a statement
 * of its own, flagged as such.
 */
public final class StatementSplitter {
    private StatementSplitter() {}

    /** The statements of {@code script}, in order. */
    public static List<ScriptStatement> split(String script) {
        if (script == null) {
            throw new IllegalArgumentException("script text is required (use \"\" for none)");
        }
        Collector collector = new Collector(script);
        for (Token token : SqlLexer.tokenize(script)) {
            collector.accept(token);
        }
        collector.finishStatement();
        return Collections.unmodifiableList(collector.statements);
    }

    /**
     * The statement to run for "run the statement under the cursor": the last one starting at or before
     * {@code caret}, so a caret after a statement's semicolon (in the space before the next one) still
     * picks it; a caret before the first statement picks the first. Empty when the script has none.
     */
    public static Optional<ScriptStatement> statementAt(String script, int caret) {
        if (script != null && (caret < 0 || caret > script.length())) {
            throw new IllegalArgumentException(
                    "caret offset " + caret + " lies outside the script (0.." + script.length() + ")");
        }
        List<ScriptStatement> statements = split(script);
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        ScriptStatement chosen = statements.get(0);
        for (ScriptStatement statement : statements) {
            if (statement.start() <= caret) {
                chosen = statement;
            } else {
                break;
            }
        }
        return Optional.of(chosen);
    }

    /** Accumulates tokens into the current statement and closes it at each top-level semicolon. */
    private static final class Collector {
        private final String script;
        private final List<ScriptStatement> statements = new ArrayList<>();
        private final List<String> leadingWords = new ArrayList<>();
        private int start = -1;
        private int end = -1;
        private boolean hasCode;
        private String previousWord = "";
        private int atomicDepth;

        Collector(String script) {
            this.script = script;
        }

        void accept(Token token) {
            TokenKind kind = token.kind();
            if (kind == TokenKind.WHITESPACE) {
                return;
            }
            if (kind == TokenKind.META_COMMAND) {
                finishStatement();
                int metaEnd = token.end();
                while (metaEnd > token.start() + 1 && isSpaceOrTab(script.charAt(metaEnd - 1))) {
                    metaEnd--;
                }
                statements.add(
                        new ScriptStatement(script.substring(token.start(), metaEnd), token.start(), metaEnd, true));
                return;
            }
            if (kind == TokenKind.PUNCTUATION && atomicDepth == 0 && script.charAt(token.start()) == ';') {
                finishStatement();
                return;
            }
            if (start < 0) {
                start = token.start();
            }
            end = token.end();
            if (!kind.isTrivia()) {
                hasCode = true;
                trackAtomicBody(token);
            }
        }

        /** Follows {@code BEGIN ATOMIC ... END} nesting, counting {@code CASE ... END} inside it. */
        private void trackAtomicBody(Token token) {
            boolean word = token.kind() == TokenKind.KEYWORD || token.kind() == TokenKind.IDENTIFIER;
            String text = word ? token.text(script).toLowerCase(Locale.ROOT) : "";
            if (leadingWords.size() < 4) {
                leadingWords.add(text);
            }
            if (text.equals("atomic") && previousWord.equals("begin") && definesRoutine()) {
                atomicDepth++;
            } else if (atomicDepth > 0 && text.equals("case")) {
                atomicDepth++;
            } else if (atomicDepth > 0 && text.equals("end")) {
                atomicDepth--;
            }
            previousWord = text;
        }

        /** Whether the statement starts {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. */
        private boolean definesRoutine() {
            if (leadingWords.size() < 2 || !leadingWords.get(0).equals("create")) {
                return false;
            }
            int kindIndex = leadingWords.get(1).equals("or") && leadingWords.size() >= 4 ? 3 : 1;
            String routine = leadingWords.get(kindIndex);
            return routine.equals("function") || routine.equals("procedure");
        }

        private static boolean isSpaceOrTab(char c) {
            return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
        }

        void finishStatement() {
            if (hasCode) {
                statements.add(new ScriptStatement(script.substring(start, end), start, end, false));
            }
            start = -1;
            end = -1;
            hasCode = false;
            previousWord = "";
            atomicDepth = 0;
            leadingWords.clear();
        }
    }
}
