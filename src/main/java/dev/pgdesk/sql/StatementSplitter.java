package dev.pgdesk.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a script into statements the way psql does: at semicolons outside strings, comments, quoted names,
 * dollar-quoted bodies and parentheses, and outside the {@code BEGIN ... END} bodies of SQL-standard
 * functions and procedures. Statements holding only whitespace and comments are dropped; a psql backslash
 * command forms a statement of its own, flagged as such.
 *
 * <p>How a plain string reads depends on {@code standard_conforming_strings}. The splitter starts with the
 * session's value and follows every {@code SET}, {@code SET LOCAL} and {@code RESET} of it that the script
 * itself runs, with the transaction ends that undo them, so {@code SET standard_conforming_strings = off;
 * SELECT 'a\'b;';} is two statements, as the server reads it. Each {@link ScriptStatement} records the value
 * it was read with; what the script changes in ways the text does not show (a function calling {@code
 * set_config}) is for the runner to notice and re-split.
 */
public final class StatementSplitter {
    private StatementSplitter() {}

    /** The statements of {@code script}, in order, read with {@code standard_conforming_strings} on. */
    public static List<ScriptStatement> split(String script) {
        return split(script, true);
    }

    /** The statements of {@code script}, in order, for a session whose {@code standard_conforming_strings} is given. */
    public static List<ScriptStatement> split(String script, boolean standardConformingStrings) {
        return split(script, 0, script == null ? 0 : script.length(), standardConformingStrings);
    }

    /**
     * The statements of {@code script.substring(from, to)}, with offsets into the whole script, read from
     * {@code from} with the given {@code standard_conforming_strings}.
     */
    public static List<ScriptStatement> split(String script, int from, int to, boolean standardConformingStrings) {
        return read(script, from, to, standardConformingStrings).statements();
    }

