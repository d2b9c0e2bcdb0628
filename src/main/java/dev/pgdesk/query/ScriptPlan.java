package dev.pgdesk.query;

import dev.pgdesk.sql.InvalidParametersException;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.sql.StatementSplitter;
import dev.pgdesk.sql.StatementSplitter.SplitScript;
import dev.pgdesk.sql.Token;
import dev.pgdesk.sql.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one run will execute: the statements, with offsets into the editor's text so error positions map
 * back, and the distinct parameters across them (a {@code $1} in two statements is one value).
 *
 * <p>Building a plan refuses, before anything reaches the server, what would make "nothing was run" untrue
 * halfway through: a NUL character, a psql meta-command anywhere (a line of its own or after a {@code ;}),
 * a string, quoted name, dollar quote or block comment left open at the end, a {@code COPY} through the
 * client, and a statement that mixes {@code $n} with {@code :name}.
 *
 * @param script the whole text the offsets refer to
 * @param end where the planned range of {@code script} ends (a selection may end before the text does)
 */
public record ScriptPlan(String script, int end, List<ScriptStatement> statements, List<Parameter> parameters) {

    public ScriptPlan {
        statements = List.copyOf(statements);
        parameters = List.copyOf(parameters);
    }

    /**
     * Every statement of {@code script}, read with {@code standard_conforming_strings} on.
     *
     * @throws UnsupportedStatementException the script holds something pgdesk refuses to start
     * @throws InvalidParametersException a statement mixes parameter styles
     */
    public static ScriptPlan ofScript(String script) {
        return ofScript(script, true);
    }

    /** Every statement of {@code script}, for a session with the given {@code standard_conforming_strings}. */
    public static ScriptPlan ofScript(String script, boolean standardConformingStrings) {
        return ofRange(script, 0, script.length(), standardConformingStrings);
    }

    /**
     * The statements of {@code script.substring(start, end)} (a selection), with offsets relative to the
     * whole script.
     */
    public static ScriptPlan ofRange(String script, int start, int end) {
        return ofRange(script, start, end, true);
    }

    /** {@link #ofRange(String, int, int)} for a session with the given {@code standard_conforming_strings}. */
    public static ScriptPlan ofRange(String script, int start, int end, boolean standardConformingStrings) {
        if (start < 0 || end > script.length() || start > end) {
            throw new IllegalArgumentException(
                    "range " + start + ".." + end + " lies outside the script (0.." + script.length() + ")");
        }
        refuseNul(script, start, end);
        SplitScript split = StatementSplitter.read(script, start, end, standardConformingStrings);
        refuseUnterminated(script, split.unterminated());
        return of(script, end, split.statements());
    }

    /** The statement under the caret, as "run statement" picks it; empty when the script has none. */
    public static Optional<ScriptPlan> atCaret(String script, int caret) {
        return atCaret(script, caret, true);
    }

    /** {@link #atCaret(String, int)} for a session with the given {@code standard_conforming_strings}. */
    public static Optional<ScriptPlan> atCaret(String script, int caret, boolean standardConformingStrings) {
        if (caret < 0 || caret > script.length()) {
            throw new IllegalArgumentException(
                    "caret offset " + caret + " lies outside the script (0.." + script.length() + ")");
        }
        SplitScript split = StatementSplitter.read(script, 0, script.length(), standardConformingStrings);
        Optional<ScriptStatement> chosen = chosenAt(split.statements(), caret);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        ScriptStatement statement = chosen.get();
        refuseNul(script, statement.start(), statement.end());
        Token open = split.unterminated();
        if (open != null && open.start() >= statement.start() && open.start() < statement.end()) {
            refuseUnterminated(script, open);
        }
        return Optional.of(of(script, statement.end(), List.of(statement)));
    }

