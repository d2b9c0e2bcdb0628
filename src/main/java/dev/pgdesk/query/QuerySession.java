package dev.pgdesk.query;

import dev.pgdesk.pool.ConnectionLostException;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.pool.Transaction;
import dev.pgdesk.sql.JdbcStatement;
import dev.pgdesk.sql.Parameter;
import dev.pgdesk.sql.Parameters;
import dev.pgdesk.sql.ScriptStatement;
import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One editor tab's (or one command's) PostgreSQL session. Every statement runs on one connection held for
 * the session, as psql's statements do: a run ({@link #beginRun()}) keeps it from its first statement to its
 * last, so a {@code SET search_path} or a temporary table made by one statement is there for the next.
 *
 * <p>When the connection is lost during a run, nothing more of the run is sent anywhere: the failed statement
 * says the connection was lost, and every later statement of the run is refused without touching the pool.
 * User statements are never retried or moved to another connection.
 *
 * <p>Between runs the session gives its connection back to the shared pool only when it holds nothing a
 * fresh connection would not ({@link SessionState}); a session that changed a setting or made a temporary
 * table keeps its connection, so the tab's next run finds them, and no other tab ever does. An open
 * transaction (a {@code BEGIN}, or manual-commit mode) keeps it too. Nothing is committed silently: {@link
 * #close()} rolls back an open transaction and says so. One statement runs at a time; {@link
 * #transactionState()} may be read from any thread.
 */
public final class QuerySession {
    private static final Logger LOG = LoggerFactory.getLogger(QuerySession.class);
    /** The editor's default per-statement timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The most rows a result keeps until results are streamed. */
    public static final int DEFAULT_ROW_CAP = 10_000;

    private final PooledSession pool;
    private final StatementRunner runner;
    private final List<RowCursor> openCursors = new ArrayList<>();
    private Transaction pinned;
    private SessionTimeout timeouts = new SessionTimeout();
    /** What the driver itself sets on a fresh connection (see {@link SessionState#driverSettings}). */
    private Set<String> driverSettings;

    private boolean manualCommit;
    /** Whether the session began a transaction of its own for reading cursors (driver auto-commit off). */
    private boolean readTransaction;

    private int runDepth;
    /** The failure that lost the connection during the current run, after which the run sends nothing. */
    private ServerError lostInRun;

    private volatile TransactionState state = TransactionState.IDLE;
    private volatile SessionState kept = SessionState.CLEAN;
    private volatile boolean standardConformingStrings = true;

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

    /** True while a connection is held for this session (a run, an open transaction or result, kept state). */
    public synchronized boolean isPinned() {
        return pinned != null;
    }

    /**
     * What the session holds that keeps its connection out of the pool between runs (settings it changed,
     * temporary tables, ...); empty when it holds nothing of its own.
     */
    public Optional<SessionState> keptState() {
        SessionState now = kept;
        return now.isClean() ? Optional.empty() : Optional.of(now);
    }

    /**
     * The session's {@code standard_conforming_strings} as the server last reported it (on before the first
     * statement), to read the next script's strings as the server will.
     */
    public boolean standardConformingStrings() {
        return standardConformingStrings;
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
        if (!manual) {
            releaseWhenDone();
        }
    }

    /**
     * Starts a run: the statements until {@link Run#close()} are one script on one connection, held now. A
     * result left open (a cursor the grid still reads) of an earlier run is closed first.
     *
     * @throws SQLException no connection could be had; nothing was sent
     */
    public synchronized Run beginRun() throws SQLException {
        if (runDepth == 0) {
            lostInRun = null;
        }
        closeOpenCursors();
        ensurePinned();
        runDepth++;
        return new Run();
    }

    /** One run of statements on the session; close it when the last statement has run. */
    public final class Run implements AutoCloseable {
        private boolean closed;

        private Run() {}

        /** The failure that lost the connection during this run, if it was lost. */
        public Optional<ServerError> connectionLost() {
            synchronized (QuerySession.this) {
                return Optional.ofNullable(lostInRun);
            }
        }

        @Override
        public void close() {
            synchronized (QuerySession.this) {
                if (closed) {
                    return;
                }
                closed = true;
                runDepth--;
                if (runDepth == 0) {
                    releaseWhenDone();
                }
            }
        }
    }

    /**
     * Runs one statement. Failures of the statement (server errors, timeouts, cancels, a lost connection)
     * come back as a {@link ServerError}, never as an exception. Outside a run it is a run of its own.
     *
     * @param timeout pgdesk's timeout for this statement, never longer than the session's own {@code
     *     statement_timeout} (see {@link SessionTimeout}); {@link Duration#ZERO} to leave the session's alone
     */
    public synchronized StatementResult execute(
            BoundStatement statement, Duration timeout, CancellationToken token, ExecutionListener listener) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must be 0 (none) or positive, not " + timeout + ".");
        }
        if (lostInRun != null) {
            return notRunAfterLoss();
        }
        closeOpenCursors();
        boolean hadTransaction = state != TransactionState.IDLE || manualCommit;
        boolean begins = LeadingWords.beginsTransaction(statement.text());
        StatementResult result;
        try {
            ensurePinned();
            result = pinned.execute(connection -> {
                if (manualCommit && StatementRunner.state(connection) == TransactionState.IDLE && !begins) {
                    runInternal(connection, "BEGIN");
                }
                StatementResult outcome = runner.run(connection, statement, timeout, timeouts, token, listener);
                if (!(outcome instanceof ServerError error && isConnectionLost(error))) {
                    noteSessionAfter(connection);
                }
                return outcome;
            });
        } catch (SQLException e) {
            result = ServerErrors.from(driverCause(e), List.of(), Duration.ZERO);
            if (!(e instanceof ConnectionLostException) && !isConnectionLost((ServerError) result)) {
                discardPinned();
                return result;
            }
        }
        if (result instanceof ServerError error && isConnectionLost(error)) {
            return connectionLost(error, hadTransaction || begins);
        }
        if (runDepth == 0) {
            releaseWhenDone();
        }
        return result;
    }

    /**
     * Opens a streaming cursor over a statement that reads ({@link RowCursor#canStream}), for results of any
     * size, on the session's connection: inside the user's open transaction (or manual-commit mode) as an SQL
     * cursor that leaves the transaction as it was; otherwise in a read transaction of the session's own,
     * committed when the last such cursor closes. The connection stays with the session until then; the next
     * run closes a cursor still open.
     *
     * @param fetchSize rows per round trip to the server
     * @param timeout pgdesk's timeout for the statement and each batch, as for {@link #execute}
     * @throws IllegalArgumentException the statement writes: run it with {@link #execute} instead
     * @throws SQLException the statement failed, or the connection was lost (then {@link
     *     SessionLostException}); the transaction state is updated as after {@link #execute}
     */
    public synchronized RowCursor openCursor(
            BoundStatement statement, int fetchSize, Duration timeout, CancellationToken token) throws SQLException {
        if (!RowCursor.canStream(statement.text())) {
            throw new IllegalArgumentException("Only statements that read are streamed; run '"
                    + LeadingWords.command(statement.text()) + "' with execute.");
        }
        if (lostInRun != null) {
            throw new SessionLostException(notRunAfterLoss(), null);
        }
        boolean hadTransaction = state != TransactionState.IDLE || manualCommit;
        ensurePinned();
        Transaction tab = pinned;
        try {
            return tab.execute(connection -> openCursorOn(tab, connection, statement, fetchSize, timeout, token));
        } catch (SQLException e) {
            if (e instanceof ConnectionLostException
                    || isConnectionLost(ServerErrors.from(e, List.of(), Duration.ZERO))) {
                ServerError lost =
                        connectionLost(ServerErrors.from(driverCause(e), List.of(), Duration.ZERO), hadTransaction);
                throw new SessionLostException(lost, e);
            }
            if (runDepth == 0) {
                releaseWhenDone();
            }
            throw e;
        }
    }

    private RowCursor openCursorOn(
            Transaction tab,
            Connection connection,
            BoundStatement statement,
            int fetchSize,
            Duration timeout,
            CancellationToken token)
            throws SQLException {
        if (manualCommit && StatementRunner.state(connection) == TransactionState.IDLE) {
            runInternal(connection, "BEGIN");
        }
        TransactionState before = StatementRunner.state(connection);
        if (before == TransactionState.IDLE && !readTransaction) {
            // pgjdbc streams only outside auto-commit; it sends BEGIN before the statement.
            connection.setAutoCommit(false);
            readTransaction = true;
        }
        RowCursor cursor;
        try {
            Duration effective =
                    timeouts.before(connection, timeout, statement.text(), true, before == TransactionState.FAILED);
            cursor = RowCursor.openOnSession(
                    connection, statement, fetchSize, effective, token, () -> cursorClosed(tab));
        } catch (SQLException | RuntimeException e) {
            if (readTransaction && openCursors.isEmpty()) {
                endReadTransaction(connection);
            }
            noteSessionAfter(connection);
            throw e;
        }
        openCursors.add(cursor);
        noteSessionAfter(connection);
        return cursor;
    }

    /** A cursor of this session closed: the read transaction ends with the last one. */
    private synchronized void cursorClosed(Transaction tab) {
        openCursors.removeIf(RowCursor::isClosed);
        if (tab != pinned) {
            return;
        }
        try {
            tab.execute(connection -> {
                if (openCursors.isEmpty() && readTransaction) {
                    endReadTransaction(connection);
                }
                noteSessionAfter(connection);
                return null;
            });
        } catch (SQLException e) {
            LOG.debug("Ending a cursor's read transaction failed; dropping the connection", e);
            discardPinned();
            return;
        }
        if (runDepth == 0) {
            releaseWhenDone();
        }
    }

    /** Commits the read transaction (rolls it back if a cursor failed it) and returns to auto-commit. */
    private void endReadTransaction(Connection connection) throws SQLException {
        readTransaction = false;
        timeouts.transactionEnded();
        if (connection.isClosed()) {
            return;
        }
        if (StatementRunner.state(connection) == TransactionState.FAILED) {
            connection.rollback();
        } else {
            // Commit: a read-only statement loses nothing by that, and one with side effects (a function that
            // writes) keeps them, as it would have in auto-commit mode.
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    /**
     * The server's type name for each {@code ?} of {@code jdbcSql}, in order, for the parameter panel. On the
     * session's own connection when it holds one (so its temporary tables and uncommitted tables are known),
     * under a savepoint inside a transaction, so a statement the server cannot parse does not abort it.
     */
    public synchronized List<String> describeParameters(String jdbcSql) throws SQLException {
        if (pinned == null || state == TransactionState.FAILED) {
            return pool.execute(connection -> ParameterTypes.describe(connection, jdbcSql));
        }
        return pinned.execute(connection -> {
            if (StatementRunner.state(connection) == TransactionState.IDLE) {
                return ParameterTypes.describe(connection, jdbcSql);
            }
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
        return parameterTypes(Parameters.rewriteForJdbc(text));
    }

    /** {@link #parameterTypes(String)} for one statement of a script, read as the splitter read it. */
    public Map<Parameter, String> parameterTypes(ScriptStatement statement) throws SQLException {
        return parameterTypes(Parameters.rewriteForJdbc(statement.text(), statement.standardConformingStrings()));
    }

    private Map<Parameter, String> parameterTypes(JdbcStatement jdbc) throws SQLException {
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
     * Ends the session. An open transaction is rolled back (never committed): the result is {@link
     * TransactionEnd#ROLLED_BACK} then, so the caller can tell the user. Ask before calling this. The
     * connection goes back to the pool only when it holds nothing of this session's; otherwise the pool
     * closes it.
     */
    public synchronized TransactionEnd close() {
        closeOpenCursors();
        manualCommit = false;
        if (pinned == null) {
            return TransactionEnd.NOTHING_OPEN;
        }
        boolean open = state != TransactionState.IDLE;
        try {
            if (open) {
                pinned.execute(connection -> runInternal(connection, "ROLLBACK"));
                LOG.info("Closed a query session with an open transaction; it was rolled back");
            }
            pinned.execute(connection -> {
                noteSessionAfter(connection);
                kept = SessionState.of(connection, driverSettings);
                return null;
            });
        } catch (SQLException e) {
            LOG.debug("Closing the session's connection cleanly failed; the pool closes it", e);
            discardPinned();
            return open ? TransactionEnd.ROLLED_BACK : TransactionEnd.NOTHING_OPEN;
        }
        if (kept.isClean()) {
            unpin();
        } else {
            discardPinned();
        }
        return open ? TransactionEnd.ROLLED_BACK : TransactionEnd.NOTHING_OPEN;
    }

    private TransactionEnd finish(String command) throws SQLException {
        closeOpenCursors();
        if (pinned == null || state == TransactionState.IDLE) {
            return TransactionEnd.NOTHING_OPEN;
        }
        boolean failed = state == TransactionState.FAILED;
        try {
            pinned.execute(connection -> {
                runInternal(connection, command);
                timeouts.transactionEnded();
                noteSessionAfter(connection);
                return null;
            });
        } catch (ConnectionLostException e) {
            discardPinned();
            throw e;
        }
        if (runDepth == 0) {
            releaseWhenDone();
        }
        return command.equals("COMMIT") && !failed ? TransactionEnd.COMMITTED : TransactionEnd.ROLLED_BACK;
    }

    /** Holds a connection for this session, unless it already does. */
    private void ensurePinned() throws SQLException {
        if (pinned != null) {
            return;
        }
        Transaction transaction = pool.begin();
        try {
            transaction.execute(connection -> {
                // pgjdbc stays in auto-commit, so the user's own BEGIN and COMMIT reach the server as written
                // and the driver tracks the server's transaction state.
                connection.setAutoCommit(true);
                noteSessionAfter(connection);
                if (driverSettings == null) {
                    driverSettings = SessionState.driverSettings(connection);
                }
                return null;
            });
        } catch (SQLException e) {
            transaction.discard();
            throw e;
        }
        pinned = transaction;
        timeouts = new SessionTimeout();
    }

    /**
     * Gives the connection back once nothing needs it: no run, no open result, no transaction, and nothing of
     * the session's own on it (else the session keeps it, and says what it holds).
     */
    private void releaseWhenDone() {
        if (pinned == null || runDepth > 0 || !openCursors.isEmpty()) {
            return;
        }
        if (manualCommit || state != TransactionState.IDLE) {
            return;
        }
        try {
            kept = pinned.execute(connection -> SessionState.of(connection, driverSettings));
        } catch (SQLException e) {
            LOG.debug("Reading the session's state failed; dropping its connection", e);
            discardPinned();
            return;
        }
        if (kept.isClean()) {
            unpin();
        }
    }

    /** The transaction state and string setting after a statement, as the server reported them. */
    private void noteSessionAfter(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        TransactionState now = StatementRunner.state(connection);
        // The session's own read transaction is no transaction of the user's.
        state = readTransaction && now == TransactionState.IN_TRANSACTION ? TransactionState.IDLE : now;
        standardConformingStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
    }

    private void closeOpenCursors() {
        for (RowCursor cursor : List.copyOf(openCursors)) {
            cursor.close();
        }
    }

    /**
     * Returns the connection to the pool, idle and as {@link Transaction} expects it (driver auto-commit off,
     * so its rollback-on-close is a no-op on an idle connection).
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
            pinned.close();
        } catch (SQLException e) {
            LOG.debug("Releasing the session's connection failed; the pool closes it", e);
            pinned.discard();
        }
        forgetConnection();
    }

    /** Lets the pool close the connection: it is dead, or holds state no other session may inherit. */
    private void discardPinned() {
        if (pinned != null) {
            pinned.discard();
        }
        forgetConnection();
    }

    private void forgetConnection() {
        pinned = null;
        openCursors.clear();
        readTransaction = false;
        timeouts = new SessionTimeout();
        state = TransactionState.IDLE;
        kept = SessionState.CLEAN;
    }

    private ServerError connectionLost(ServerError error, boolean hadTransaction) {
        discardPinned();
        String message = hadTransaction
                ? "Connection lost: the open transaction was rolled back by the server and its changes are gone."
                : "Connection lost.";
        ServerError lost = new ServerError(
                error.sqlState(),
                message,
                error.message(),
                "Everything this session held is gone with it: settings made with SET, temporary tables,"
                        + " prepared statements. The next run starts a new session.",
                0,
                error.notices(),
                error.duration());
        if (runDepth > 0) {
            lostInRun = lost;
        }
        return lost;
    }

    private ServerError notRunAfterLoss() {
        return new ServerError(
                "08006",
                "Not run: the connection was lost earlier in this run.",
                lostInRun.detail(),
                "A script runs on one session; its statements are never moved to another connection.",
                0,
                List.of(),
                Duration.ZERO);
    }

    /** The driver's own exception under the pool's report of a lost connection: what the server or socket said. */
    private static SQLException driverCause(SQLException e) {
        return e instanceof ConnectionLostException && e.getCause() instanceof SQLException cause ? cause : e;
    }

    /** Connection exceptions and the server ending the session (shutdown, termination). */
    static boolean isConnectionLost(ServerError error) {
        String sqlState = error.sqlState();
        return sqlState.startsWith("08")
                || sqlState.equals("57P01")
                || sqlState.equals("57P02")
                || sqlState.equals("57P03");
    }

    private static Object runInternal(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SessionTimeout.MARK + sql);
        }
        return null;
    }
}
