package dev.pgdesk.query;

import dev.pgdesk.pool.ConnectionLostException;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.pool.Transaction;
import dev.pgdesk.sql.JdbcStatement;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One editor tab's connection state. In auto-commit mode (the default) each statement borrows a pooled
 * connection and returns it. A {@code BEGIN}/{@code START TRANSACTION} in the statements, or manual mode,
 * pins one connection to the tab until the transaction ends (manual mode keeps it pinned). User statements
 * are never retried. Nothing is committed silently: {@link #close()} rolls back an open transaction and
 * says so. One statement runs at a time; {@link #transactionState()} may be read from any thread.
 */
public final class QuerySession {
    private static final Logger LOG = LoggerFactory.getLogger(QuerySession.class);
    /** The editor's default per-statement timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The most rows a result keeps until results are streamed. */
    public static final int DEFAULT_ROW_CAP = 10_000;

    private final PooledSession pool;
    private final StatementRunner runner;
    private Transaction pinned;
    private boolean manualCommit;
    private volatile TransactionState state = TransactionState.IDLE;

    public QuerySession(PooledSession pool) {
        this(pool, DEFAULT_ROW_CAP);
    }

    public QuerySession(PooledSession pool, int rowCap) {
        if (rowCap < 1) {
            throw new IllegalArgumentException("The row cap must be at least 1, not " + rowCap + ".");
        }
        this.pool = Objects.requireNonNull(pool, "pool");
        this.runner = new StatementRunner(rowCap);
    }

    /** The transaction state after the last statement, commit or rollback. */
    public TransactionState transactionState() {
        return state;
    }

    public synchronized boolean isManualCommit() {
        return manualCommit;
    }

    /** True while a connection is held for this tab (an open transaction, or manual mode). */
    public synchronized boolean isPinned() {
        return pinned != null;
    }

    /**
     * Switches manual-commit mode: statements then run in a transaction that only {@link #commit()} or
     * {@link #rollback()} ends.
     *
     * @throws IllegalStateException when switching to auto-commit with a transaction open
     */
    public synchronized void setManualCommit(boolean manual) {
        if (!manual && state != TransactionState.IDLE) {
            throw new IllegalStateException(
                    "A transaction is open: commit or roll back before switching to auto-commit.");
        }
        manualCommit = manual;
        if (!manual && pinned != null) {
            unpin();
        }
    }

    /**
     * Runs one statement. Failures of the statement (server errors, timeouts, cancels, a lost connection)
     * come back as a {@link ServerError}, never as an exception.
     *
     * @param timeout server-side {@code statement_timeout} for this statement (also enforced by the
     *     client); {@link Duration#ZERO} for none
     */
    public synchronized StatementResult execute(
            BoundStatement statement, Duration timeout, CancellationToken token, ExecutionListener listener) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must be 0 (none) or positive, not " + timeout + ".");
        }
        boolean needsPin = manualCommit || pinned != null || LeadingWords.beginsTransaction(statement.text());
        if (!needsPin) {
            return executeAutoCommit(statement, timeout, token, listener);
        }
        return executePinned(statement, timeout, token, listener);
    }

    private StatementResult executeAutoCommit(
            BoundStatement statement, Duration timeout, CancellationToken token, ExecutionListener listener) {
        try {
            // The work never throws for the statement itself, so PooledSession's retry cannot repeat it.
            return pool.execute(connection -> {
                StatementResult result = runner.run(connection, statement, timeout, token, listener);
                if (!connection.isClosed() && StatementRunner.state(connection) != TransactionState.IDLE) {
                    // Never hand a connection with an open transaction back to the pool.
                    LOG.warn("A statement left a transaction open on a pooled connection; rolling it back");
                    runInternal(connection, "ROLLBACK");
                }
                return result;
            });
        } catch (SQLException e) {
            return ServerErrors.from(e, List.of(), Duration.ZERO);
        } finally {
            state = TransactionState.IDLE;
        }
    }

    private StatementResult executePinned(
            BoundStatement statement, Duration timeout, CancellationToken token, ExecutionListener listener) {
        boolean hadTransaction = state != TransactionState.IDLE || manualCommit;
        try {
            if (pinned == null) {
                pin();
            }
            StatementResult result = pinned.execute(connection -> {
                if (manualCommit
                        && StatementRunner.state(connection) == TransactionState.IDLE
                        && !LeadingWords.beginsTransaction(statement.text())) {
                    runInternal(connection, "BEGIN");
                }
                StatementResult outcome = runner.run(connection, statement, timeout, token, listener);
                if (!(outcome instanceof ServerError error && isConnectionLost(error))) {
                    state = StatementRunner.state(connection);
                }
                return outcome;
            });
            if (result instanceof ServerError error && isConnectionLost(error)) {
                return connectionLost(error, hadTransaction || LeadingWords.beginsTransaction(statement.text()));
            }
            if (state == TransactionState.IDLE && !manualCommit) {
                unpin();
            }
            return result;
        } catch (SQLException e) {
            ServerError error = ServerErrors.from(e, List.of(), Duration.ZERO);
            if (e instanceof ConnectionLostException || isConnectionLost(error)) {
                return connectionLost(error, hadTransaction);
            }
            dropPinned();
            return error;
        }
    }

    /**
     * Opens a streaming cursor over a statement that reads ({@link RowCursor#canStream}), for results of any
     * size. Outside a transaction the cursor gets a pooled connection of its own for its lifetime (the tab
     * stays free for other statements) and runs in its own transaction, committed when it closes. Inside the
     * tab's open transaction (or in manual-commit mode) it reads through an SQL cursor on the tab's
     * connection and leaves the transaction open; close the cursor before the transaction ends.
     *
     * @param fetchSize rows per round trip to the server
     * @param timeout the server's {@code statement_timeout} for the statement and each batch; {@link
     *     Duration#ZERO} for none
     * @throws IllegalArgumentException the statement writes: run it with {@link #execute} instead
     * @throws SQLException the statement failed; the transaction state is updated as after {@link #execute}
     */
    public synchronized RowCursor openCursor(
            BoundStatement statement, int fetchSize, Duration timeout, CancellationToken token) throws SQLException {
        if (!RowCursor.canStream(statement.text())) {
            throw new IllegalArgumentException("Only statements that read are streamed; run '"
                    + LeadingWords.command(statement.text()) + "' with execute.");
        }
        if (!manualCommit && pinned == null) {
            Transaction own = pool.begin();
            try {
                return own.execute(connection -> {
                    connection.setAutoCommit(true);
                    return RowCursor.open(connection, statement, fetchSize, timeout, token, () -> release(own));
                });
            } catch (SQLException | RuntimeException e) {
                release(own);
                throw e;
            }
        }
        if (pinned == null) {
            pin();
        }
        Transaction tab = pinned;
        try {
            return tab.execute(connection -> {
                if (manualCommit && StatementRunner.state(connection) == TransactionState.IDLE) {
                    runInternal(connection, "BEGIN");
                }
                RowCursor cursor =
                        RowCursor.open(connection, statement, fetchSize, timeout, token, () -> refreshState(tab));
                state = StatementRunner.state(connection);
                return cursor;
            });
        } catch (ConnectionLostException e) {
            dropPinned();
            throw e;
        }
    }

    /** The tab's transaction state after a cursor on its connection closed (it may have failed it). */
    private void refreshState(Transaction tab) {
        try {
            if (tab.isOpen()) {
                state = tab.execute(StatementRunner::state);
            }
        } catch (SQLException e) {
            LOG.debug("Reading the transaction state after a cursor failed", e);
        }
    }

    /** Returns a cursor's own connection to the pool as {@link Transaction} expects it (auto-commit off). */
    private static void release(Transaction own) {
        try {
            if (own.isOpen()) {
                own.execute(connection -> {
                    if (!connection.isClosed()) {
                        connection.setAutoCommit(false);
                    }
                    return null;
                });
                own.close();
            }
        } catch (SQLException e) {
            LOG.debug("Releasing a cursor's connection failed", e);
        }
    }

    /**
     * The server's type name for each {@code ?} of {@code jdbcSql}, in order, for the parameter panel. Inside
     * an open transaction it asks on the tab's own connection (so the transaction's temp tables and
     * uncommitted tables are known) under a savepoint, so a statement the server cannot parse does not
     * abort the user's transaction.
     */
    public synchronized List<String> describeParameters(String jdbcSql) throws SQLException {
        if (pinned == null || state != TransactionState.IN_TRANSACTION) {
            return pool.execute(connection -> ParameterTypes.describe(connection, jdbcSql));
        }
        return pinned.execute(connection -> {
            runInternal(connection, "SAVEPOINT pgdesk_describe");
            try {
                List<String> types = ParameterTypes.describe(connection, jdbcSql);
                runInternal(connection, "RELEASE SAVEPOINT pgdesk_describe");
                return types;
            } catch (SQLException e) {
                runInternal(connection, "ROLLBACK TO SAVEPOINT pgdesk_describe");
                runInternal(connection, "RELEASE SAVEPOINT pgdesk_describe");
                throw e;
            }
        });
    }

    /**
     * The server's type name for each distinct parameter of {@code text} ({@code $n} or {@code :name}), in
     * order of first appearance, for the parameter panel.
     */
    public Map<Parameter, String> parameterTypes(String text) throws SQLException {
        JdbcStatement jdbc = Parameters.rewriteForJdbc(text);
        List<String> types = describeParameters(jdbc.sql());
        Map<Parameter, String> byParameter = new LinkedHashMap<>();
        for (Parameter parameter : jdbc.bindings()) {
            byParameter.putIfAbsent(parameter, types.get(jdbc.placeholderIndexOf(parameter) - 1));
        }
        return byParameter;
    }

    /** Commits the open transaction; a failed one is rolled back instead, and the result says so. */
    public synchronized TransactionEnd commit() throws SQLException {
        return finish("COMMIT");
    }

    /** Rolls back the open transaction. */
    public synchronized TransactionEnd rollback() throws SQLException {
        return finish("ROLLBACK");
    }

    /**
     * Releases the tab's connection. An open transaction is rolled back (never committed): the result is
     * {@link TransactionEnd#ROLLED_BACK} then, so the caller can tell the user. Ask before calling this.
     */
    public synchronized TransactionEnd close() {
        if (pinned == null) {
            return TransactionEnd.NOTHING_OPEN;
        }
        boolean open = state != TransactionState.IDLE;
        try {
            if (open) {
                pinned.execute(connection -> runInternal(connection, "ROLLBACK"));
                LOG.info("Closed a query session with an open transaction; it was rolled back");
            }
        } catch (SQLException e) {
            LOG.warn("Rolling back on close failed; dropping the connection, which ends the transaction", e);
        }
        unpin();
        manualCommit = false;
        return open ? TransactionEnd.ROLLED_BACK : TransactionEnd.NOTHING_OPEN;
    }

    private TransactionEnd finish(String command) throws SQLException {
        if (pinned == null || state == TransactionState.IDLE) {
            return TransactionEnd.NOTHING_OPEN;
        }
        boolean failed = state == TransactionState.FAILED;
        try {
            pinned.execute(connection -> {
                runInternal(connection, command);
                state = StatementRunner.state(connection);
                return null;
            });
        } catch (ConnectionLostException e) {
            dropPinned();
            throw e;
        }
        if (state == TransactionState.IDLE && !manualCommit) {
            unpin();
        }
        return command.equals("COMMIT") && !failed ? TransactionEnd.COMMITTED : TransactionEnd.ROLLED_BACK;
    }

    /**
     * Holds a connection for this tab. pgjdbc stays in auto-commit on it, so the user's own BEGIN and
     * COMMIT reach the server as written and the driver tracks the server's transaction state.
     */
    private void pin() throws SQLException {
        Transaction transaction = pool.begin();
        try {
            transaction.execute(connection -> {
                connection.setAutoCommit(true);
                return null;
            });
        } catch (SQLException e) {
            transaction.close();
            throw e;
        }
        pinned = transaction;
    }

    /**
     * Returns the pinned connection to the pool, idle and as {@link Transaction} expects it (driver
     * auto-commit off, so its rollback-on-close is a no-op on an idle connection). A transaction still open
     * here (after an error) is rolled back first so no pooled connection carries one.
     */
    private void unpin() {
        try {
            pinned.execute(connection -> {
                if (StatementRunner.state(connection) != TransactionState.IDLE) {
                    runInternal(connection, "ROLLBACK");
                }
                connection.setAutoCommit(false);
                return null;
            });
        } catch (SQLException e) {
            LOG.debug("Preparing the pinned connection for release failed", e);
        }
        try {
            pinned.close();
        } catch (SQLException e) {
            LOG.debug("Releasing the pinned connection failed", e);
        }
        pinned = null;
        state = TransactionState.IDLE;
    }

    private ServerError connectionLost(ServerError error, boolean hadTransaction) {
        dropPinned();
        String message = hadTransaction
                ? "Connection lost: the open transaction was rolled back by the server and its changes are gone."
                : "Connection lost.";
        return new ServerError(
                error.sqlState(),
                message,
                error.message(),
                "The next statement runs on a new connection.",
                0,
                error.notices(),
                error.duration());
    }

    /** Connection exceptions and the server ending the session (shutdown, termination). */
    private static boolean isConnectionLost(ServerError error) {
        String state = error.sqlState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    private void dropPinned() {
        if (pinned != null) {
            unpin();
        }
        state = TransactionState.IDLE;
    }

    private static Object runInternal(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return null;
    }
}
