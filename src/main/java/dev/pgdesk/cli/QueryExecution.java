package dev.pgdesk.cli;

import dev.pgdesk.export.OutputTarget;
import dev.pgdesk.query.Notice;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.ParameterValueException;
import dev.pgdesk.query.ParameterValues;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ScriptListener;
import dev.pgdesk.query.ScriptPlan;
import dev.pgdesk.query.ScriptRun;
import dev.pgdesk.query.ScriptRunner;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementOutcome;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.TransactionEnd;
import dev.pgdesk.query.UpdateResult;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.task.CancellationToken;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code pgdesk query} run on a connected session: converts the parameter values for the types the
 * server expects, runs the script, prints each result as it finishes, reports a failure psql-style, and
 * rolls back a transaction the script left open, saying so.
 */
final class QueryExecution {
    private final ScriptPlan plan;
    private final Map<Parameter, String> texts;
    private final Duration timeout;
    private final String script;
    private final JsonResultPrinter printer;
    private final PrintStream out;
    /** The {@code --format}/{@code --output} writer; null for the default JSON documents. */
    private final FormattedResults formatted;

    private final CommandMessages messages;
    private final PrintStream err;
    private boolean continueOnError;
    private ServerDeadline deadline = new ServerDeadline(Duration.ZERO, () -> {});

    /**
     * @param texts each parameter's text from the command line, {@code null} for NULL
     * @param script the whole script, for error lines
     * @param messages stderr, under the name of the command the user ran
     */
    QueryExecution(
            ScriptPlan plan,
            Map<Parameter, String> texts,
            Duration timeout,
            String script,
            boolean pretty,
            PrintStream out,
            CommandMessages messages) {
        this(plan, texts, timeout, script, new JsonResultPrinter(out, pretty), null, out, messages);
    }

    /** A run that writes rows with {@code --format}/{@code --output}. */
    QueryExecution(
            ScriptPlan plan,
            Map<Parameter, String> texts,
            Duration timeout,
            String script,
            FormattedResults formatted,
            PrintStream out,
            CommandMessages messages) {
        this(plan, texts, timeout, script, new JsonResultPrinter(out, false), formatted, out, messages);
    }

    private QueryExecution(
            ScriptPlan plan,
            Map<Parameter, String> texts,
            Duration timeout,
            String script,
            JsonResultPrinter printer,
            FormattedResults formatted,
            PrintStream out,
            CommandMessages messages) {
        this.out = out;
        this.plan = plan;
        this.texts = texts;
        this.timeout = timeout;
        this.script = script;
        this.printer = printer;
        this.formatted = formatted;
        this.messages = messages;
        this.err = messages.err();
    }

    /** Runs the statements after a failed one too ({@code --on-error continue}), as psql does by default. */
    QueryExecution continueOnError(boolean continueAfterErrors) {
        this.continueOnError = continueAfterErrors;
        return this;
    }

    /** Gives up on a server that answers no statement within the timeout and its grace. */
    QueryExecution deadline(ServerDeadline serverDeadline) {
        this.deadline = serverDeadline;
        return this;
    }

