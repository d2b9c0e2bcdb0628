package dev.pgdesk.query;

import dev.pgdesk.sql.Parameter;
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
 * and the command line: every statement is bound before the first is sent (so a missing value sends
 * nothing), the run stops at the first failed statement, and a cancel stops it between statements too.
 * Transactions are the script's own: a {@code BEGIN} in it pins the session's connection until its
 * {@code COMMIT} or {@code ROLLBACK}.
 */
public final class ScriptRunner {
    private ScriptRunner() {}

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
        return run(session, plan, values, timeout, token, listener, 0);
    }

    /**
     * Like {@link #run(QuerySession, ScriptPlan, Map, Duration, CancellationToken, ScriptListener)}, but a
     * statement that only reads ({@link RowCursor#canStream}) is opened as a cursor and its first {@code
     * streamBatch} rows read: a result that fits comes back as a {@link RowsResult}, a bigger one as
     * {@link StreamedRows}, whose cursor the caller must close.
     *
     * @param streamBatch rows in the first batch (and the cursor's fetch size); 0 to read results whole,
     *     capped, as the editor did before streaming
     */
    public static ScriptRun run(
            QuerySession session,
            ScriptPlan plan,
            Map<Parameter, ParameterValue> values,
            Duration timeout,
            CancellationToken token,
            ScriptListener listener,
            int streamBatch) {
        List<BoundStatement> bound = new ArrayList<>();
        for (ScriptStatement statement : plan.statements()) {
            bound.add(StatementBinding.bind(statement.text(), values));
        }
        List<StatementOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < bound.size(); i++) {
            if (token.isCancelled()) {
                break;
            }
            ScriptStatement statement = plan.statements().get(i);
            listener.started(i, statement);
            StatementResult result = streamBatch > 0 && RowCursor.canStream(statement.text())
                    ? stream(session, bound.get(i), streamBatch, timeout, token)
                    : session.execute(bound.get(i), timeout, token, ExecutionListener.NONE);
            StatementOutcome outcome = new StatementOutcome(i, statement, bound.get(i), result);
            outcomes.add(outcome);
            listener.finished(outcome);
            if (result instanceof ServerError) {
                break;
            }
        }
        return new ScriptRun(outcomes, plan.statements().size() - outcomes.size());
    }

    private static StatementResult stream(
            QuerySession session, BoundStatement statement, int batch, Duration timeout, CancellationToken token) {
        long started = System.nanoTime();
        RowCursor cursor;
        try {
            cursor = session.openCursor(statement, batch, timeout, token);
        } catch (SQLException e) {
            return StatementErrors.from(e, token.isCancelled(), timeout);
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
            Map<Parameter, String> described;
            try {
                described = session.parameterTypes(statement.text());
            } catch (java.sql.SQLException e) {
                described = Map.of();
            }
            for (Parameter parameter :
                    dev.pgdesk.sql.Parameters.scan(statement.text()).parameters()) {
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

    /** The type shown for a parameter the server could not describe. */
    public static final String UNKNOWN_TYPE = "unknown";
}