    private static Optional<ScriptStatement> chosenAt(List<ScriptStatement> statements, int caret) {
        ScriptStatement chosen = null;
        for (ScriptStatement statement : statements) {
            if (chosen == null || statement.start() <= caret) {
                chosen = statement;
            } else {
                break;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /**
     * The statements from the {@code index}-th of this plan to the end of its range, read again with the
     * {@code standard_conforming_strings} the session now has: what a run does when a statement changed the
     * setting in a way the text did not show. The checks of a new plan apply.
     */
    public ScriptPlan remainderFrom(int index, boolean standardConformingStrings) {
        int from = statements.get(index).start();
        SplitScript split = StatementSplitter.read(script, from, end, standardConformingStrings);
        refuseUnterminated(script, split.unterminated());
        return of(script, end, split.statements());
    }

    private static ScriptPlan of(String script, int end, List<ScriptStatement> statements) {
        Set<Parameter> parameters = new LinkedHashSet<>();
        for (ScriptStatement statement : statements) {
            if (statement.metaCommand()) {
                throw new UnsupportedStatementException(lineOf(script, statement.start()), statement.text());
            }
            if (CopyStatements.usesClientStream(statement.text())) {
                throw new UnsupportedStatementException(
                        "Line " + lineOf(script, statement.start()) + ": COPY … FROM STDIN and COPY … TO STDOUT "
                                + "stream data through psql's own connection, which pgdesk does not offer here. "
                                + "Run a SELECT to see the rows instead, or use psql's \\copy.",
                        lineOf(script, statement.start()));
            }
            parameters.addAll(Parameters.scan(statement).parameters());
        }
        return new ScriptPlan(script, end, statements, new ArrayList<>(parameters));
    }

    /** PostgreSQL ends a query at a NUL byte, so a script holding one would run cut short. */
    private static void refuseNul(String script, int start, int end) {
        int nul = script.indexOf('\0', start);
        if (nul >= 0 && nul < end) {
            int line = lineOf(script, nul);
            throw new UnsupportedStatementException(
                    "Line " + line + ": the SQL holds a NUL character (byte 0), which PostgreSQL cannot receive in"
                            + " a statement. Remove it; a file with many of them is often saved as UTF-16 rather"
                            + " than UTF-8.",
                    line);
        }
    }

    /** A token whose closing delimiter never comes would swallow the rest of the script. */
    private static void refuseUnterminated(String script, Token open) {
        if (open == null || open.kind() == TokenKind.META_COMMAND) {
            return;
        }
        int line = lineOf(script, open.start());
        String text = open.text(script);
        String what = switch (open.kind()) {
            case STRING ->
                "the string that starts here (" + excerpt(text) + ") is never closed: add its"
                        + " closing quote '. A quote inside a string is written twice (''); in an E'…' string,"
                        + " or with standard_conforming_strings off, a backslash before a quote escapes it.";
            case QUOTED_IDENTIFIER ->
                "the quoted name that starts here (" + excerpt(text)
                        + ") is never closed: add its closing double quote \".";
            case DOLLAR_STRING ->
                "the dollar-quoted text that starts here with " + dollarTag(text)
                        + " is never closed: end it with the same " + dollarTag(text) + ".";
            case BLOCK_COMMENT ->
                "the comment that starts here with /* is never closed: add */ (comments"
                        + " nest, so each /* inside it needs its own */).";
            default -> "the text that starts here (" + excerpt(text) + ") is never closed.";
        };
        throw new UnsupportedStatementException("Line " + line + ": " + what, line);
    }

    private static String excerpt(String text) {
        String firstLine = text.lines().findFirst().orElse(text);
        return firstLine.length() > 30 ? firstLine.substring(0, 30) + "…" : firstLine;
    }

    private static String dollarTag(String text) {
        int close = text.indexOf('$', 1);
        return close > 0 ? text.substring(0, close + 1) : "$$";
    }

    static int lineOf(String script, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public boolean hasParameters() {
        return !parameters.isEmpty();
    }
}
