package dev.pgdesk.query;

import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.task.CancellationToken;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ScriptPlan} statement by statement on a {@link QuerySession}, the same way for the editor
 * and the command line, as psql runs a file:
 *
 * <ul>
 *   <li>The script is one session: every statement runs on the connection the run holds, and when that
 *       connection is lost the run stops at once, whatever {@link Options#continueOnError} says.
 *   <li>Every statement is bound before the first is sent, so a missing value sends nothing.
 *   <li>By default the run stops at the first failed statement (psql's {@code ON_ERROR_STOP}); with {@link
 *       Options#continueOnError} it goes on, as psql does by default, and inside a transaction block the
 *       server then refuses the rest of the block until its {@code ROLLBACK}.
 *   <li>Before each statement the session's {@code standard_conforming_strings} is compared with the one the
 *       statement was read with; when something the text did not show changed it, the rest of the script
 *       is read again the way the server now reads it.
 *   <li>A cancel stops the run, between statements too. Transactions are the script's own.
 * </ul>
 */
public final class ScriptRunner {
    /** The type shown for a parameter the server could not describe. */
    public static final String UNKNOWN_TYPE = "unknown";

    private ScriptRunner() {}

    /**
     * How a run treats time, reading statements and failures.
     *
     * @param timeout per statement; {@link Duration#ZERO} for none (the session's own {@code
     *     statement_timeout} then applies untouched)
     * @param streamBatch when above 0, the run's last statement, if it only reads ({@link
     *     RowCursor#canStream}), is opened as a cursor and its first {@code streamBatch} rows read: a result
     *     that fits comes back as a {@link RowsResult}, a bigger one as {@link StreamedRows}, whose cursor the
     *     caller must close. Earlier statements are read whole, capped, so the session is free for the next.
     * @param continueOnError run the statements after a failed one too
     */
    public record Options(Duration timeout, int streamBatch, boolean continueOnError) {
        public Options {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("The timeout must be 0 (none) or positive, not " + timeout + ".");
            }
            if (streamBatch < 0) {
                throw new IllegalArgumentException("The stream batch must be 0 (none) or more, not " + streamBatch);
            }
        }

        /** Stop at the first error, read every result whole. */
        public static Options of(Duration timeout) {
            return new Options(timeout, 0, false);
        }
    }

    /** Runs a statement that only reads another way than the default: the command line streams it out. */
    @FunctionalInterface
    public interface ReadingStatements {
        StatementResult run(QuerySession session, BoundStatement statement, Duration timeout, CancellationToken token);
    }

    /**
     * @param values one value per parameter of the plan
     * @param timeout per statement; {@link Duration#ZERO} for none
     * @throws IllegalArgumentException a parameter of the plan has no value; nothing was sent
     */
    public static ScriptRun run(
            QuerySession session,
            ScriptPlan plan,
            Map<Parameter, ParameterValue> values,
            Duration timeout,
            CancellationToken token,
            ScriptListener listener) {
        return run(session, plan, values, Options.of(timeout), token, listener, null);
    }

    /** As {@link #run(QuerySession, ScriptPlan, Map, Duration, CancellationToken, ScriptListener)}, streaming. */
    public static ScriptRun run(
            QuerySession session,
            ScriptPlan plan,
            Map<Parameter, ParameterValue> values,
            Duration timeout,
            CancellationToken token,
            ScriptListener listener,
            int streamBatch) {
        return run(session, plan, values, new Options(timeout, streamBatch, false), token, listener, null);
    }

    /**
     * Runs the plan.
     *
     * @param reading how statements that only read are run; null for {@link Options#streamBatch}'s way
     * @throws IllegalArgumentException a parameter of the plan has no value; nothing was sent
     */
    public static ScriptRun run(
            QuerySession session,
            ScriptPlan plan,
            Map<Parameter, ParameterValue> values,
            Options options,
            CancellationToken token,
            ScriptListener listener,
            ReadingStatements reading) {
        List<ScriptStatement> statements = new ArrayList<>(plan.statements());
        List<BoundStatement> bound = bindAll(statements, values);
        List<StatementOutcome> outcomes = new ArrayList<>();
        QuerySession.Run run;
        try {
            run = session.beginRun();
        } catch (SQLException e) {
            ServerError error = ServerErrors.from(e, List.of(), Duration.ZERO);
            StatementOutcome outcome = new StatementOutcome(0, statements.get(0), bound.get(0), error);
            listener.finished(outcome);
            return new ScriptRun(List.of(outcome), statements.size() - 1, ScriptRun.Stop.CONNECTION_LOST);
        }
        ScriptPlan current = plan;
        ScriptRun.Stop stop = ScriptRun.Stop.NONE;
        try (run) {
            for (int i = 0; i < statements.size(); i++) {
                if (token.isCancelled()) {
                    stop = ScriptRun.Stop.CANCEL;
                    break;
                }
                if (statements.get(i).standardConformingStrings() != session.standardConformingStrings()) {
                    try {
                        current = current.remainderFrom(
                                current.statements().indexOf(statements.get(i)), session.standardConformingStrings());
                        List<BoundStatement> rebound = bindAll(current.statements(), values);
                        statements.subList(i, statements.size()).clear();
                        statements.addAll(current.statements());
                        bound.subList(i, bound.size()).clear();
                        bound.addAll(rebound);
                    } catch (IllegalArgumentException e) {
                        StatementOutcome refused = new StatementOutcome(
                                i, statements.get(i), unsent(statements.get(i)), changedStrings(session, e));
                        outcomes.add(refused);
                        listener.finished(refused);
                        stop = ScriptRun.Stop.ERROR;
                        break;
                    }
                    if (statements.size() == i) {
                        break;
                    }
                }
                ScriptStatement statement = statements.get(i);
                listener.started(i, statement);
                StatementResult result =
                        runOne(session, bound.get(i), options, token, reading, i == statements.size() - 1);
                StatementOutcome outcome = new StatementOutcome(i, statement, bound.get(i), result);
                outcomes.add(outcome);
                listener.finished(outcome);
                if (result instanceof ServerError error) {
                    if (QuerySession.isConnectionLost(error)) {
                        stop = ScriptRun.Stop.CONNECTION_LOST;
                        break;
                    }
                    if (token.isCancelled()) {
                        stop = ScriptRun.Stop.CANCEL;
                        break;
                    }
                    if (!options.continueOnError()) {
                        stop = ScriptRun.Stop.ERROR;
                        break;
                    }
                }
            }
        }
        return new ScriptRun(outcomes, statements.size() - outcomes.size(), stop);
    }

    private static StatementResult runOne(
            QuerySession session,
            BoundStatement statement,
            Options options,
            CancellationToken token,
            ReadingStatements reading,
            boolean last) {
        if (RowCursor.canStream(statement.text())) {
            if (reading != null) {
                return reading.run(session, statement, options.timeout(), token);
            }
            if (options.streamBatch() > 0 && last) {
                return stream(session, statement, options.streamBatch(), options.timeout(), token);
            }
        }
        return session.execute(statement, options.timeout(), token, ExecutionListener.NONE);
    }

    /** Binds every statement before any is sent. */
    private static List<BoundStatement> bindAll(
            List<ScriptStatement> statements, Map<Parameter, ParameterValue> values) {
        List<BoundStatement> bound = new ArrayList<>();
        for (ScriptStatement statement : statements) {
            bound.add(StatementBinding.bind(statement, values));
        }
        return bound;
    }

    /** A statement that was not sent, as the outcome of a refusal names it. */
    private static BoundStatement unsent(ScriptStatement statement) {
        return new BoundStatement(statement.text(), statement.text(), List.of());
    }

    /** The rest of the script cannot be read the way the server now reads strings. */
    private static ServerError changedStrings(QuerySession session, IllegalArgumentException e) {
        return new ServerError(
                "42601",
                "Not run: standard_conforming_strings is now " + (session.standardConformingStrings() ? "on" : "off")
                        + ", which the script's text did not show, and read that way the rest of the script"
                        + " cannot run.",
                e.getMessage(),
                "Set standard_conforming_strings with a SET statement of its own, so pgdesk reads the rest of the"
                        + " script as the server will.",
                0,
                List.of(),
                Duration.ZERO);
    }

    private static StatementResult stream(
            QuerySession session, BoundStatement statement, int batch, Duration timeout, CancellationToken token) {
        long started = System.nanoTime();
        RowCursor cursor;
        try {
            cursor = session.openCursor(statement, batch, timeout, token);
        } catch (SQLException e) {
            return StatementErrors.from(e, token.isCancelled(), timeout, statement);
        }
        try {
            List<Object[]> first = cursor.next(batch);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (cursor.exhausted()) {
                List<Notice> notices = cursor.notices();
                cursor.close();
                return new RowsResult(cursor.columns(), first, false, notices, took);
            }
            return new StreamedRows(cursor.columns(), first, cursor, cursor.notices(), took);
        } catch (SQLException e) {
            cursor.close();
            return StatementErrors.from(e, token.isCancelled(), timeout);
        } catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    /**
     * The server's type for each parameter of the plan, from the first statement that uses it. A
     * statement the server cannot describe yet (say, it inserts into a table an earlier statement of the
     * script creates) leaves its parameters' types as {@code "unknown"}, for the user to set.
     */
    public static Map<Parameter, String> parameterTypes(QuerySession session, ScriptPlan plan) {
        Map<Parameter, String> types = new LinkedHashMap<>();
        for (ScriptStatement statement : plan.statements()) {
            List<Parameter> parameters = Parameters.scan(statement).parameters();
            if (parameters.isEmpty()) {
                continue;
            }
            Map<Parameter, String> described;
            try {
                described = session.parameterTypes(statement);
            } catch (SQLException e) {
                described = Map.of();
            }
            for (Parameter parameter : parameters) {
                String type = described.getOrDefault(parameter, UNKNOWN_TYPE);
                String known = types.get(parameter);
                if (known == null || (known.equals(UNKNOWN_TYPE) && !type.equals(UNKNOWN_TYPE))) {
                    types.put(parameter, type);
                }
            }
        }
        for (Parameter parameter : plan.parameters()) {
            types.putIfAbsent(parameter, UNKNOWN_TYPE);
        }
        return types;
    }
}
