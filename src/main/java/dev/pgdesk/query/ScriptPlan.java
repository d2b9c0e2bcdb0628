package dev.pgdesk.query;

import dev.pgdesk.sql.InvalidParametersException;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.ParameterScan;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one run will execute: the statements, with offsets into the editor's text so error positions map
 * back, and the distinct parameters across them (a {@code $1} in two statements is one value). Building a
 * plan refuses psql meta-commands and statements that mix {@code $n} with {@code :name}, before anything
 * reaches the server.
 */
public record ScriptPlan(List<ScriptStatement> statements, List<Parameter> parameters) {

    public ScriptPlan {
        statements = List.copyOf(statements);
        parameters = List.copyOf(parameters);
    }

    /**
     * Every statement of {@code script}.
     *
     * @throws UnsupportedStatementException a psql meta-command is among the statements
     * @throws InvalidParametersException a statement mixes parameter styles
     */
    public static ScriptPlan ofScript(String script) {
        return ofRange(script, 0, script.length());
    }

    /**
     * The statements of {@code script.substring(start, end)} (a selection), with offsets relative to the
     * whole script.
     */
    public static ScriptPlan ofRange(String script, int start, int end) {
        if (start < 0 || end > script.length() || start > end) {
            throw new IllegalArgumentException(
                    "range " + start + ".." + end + " lies outside the script (0.." + script.length() + ")");
        }
        List<ScriptStatement> shifted = new ArrayList<>();
        for (ScriptStatement statement : StatementSplitter.split(script.substring(start, end))) {
            shifted.add(new ScriptStatement(
                    statement.text(), statement.start() + start, statement.end() + start, statement.metaCommand()));
        }
        return of(script, shifted);
    }

    /** The statement under the caret, as "run statement" picks it; empty when the script has none. */
    public static Optional<ScriptPlan> atCaret(String script, int caret) {
        return StatementSplitter.statementAt(script, caret).map(statement -> of(script, List.of(statement)));
    }

    private static ScriptPlan of(String script, List<ScriptStatement> statements) {
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
            ParameterScan scan = Parameters.scan(statement.text());
            parameters.addAll(scan.parameters());
        }
        return new ScriptPlan(statements, new ArrayList<>(parameters));
    }

    private static int lineOf(String script, int offset) {
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
