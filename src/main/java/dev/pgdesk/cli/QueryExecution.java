package dev.pgdesk.cli;

import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.ExecutionListener;
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
import dev.pgdesk.query.StatementBinding;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The {@code --format}/{@code --output} writer; null for the default JSON documents. */
    private final FormattedResults formatted;

    private final CommandMessages messages;
    private final PrintStream err;

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
        this(plan, texts, timeout, script, new JsonResultPrinter(out, pretty), null, messages);
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
        this(plan, texts, timeout, script, new JsonResultPrinter(out, false), formatted, messages);
    }

    private QueryExecution(
            ScriptPlan plan,
            Map<Parameter, String> texts,
            Duration timeout,
            String script,
            JsonResultPrinter printer,
            FormattedResults formatted,
            CommandMessages messages) {
        this.plan = plan;
        this.texts = texts;
        this.timeout = timeout;
        this.script = script;
        this.printer = printer;
        this.formatted = formatted;
        this.messages = messages;
        this.err = messages.err();
    }

    /** Runs the script on {@code session} and closes it; returns the exit status. */
    int run(QuerySession session, CancellationToken token) {
        ScriptRun run = null;
        try {
            Map<Parameter, ParameterValue> values;
            try {
                values = convert(session);
            } catch (ParameterValueException e) {
                messages.info(e.getMessage() + ". Nothing was run.");
                return ExitCodes.BAD_ARGUMENTS;
            }
            try {
                run = formatted == null
                        ? ScriptRunner.run(session, plan, values, timeout, token, new ScriptListener() {
                            @Override
                            public void finished(StatementOutcome outcome) {
                                print(outcome);
                            }
                        })
                        : runFormatted(session, values, token);
            } catch (UncheckedIOException e) {
                messages.info("could not write the output: " + e.getCause().getMessage());
                return ExitCodes.FAILURE;
            }
            return run.failed() ? reportFailure(run, token) : ExitCodes.OK;
        } finally {
            if (session.close() == TransactionEnd.ROLLED_BACK) {
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
     * Runs the script like {@link ScriptRunner} (everything bound first, stop at the first failure), but
     * streams each reading statement's rows through a cursor to the formatted output.
     */
    private ScriptRun runFormatted(
            QuerySession session, Map<Parameter, ParameterValue> values, CancellationToken token) {
        List<BoundStatement> bound = new ArrayList<>();
        for (ScriptStatement statement : plan.statements()) {
            bound.add(StatementBinding.bind(statement.text(), values));
        }
        List<StatementOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < bound.size() && !token.isCancelled(); i++) {
            ScriptStatement statement = plan.statements().get(i);
            StatementResult result;
            if (RowCursor.canStream(statement.text())) {
                result = formatted.stream(session, bound.get(i), timeout, token);
            } else {
                result = session.execute(bound.get(i), timeout, token, ExecutionListener.NONE);
                printFormatted(i, result, token);
            }
            outcomes.add(new StatementOutcome(i, statement, bound.get(i), result));
            if (result instanceof ServerError) {
                break;
            }
        }
        return new ScriptRun(outcomes, plan.statements().size() - outcomes.size());
    }

    private void printFormatted(int index, StatementResult result, CancellationToken token) {
        for (Notice notice : result.notices()) {
            err.println(notice.severity() + ":  " + notice.message());
        }
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

    /** Notices to stderr as psql shows them, the result to stdout; a failure is reported after the run. */
    private void print(StatementOutcome outcome) {
        StatementResult result = outcome.result();
        for (Notice notice : result.notices()) {
            err.println(notice.severity() + ":  " + notice.message());
        }
        if (result instanceof RowsResult rows) {
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

    /** The failed statement's error psql-style, which statement it was, and the exit status it means. */
    private int reportFailure(ScriptRun run, CancellationToken token) {
        StatementOutcome failed = run.outcomes().get(run.outcomes().size() - 1);
        ServerError error = (ServerError) failed.result();
        ServerErrorReport.lines(error, script, failed.errorOffset()).forEach(err::println);
        if (ServerError.QUERY_CANCELED.equals(error.sqlState())) {
            if (token.isCancelled()) {
                messages.info("interrupted; the statement was canceled on the server");
            } else if (!timeout.isZero()) {
                messages.info("the statement ran longer than the timeout of " + seconds(timeout)
                        + " s and was canceled; allow more with --timeout SECONDS (0 for no limit)");
            }
        }
        if (plan.statements().size() > 1) {
            messages.info("statement " + (failed.index() + 1) + " of "
                    + plan.statements().size()
                    + " (line " + lineOf(failed.statement().start()) + ") failed"
                    + (run.notRun() == 0 ? "" : "; the " + run.notRun() + " after it did not run"));
        }
        return isConnectionLost(error) ? ExitCodes.CONNECTION_FAILED : ExitCodes.SQL_ERROR;
    }

    /** Connection exceptions and the server ending the session, as the query core tells them apart. */
    private static boolean isConnectionLost(ServerError error) {
        String state = error.sqlState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
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
