package dev.pgdesk.explain;

import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.ExecutionListener;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.QuerySession;
import dev.pgdesk.query.RowsResult;
import dev.pgdesk.query.ServerError;
import dev.pgdesk.query.StatementBinding;
import dev.pgdesk.query.StatementErrors;
import dev.pgdesk.query.StatementResult;
import dev.pgdesk.query.TransactionEnd;
import dev.pgdesk.query.TransactionState;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.sql.StatementSplitter;
import dev.pgdesk.task.CancellationToken;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs EXPLAIN or EXPLAIN ANALYZE of one statement on an editor tab's {@link QuerySession}, with the
 * statement's {@code $n}/{@code :name} parameters bound exactly as a normal run binds them, and returns the
 * parsed, analysed plan.
 *
 * <p>Parameters: the EXPLAIN is sent as one prepared statement with the user's values bound through the
 * extended protocol ({@code EXPLAIN (FORMAT JSON) SELECT ... WHERE id = ?}); PostgreSQL plans the inner
 * statement with those values, as it would for the statement itself, so values are never pasted into SQL.
 *
 * <p>Transactions: EXPLAIN ANALYZE runs the statement, so it always runs inside a transaction that is then
 * rolled back ({@code BEGIN ... ROLLBACK}, or {@code SAVEPOINT ... ROLLBACK TO SAVEPOINT} when the tab has
 * a transaction open, which keeps the tab's own work). That undoes an UPDATE as well as whatever a function
 * called by a SELECT wrote (sequences excepted: {@code nextval} is never rolled back). A plain EXPLAIN runs
 * the statement not at all and needs no transaction; inside the tab's open transaction it still runs under a
 * savepoint, so a failing EXPLAIN does not abort the tab's transaction. In a failed transaction the server
 * refuses EXPLAIN like anything else, and the error says so.
 *
 * <p>The tab's statement timeout and cancellation apply to the EXPLAIN; a canceled EXPLAIN ANALYZE is rolled
 * back like a finished one. Run one explain at a time per session, off the FX thread.
 */
public final class ExplainRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExplainRunner.class);
    private static final String SAVEPOINT = "pgdesk_explain";
    /** The catalog lookup of table sizes is a nicety: it never holds the user up for long. */
    private static final Duration SIZE_LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final QuerySession session;

    public ExplainRunner(QuerySession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Binds {@code statement}'s parameters and explains it.
     *
     * @param values the value of each distinct parameter, as the parameter panel gives them to a normal run
     * @throws IllegalArgumentException the text is not exactly one explainable statement, or a parameter has no
     *     value
     */
    public ExplainOutcome explain(
            String statement,
            Map<Parameter, ParameterValue> values,
            ExplainMode mode,
            Duration timeout,
            CancellationToken token) {
        return explain(StatementBinding.bind(singleStatement(statement), values), mode, timeout, token);
    }

    /**
     * Explains a statement bound as for {@link QuerySession#execute}.
     *
     * @param timeout the statement timeout for the EXPLAIN ({@link Duration#ZERO} for none)
     * @param token cancels the EXPLAIN (under ANALYZE the statement stops and is rolled back)
     * @throws IllegalArgumentException the text is not exactly one explainable statement
     */
    public ExplainOutcome explain(
            BoundStatement statement, ExplainMode mode, Duration timeout, CancellationToken token) {
        singleStatement(statement.text());
        StatementKind.requireExplainable(statement.text());
        String modifying = StatementKind.modifyingCommand(statement.text()).orElse(null);
        BoundStatement explain = new BoundStatement(
                mode.prefix() + statement.text(), mode.prefix() + statement.jdbcSql(), statement.values());
        // One run: the BEGIN, the EXPLAIN ANALYZE and the ROLLBACK share one connection, and should it be lost
        // after the BEGIN, the statement is never sent anywhere else (where it would run outside the
        // transaction that is to undo it).
        QuerySession.Run run;
        try {
            run = session.beginRun();
        } catch (SQLException e) {
            return new ExplainFailure(StatementErrors.from(e, false, timeout), false, modifying);
        }
        try (run) {
            return explainIn(statement, explain, mode, modifying, timeout, token);
        }
    }

    private ExplainOutcome explainIn(
            BoundStatement statement,
            BoundStatement explain,
            ExplainMode mode,
            String modifying,
            Duration timeout,
            CancellationToken token) {
        TransactionState state = session.transactionState();
        if (state == TransactionState.FAILED) {
            // The server refuses anything but a rollback: its error tells the user so.
            StatementResult result = run(explain, timeout, token);
            return finish(statement, mode, result, planOf(result, statement), false, null, Map.of());
        }
        Wrapper wrapper = state == TransactionState.IN_TRANSACTION
                ? Wrapper.SAVEPOINT
                : mode == ExplainMode.ANALYZE ? Wrapper.TRANSACTION : Wrapper.NONE;
        if (wrapper != Wrapper.NONE) {
            StatementResult opened =
                    internal(wrapper == Wrapper.SAVEPOINT ? "SAVEPOINT " + SAVEPOINT : "BEGIN", timeout);
            if (opened instanceof ServerError error) {
                return new ExplainFailure(error, false, modifying);
            }
        }
        StatementResult result;
        Plan plan;
        Map<String, RelationSize> sizes = Map.of();
        boolean undone;
        try {
            result = run(explain, timeout, token);
            plan = planOf(result, statement);
            if (plan != null && !token.isCancelled()) {
                sizes = relationSizes(plan);
            }
        } finally {
            undone = undo(wrapper);
        }
        boolean rolledBack = mode == ExplainMode.ANALYZE && undone;
        return finish(statement, mode, result, plan, rolledBack, modifying, sizes);
    }

    /** The parsed plan of a successful EXPLAIN; {@code null} for a failed one. */
    private static Plan planOf(StatementResult result, BoundStatement statement) {
        if (result instanceof ServerError) {
            return null;
        }
        if (!(result instanceof RowsResult rows) || rows.rows().isEmpty()) {
            throw new IllegalStateException("EXPLAIN returned no plan for: " + statement.text());
        }
        return PlanParser.parse(jsonOf(rows));
    }

    /** The single json value of EXPLAIN (FORMAT JSON); pgjdbc returns it as a PGobject whose text is the JSON. */
    private static String jsonOf(RowsResult rows) {
        return String.valueOf(rows.rows().get(0)[0]);
    }

    private static ExplainOutcome finish(
            BoundStatement statement,
            ExplainMode mode,
            StatementResult result,
            Plan plan,
            boolean rolledBack,
            String modifying,
            Map<String, RelationSize> sizes) {
        if (result instanceof ServerError error) {
            return new ExplainFailure(unshift(error, mode.prefix().length()), rolledBack, modifying);
        }
        RowsResult rows = (RowsResult) result;
        return new ExplainedPlan(
                statement.text(),
                mode,
                plan,
                PlanAnalyzer.analyze(plan, sizes),
                jsonOf(rows),
                rolledBack,
                modifying,
                rows.notices(),
                rows.duration());
    }

    private StatementResult run(BoundStatement statement, Duration timeout, CancellationToken token) {
        return session.execute(statement, timeout, token, ExecutionListener.NONE);
    }

    /** pgdesk's own statements run even after the user canceled, so the rollback always happens. */
    private StatementResult internal(String sql, Duration timeout) {
        return session.execute(BoundStatement.of(sql), timeout, new CancellationToken(), ExecutionListener.NONE);
    }

    /** Rolls back what {@code wrapper} opened; returns whether the statement's effects are gone. */
    private boolean undo(Wrapper wrapper) {
        switch (wrapper) {
            case SAVEPOINT -> {
                StatementResult back = internal("ROLLBACK TO SAVEPOINT " + SAVEPOINT, QuerySession.DEFAULT_TIMEOUT);
                if (back instanceof ServerError error) {
                    LOG.warn("Rolling back to the EXPLAIN savepoint failed: {}", error.message());
                    // A lost connection ends the transaction, and with it what the statement did.
                    return session.transactionState() == TransactionState.IDLE;
                }
                internal("RELEASE SAVEPOINT " + SAVEPOINT, QuerySession.DEFAULT_TIMEOUT);
                return true;
            }
            case TRANSACTION -> {
                try {
                    TransactionEnd end = session.rollback();
                    return end == TransactionEnd.ROLLED_BACK || session.transactionState() == TransactionState.IDLE;
                } catch (SQLException e) {
                    LOG.warn("Rolling back the EXPLAIN ANALYZE transaction failed", e);
                    return session.transactionState() == TransactionState.IDLE;
                }
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Catalog sizes of the tables the plan scans sequentially, so a scan of a big table is pointed out even
     * without ANALYZE. Asked inside the EXPLAIN's own transaction or savepoint where there is one; a failure
     * only means the marks rely on what ANALYZE measured.
     */
    private Map<String, RelationSize> relationSizes(Plan plan) {
        List<String> names = plan.nodes().stream()
                .filter(PlanNode::isSequentialScan)
                .map(PlanNode::relationName)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        BoundStatement lookup = RelationSizes.lookup(names);
        StatementResult result =
                session.execute(lookup, SIZE_LOOKUP_TIMEOUT, new CancellationToken(), ExecutionListener.NONE);
        if (result instanceof RowsResult sizes) {
            return RelationSizes.byName(sizes);
        }
        LOG.debug("Looking up table sizes for the plan failed: {}", ((ServerError) result).message());
        return Map.of();
    }

    /** The error position inside the user's statement rather than inside the EXPLAIN sent. */
    private static ServerError unshift(ServerError error, int prefixLength) {
        int position = error.position() > prefixLength ? error.position() - prefixLength : 0;
        return new ServerError(
                error.sqlState(),
                error.message(),
                error.detail(),
                error.hint(),
                position,
                error.notices(),
                error.duration());
    }

    private static String singleStatement(String text) {
        List<ScriptStatement> statements = StatementSplitter.split(text);
        if (statements.size() != 1) {
            throw new IllegalArgumentException(
                    statements.isEmpty()
                            ? "There is no statement to explain."
                            : "EXPLAIN takes one statement, but the text holds " + statements.size()
                                    + ": select the one to explain.");
        }
        if (statements.get(0).metaCommand()) {
            throw new IllegalArgumentException(
                    "'" + statements.get(0).text() + "' is a psql meta-command, which has no plan.");
        }
        return statements.get(0).text();
    }

    /** What surrounds the EXPLAIN. */
    private enum Wrapper {
        NONE,
        TRANSACTION,
        SAVEPOINT
    }
}