    /** Runs the script on {@code session} and closes it; returns the exit status. */
    int run(QuerySession session, CancellationToken token) {
        ScriptRun run = null;
        try {
            Map<Parameter, ParameterValue> values;
            try {
                values = convert(session);
            } catch (ParameterValueException e) {
                messages.info(CommandMessages.sentence(e.getMessage()) + " Nothing was run.");
                return ExitCodes.BAD_ARGUMENTS;
            }
            try {
                run = ScriptRunner.run(
                        session,
                        plan,
                        values,
                        new ScriptRunner.Options(timeout, 0, continueOnError),
                        token,
                        new ScriptListener() {
                            @Override
                            public void started(int index, ScriptStatement statement) {
                                // A streamed statement arms the deadline per fetch (FormattedResults).
                                if (formatted == null || !RowCursor.canStream(statement.text())) {
                                    deadline.arm();
                                }
                            }

                            @Override
                            public void finished(StatementOutcome outcome) {
                                deadline.disarm();
                                print(outcome, token);
                                stopIfOutputFailed(outcome);
                            }
                        },
                        formatted == null ? null : formatted::stream);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof StandardOutput.LostException lost) {
                    if (!lost.closedByReader()) {
                        messages.info("could not write the output (" + lost.getMessage() + "); the run stopped there");
                    }
                } else if (e.getCause() instanceof OutputTarget.FileException file) {
                    messages.info(file.getMessage());
                } else {
                    messages.info("could not write the output: " + e.getCause().getMessage());
                }
                return ExitCodes.FAILURE;
            } catch (OutputLostException e) {
                if (!e.closedByReader) {
                    messages.info(e.getMessage());
                }
                return ExitCodes.FAILURE;
            }
            return run.failed() ? reportFailures(run, token) : ExitCodes.OK;
        } finally {
            deadline.arm();
            TransactionEnd end;
            try {
                end = session.close();
            } finally {
                deadline.disarm();
            }
            if (end == TransactionEnd.ROLLED_BACK) {
                if (run != null && !run.failed()) {
                    messages.warning("the script ended inside a transaction (BEGIN without"
                            + " COMMIT); it was rolled back, so none of its changes were kept");
                } else {
                    messages.info("the open transaction was rolled back");
                }
            }
        }
    }

    /**
     * Stops the script when standard output failed (a closed pipe, as {@code | head -1} closes it, or a full
     * disk): a print stream keeps such errors to itself, and the statements after would run for no reader,
     * as psql, killed by the broken pipe, would not run them.
     */
    private void stopIfOutputFailed(StatementOutcome outcome) {
        Optional<StandardOutput.LostException> failure = StandardOutput.failure(out);
        if (failure.isPresent()) {
            int total = plan.statements().size();
            int after = total - outcome.index() - 1;
            throw new OutputLostException(
                    "could not write the output of statement " + (outcome.index() + 1)
                            + " (" + failure.get().getMessage() + ")"
                            + (after == 0 ? "" : "; the " + describeCount(after) + " after it did not run"),
                    failure.get().closedByReader());
        }
    }

    /** Standard output failed; the run stops. */
    private static final class OutputLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** A closed pipe ends the run quietly, as it ends any Unix filter. */
        private final boolean closedByReader;

        OutputLostException(String message, boolean closedByReader) {
            super(message, null, false, false);
            this.closedByReader = closedByReader;
        }
    }

    /** Notices to stderr as psql shows them, the result to stdout, an error psql-style as it happens. */
    private void print(StatementOutcome outcome, CancellationToken token) {
        StatementResult result = outcome.result();
        if (result instanceof ServerError error) {
            ServerErrorReport.lines(error, script, outcome.errorOffset()).forEach(err::println);
            return;
        }
        if (formatted != null && RowCursor.canStream(outcome.statement().text())) {
            return; // streamed: rows and notices are written already
        }
        for (Notice notice : result.notices()) {
            err.println(notice.severity() + ":  " + notice.message());
        }
        if (formatted != null) {
            printFormatted(outcome.index(), result, token);
        } else if (result instanceof RowsResult rows) {
            printer.print(rows);
            if (rows.truncated()) {
                messages.warning("statement " + (outcome.index() + 1) + " returned more than "
                        + rows.rows().size() + " rows; only the first "
                        + rows.rows().size()
                        + " were printed (add a LIMIT or narrow the query)");
            }
        } else if (result instanceof UpdateResult update) {
            printer.print(update);
        }
    }

    private void printFormatted(int index, StatementResult result, CancellationToken token) {
        if (result instanceof RowsResult rows) {
            if (formatted.writesFile()) {
                messages.info("statement " + (index + 1) + " returned "
                        + rows.rows().size()
                        + " rows, which were not written: --output takes the rows of the reading statement");
                return;
            }
            formatted.print(rows, token);
            if (rows.truncated()) {
                messages.warning("statement " + (index + 1) + " returned more than "
                        + rows.rows().size() + " rows; only the first "
                        + rows.rows().size() + " were printed");
            }
        } else if (result instanceof UpdateResult update) {
            formatted.print(update);
        }
    }

    /** Each parameter's text converted for the type the server expects; "unknown" passes the text through. */
    private Map<Parameter, ParameterValue> convert(QuerySession session) throws ParameterValueException {
        if (texts.isEmpty()) {
            return Map.of();
        }
        Map<Parameter, String> types = ScriptRunner.parameterTypes(session, plan);
        Map<Parameter, ParameterValue> values = new LinkedHashMap<>();
        for (Map.Entry<Parameter, String> entry : texts.entrySet()) {
            Parameter parameter = entry.getKey();
            String type = types.getOrDefault(parameter, ScriptRunner.UNKNOWN_TYPE);
            values.put(
                    parameter,
                    entry.getValue() == null
                            ? ParameterValue.nullOf(type)
                            : ParameterValues.convert(entry.getValue(), type, parameter.label()));
        }
        return values;
    }

    /**
     * After the run: why it stopped, and with {@code --on-error continue} every failed statement again (its
     * line, SQLSTATE and message), so the end of a long log says what went wrong; the exit status.
     */
    private int reportFailures(ScriptRun run, CancellationToken token) {
        List<StatementOutcome> failures = run.failures();
        StatementOutcome last = failures.get(failures.size() - 1);
        ServerError lastError = (ServerError) last.result();
        int total = run.outcomes().size() + run.notRun();
        if (run.connectionLost() && deadline.expired()) {
            messages.info("the server did not answer: statement " + (last.index() + 1) + " of " + total
                    + " (line " + lineOf(last.statement().start()) + ") was still waiting after the timeout of "
                    + seconds(timeout) + " s and " + seconds(ServerDeadline.GRACE) + " s more for its cancel,"
                    + " so pgdesk gave up and closed the connection"
                    + (run.notRun() == 0 ? "" : "; the " + describeCount(run.notRun()) + " after it did not run")
                    + ". The server may be stopped, overloaded or unreachable; whether the statement ran there is"
                    + " unknown.");
            return ExitCodes.CONNECTION_FAILED;
        }
        if (run.connectionLost()) {
            messages.info("the connection was lost during statement " + (last.index() + 1) + " of " + total
                    + " (line " + lineOf(last.statement().start()) + "); the session's settings, temporary"
                    + " tables and prepared statements are gone"
                    + (run.notRun() == 0 ? "" : ", and the " + describeCount(run.notRun()) + " after it did not run")
                    + ". Nothing was retried on another connection.");
            return ExitCodes.CONNECTION_FAILED;
        }
        if (ServerError.QUERY_CANCELED.equals(lastError.sqlState())) {
            if (token.isCancelled()) {
                messages.info("interrupted; the statement was canceled on the server");
            } else if (lastError.message().equals("canceled after " + seconds(timeout) + " s (statement timeout)")) {
                messages.info("the statement ran longer than the timeout of " + seconds(timeout)
                        + " s and was canceled; allow more with --timeout SECONDS (0 for no limit)");
            } else if (lastError.message().startsWith("canceled")) {
                messages.info("the statement ran longer than the session's own statement_timeout (set by the"
                        + " script, the connection's options, the role, the database or the server) and was"
                        + " canceled; pgdesk never lengthens it: change it with SET statement_timeout in the script");
            }
        }
        if (continueOnError && total > 1) {
            messages.info(failures.size() + " of " + total + " statements failed:");
            for (StatementOutcome failed : failures) {
                ServerError error = (ServerError) failed.result();
                err.println("  statement " + (failed.index() + 1) + " (line "
                        + lineOf(failed.statement().start()) + "): "
                        + (error.sqlState().isEmpty() ? "" : error.sqlState() + " ") + error.message());
            }
        } else if (total > 1) {
            messages.info("statement " + (last.index() + 1) + " of " + total
                    + " (line " + lineOf(last.statement().start()) + ") failed"
                    + (run.notRun() == 0 ? "" : "; the " + describeCount(run.notRun()) + " after it did not run"));
        }
        return ExitCodes.SQL_ERROR;
    }

    private static String describeCount(int statements) {
        return statements == 1 ? "1 statement" : statements + " statements";
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String seconds(Duration timeout) {
        return BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