    /**
     * Like {@link #split(String, int, int, boolean)}, and also the token left open at the end of the range,
     * if any: a string, quoted name, dollar quote or block comment whose closing delimiter never comes.
     */
    public static SplitScript read(String script, int from, int to, boolean standardConformingStrings) {
        if (script == null) {
            throw new IllegalArgumentException("script text is required (use \"\" for none)");
        }
        if (from < 0 || to > script.length() || from > to) {
            throw new IllegalArgumentException(
                    "range " + from + ".." + to + " lies outside the script (0.." + script.length() + ")");
        }
        String range = script.substring(0, to);
        StandardStrings setting = new StandardStrings(standardConformingStrings);
        SqlLexer lexer = SqlLexer.reading(range, from, standardConformingStrings);
        Collector collector = new Collector(range, setting);
        Token last = null;
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            last = token;
            if (collector.accept(token)) {
                lexer.standardConformingStrings(setting.current());
            }
        }
        collector.finishStatement();
        Token unterminated = last != null && !last.terminated() ? last : null;
        return new SplitScript(Collections.unmodifiableList(collector.statements), unterminated);
    }

    /**
     * The statements of a script and the token its text leaves open at the end.
     *
     * @param unterminated null, or the last token when its closing delimiter is missing
     */
    public record SplitScript(List<ScriptStatement> statements, Token unterminated) {}

    /**
     * The statement to run for "run the statement under the cursor": the last one starting at or before
     * {@code caret}, so a caret after a statement's semicolon (in the space before the next one) still
     * picks it; a caret before the first statement picks the first. Empty when the script has none.
     */
    public static Optional<ScriptStatement> statementAt(String script, int caret) {
        return statementAt(script, caret, true);
    }

    /** {@link #statementAt(String, int)} for a session with the given {@code standard_conforming_strings}. */
    public static Optional<ScriptStatement> statementAt(String script, int caret, boolean standardConformingStrings) {
        if (script != null && (caret < 0 || caret > script.length())) {
            throw new IllegalArgumentException(
                    "caret offset " + caret + " lies outside the script (0.." + script.length() + ")");
        }
        List<ScriptStatement> statements = split(script, standardConformingStrings);
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
        private final StandardStrings setting;
        private final List<ScriptStatement> statements = new ArrayList<>();
        private final RoutineBodies bodies = new RoutineBodies();
        private int start = -1;
        private int end = -1;
        private boolean hasCode;
        private int parenDepth;

        Collector(String script, StandardStrings setting) {
            this.script = script;
            this.setting = setting;
        }

        /** Takes the next token; true when it ended a statement (after which the setting may have changed). */
        boolean accept(Token token) {
            TokenKind kind = token.kind();
            if (kind == TokenKind.WHITESPACE) {
                return false;
            }
            if (kind == TokenKind.META_COMMAND) {
                boolean ended = finishStatement();
                int metaEnd = token.end();
                while (metaEnd > token.start() + 1 && isSpaceOrTab(script.charAt(metaEnd - 1))) {
                    metaEnd--;
                }
                statements.add(new ScriptStatement(
                        script.substring(token.start(), metaEnd), token.start(), metaEnd, true, setting.current()));
                return ended;
            }
            if (kind == TokenKind.PUNCTUATION && parenDepth == 0 && !bodies.inside() && isChar(token, ';')) {
                return finishStatement();
            }
            if (start < 0) {
                start = token.start();
            }
            end = token.end();
            if (!kind.isTrivia()) {
                hasCode = true;
                if (isChar(token, '(')) {
                    parenDepth++;
                } else if (isChar(token, ')') && parenDepth > 0) {
                    parenDepth--;
                }
                if (kind == TokenKind.KEYWORD || kind == TokenKind.IDENTIFIER) {
                    bodies.word(token.text(script).toLowerCase(Locale.ROOT), parenDepth);
                }
            }
            return false;
        }

        private boolean isChar(Token token, char c) {
            return token.length() == 1 && script.charAt(token.start()) == c;
        }

        private static boolean isSpaceOrTab(char c) {
            return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
        }

        /** Closes the statement in progress, if it has code; true if one was closed. */
        boolean finishStatement() {
            boolean closed = hasCode;
            if (hasCode) {
                ScriptStatement statement =
                        new ScriptStatement(script.substring(start, end), start, end, false, setting.current());
                statements.add(statement);
                setting.after(statement);
            }
            start = -1;
            end = -1;
            hasCode = false;
            parenDepth = 0;
            bodies.reset();
            return closed;
        }
    }

    /**
     * psql's rule for the bodies of SQL-standard routines: in a statement that starts {@code CREATE [OR
     * REPLACE] FUNCTION|PROCEDURE}, each {@code BEGIN} outside parentheses opens a body that its {@code END}
     * closes, and inside a body a {@code CASE} also waits for an {@code END}. Semicolons inside a body do not
     * end the statement.
     */
    private static final class RoutineBodies {
        private final List<String> leading = new ArrayList<>();
        private int depth;

        void word(String word, int parenDepth) {
            if (leading.size() < 4) {
                leading.add(word);
            }
            if (parenDepth > 0 || !definesRoutine()) {
                return;
            }
            switch (word) {
                case "begin" -> depth++;
                case "case" -> depth += depth > 0 ? 1 : 0;
                case "end" -> depth -= depth > 0 ? 1 : 0;
                default -> {
                    // other words do not nest
                }
            }
        }

        boolean inside() {
            return depth > 0;
        }

        private boolean definesRoutine() {
            if (leading.size() < 2 || !leading.get(0).equals("create")) {
                return false;
            }
            if (isRoutine(leading.get(1))) {
                return true;
            }
            return leading.size() >= 4
                    && leading.get(1).equals("or")
                    && leading.get(2).equals("replace")
                    && isRoutine(leading.get(3));
        }

        private static boolean isRoutine(String word) {
            return word.equals("function") || word.equals("procedure");
        }

        void reset() {
            leading.clear();
            depth = 0;
        }
    }
}
