package dev.pgdesk.query;

import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the rows of one query in batches from the server, so a result of any size needs only one batch of
 * memory. Two ways, chosen by the connection's state when the cursor opens:
 *
 * <ul>
 *   <li><b>Own transaction</b> (the connection is idle, or the driver is already out of auto-commit): the
 *       statement runs with pgjdbc's cursor fetch (auto-commit off, a fetch size, a forward-only read-only
 *       result, extended protocol), which is the only way pgjdbc streams; otherwise it silently reads the
 *       whole result. When the cursor began the transaction itself, {@link #close()} commits it: a read-only
 *       statement loses nothing by that, and a statement with side effects (a function that writes, a
 *       data-modifying {@code WITH}) keeps them, as it would have in auto-commit mode. A failed or canceled
 *       statement leaves the transaction failed, and it is rolled back.
 *   <li><b>Inside the user's open transaction</b> (pgjdbc in auto-commit mode, as a pinned editor tab keeps
 *       it, with a {@code BEGIN} on the server): switching the driver's auto-commit back at the end would
 *       commit the user's transaction, so instead the statement is declared as an SQL cursor ({@code
 *       DECLARE ... NO SCROLL CURSOR}) and read with {@code FETCH FORWARD n}; {@link #close()} closes the
 *       cursor and leaves the transaction as it was.
 * </ul>
 *
 * <p>Only statements that read are streamed ({@link #canStream}): {@code INSERT ... RETURNING} and other
 * writes run the ordinary way ({@link QuerySession#execute}), so their effect never depends on how far a
 * reader scrolled.
 *
 * <p>Every value is read as the server's own text ({@code String}, null for NULL), exactly as psql shows it:
 * nothing converted through Java types, which lose offsets, digits and whole types ({@code money}, {@code
 * NaN} in arrays). Each {@link Column} carries its {@link PgType} so writers can map the text (see {@code
 * export.RowToJson}). One thread reads a cursor at a time;
 * {@link CancellationToken#cancel()} may come from any thread and cancels on the server.
 */
public final class RowCursor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RowCursor.class);
    /** Leading words of statements that only read, which a cursor may stream. */
    private static final Set<String> READING_WORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN");
    /** The client gives the server this long past the timeout before canceling on its own. */
    private static final int CLIENT_BACKSTOP_SECONDS = 2;

    private static final AtomicLong CURSOR_NUMBERS = new AtomicLong();

    private final Connection connection;
    private final Source source;
    private final List<Column> columns;
    private final boolean ownsTransaction;
    private final boolean timeoutSet;
    private final Runnable afterClose;
    private boolean exhausted;
    private boolean closed;

    private RowCursor(
            Connection connection,
            Source source,
            List<Column> columns,
            boolean ownsTransaction,
            boolean timeoutSet,
            Runnable afterClose) {
        this.connection = connection;
        this.source = source;
        this.columns = List.copyOf(columns);
        this.ownsTransaction = ownsTransaction;
        this.timeoutSet = timeoutSet;
        this.afterClose = afterClose;
    }

    /** Whether {@code sqlText} is a statement that only reads, so a cursor may stream it. */
    public static boolean canStream(String sqlText) {
        List<String> first = LeadingWords.of(sqlText, 1);
        return !first.isEmpty() && READING_WORDS.contains(first.get(0).toUpperCase(Locale.ROOT));
    }

    /**
     * Runs {@code statement} on {@code connection} and returns a cursor positioned before its first row.
     * The connection stays in use until {@link #close()}.
     *
     * @param fetchSize rows per round trip to the server (at least 1)
     * @param timeout the server's {@code statement_timeout} while the cursor runs (it bounds the statement
     *     and each batch), {@link Duration#ZERO} for none
     * @throws IllegalArgumentException the statement writes ({@link #canStream}), or a bad argument
     * @throws SQLException the statement failed; nothing is left open then
     */
    public static RowCursor open(
            Connection connection, BoundStatement statement, int fetchSize, Duration timeout, CancellationToken token)
            throws SQLException {
        return open(connection, statement, fetchSize, timeout, token, () -> {});
    }

    static RowCursor open(
            Connection connection,
            BoundStatement statement,
            int fetchSize,
            Duration timeout,
            CancellationToken token,
            Runnable afterClose)
            throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(token, "token");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("The fetch size must be at least 1, not " + fetchSize + ".");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must be 0 (none) or positive, not " + timeout + ".");
        }
        if (!canStream(statement.text())) {
            throw new IllegalArgumentException("Only statements that read (SELECT, WITH, VALUES, TABLE, SHOW,"
                    + " EXPLAIN) are streamed; run '" + LeadingWords.command(statement.text())
                    + "' as an ordinary statement.");
        }
        if (token.isCancelled()) {
            throw new SQLException("canceling statement due to user request", ServerError.QUERY_CANCELED);
        }
        TransactionState before = StatementRunner.state(connection);
        boolean inUserTransaction = connection.getAutoCommit() && before != TransactionState.IDLE;
        boolean ownsTransaction = connection.getAutoCommit() && before == TransactionState.IDLE;
        if (ownsTransaction) {
            // pgjdbc streams only outside auto-commit; it sends BEGIN before the first statement.
            connection.setAutoCommit(false);
        }
        boolean timeoutSet = false;
        try {
            if (before != TransactionState.FAILED) {
                try (Statement set = connection.createStatement()) {
                    set.execute("SET statement_timeout = " + timeout.toMillis());
                }
                timeoutSet = true;
            }
            Source source = inUserTransaction
                    ? DeclaredCursor.open(connection, statement, fetchSize, timeout, token)
                    : DriverCursor.open(connection, statement, fetchSize, timeout, token);
            return new RowCursor(connection, source, source.columns(), ownsTransaction, timeoutSet, afterClose);
        } catch (SQLException | RuntimeException e) {
            end(connection, ownsTransaction, timeoutSet);
            afterClose.run();
            throw e;
        }
    }

    /**
     * Opens a cursor on a {@link QuerySession}'s connection, which has already set the transaction and the
     * timeout: the statement is declared as an SQL cursor inside the user's open transaction (pgjdbc in
     * auto-commit mode with a transaction open on the server), else read with pgjdbc's cursor fetch in the
     * session's read transaction (auto-commit off). Nothing of the transaction is touched here.
     *
     * @param backstop the timeout the statement runs under, for the client's backstop; zero for none
     * @param afterClose told once the cursor is closed, outside the cursor's lock
     */
    static RowCursor openOnSession(
            Connection connection,
            BoundStatement statement,
            int fetchSize,
            Duration backstop,
            CancellationToken token,
            Runnable afterClose)
            throws SQLException {
        if (token.isCancelled()) {
            throw new SQLException("canceling statement due to user request", ServerError.QUERY_CANCELED);
        }
        boolean inUserTransaction =
                connection.getAutoCommit() && StatementRunner.state(connection) != TransactionState.IDLE;
        Source source = inUserTransaction
                ? DeclaredCursor.open(connection, statement, fetchSize, backstop, token)
                : DriverCursor.open(connection, statement, fetchSize, backstop, token);
        return new RowCursor(connection, source, source.columns(), false, false, afterClose);
    }

    /** The result's columns, known before the first row is read. */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The next rows, at most {@code maxRows}, one value per column each; an empty list once the result is
     * exhausted. Reads from the server only as much as it needs.
     *
     * @throws SQLException the statement failed (a timeout or a cancel included) while reading
     */
    public synchronized List<Object[]> next(int maxRows) throws SQLException {
        if (maxRows < 1) {
            throw new IllegalArgumentException("Ask for at least 1 row, not " + maxRows + ".");
        }
        if (closed) {
            throw new IllegalStateException("This result is closed: a later run on the same session closed it."
                    + " Run the statement again to read its rows.");
        }
        if (exhausted) {
            return List.of();
        }
        List<Object[]> rows = source.next(maxRows);
        if (rows.size() < maxRows) {
            exhausted = true;
        }
        return rows;
    }

    /**
     * The notices and warnings the server sent for this statement so far ({@code RAISE NOTICE} in a function
     * it calls, say), in order.
     */
    public List<Notice> notices() {
        List<Notice> notices = new ArrayList<>(source.notices());
        return List.copyOf(notices);
    }

    /** True once closed. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** True once every row has been returned. */
    public synchronized boolean exhausted() {
        return exhausted;
    }

    /**
     * Releases the server's cursor. A transaction the cursor began is committed (rolled back if the
     * statement failed); the user's transaction is left open. Safe to call twice.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                source.close();
            } catch (SQLException e) {
                LOG.debug("Closing the cursor failed", e);
            }
            end(connection, ownsTransaction, timeoutSet);
        }
        // Outside the lock: the session's bookkeeping takes its own lock, and another thread holding it may be
        // waiting for this cursor.
        afterClose.run();
    }

    private static void end(Connection connection, boolean ownsTransaction, boolean timeoutSet) {
        try {
            if (connection.isClosed()) {
                return;
            }
            boolean failed = StatementRunner.state(connection) == TransactionState.FAILED;
            if (ownsTransaction) {
                if (failed) {
                    connection.rollback();
                } else {
                    // Commit (its SET included): see the class comment for why not roll back.
                    connection.commit();
                }
                connection.setAutoCommit(true);
            } else if (timeoutSet && !failed) {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("RESET statement_timeout");
                }
            }
            if (ownsTransaction && timeoutSet) {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("RESET statement_timeout");
                }
            }
        } catch (SQLException e) {
            LOG.debug("Ending the cursor's transaction failed", e);
        }
    }

    /** Where the rows come from. */
    private interface Source {
        List<Column> columns();

        List<Object[]> next(int maxRows) throws SQLException;

        List<Notice> notices();

        void close() throws SQLException;
    }

    /** pgjdbc's own cursor fetch: a portal read {@code fetchSize} rows at a time. */
    private static final class DriverCursor implements Source {
        private final PreparedStatement statement;
        private final ResultSet resultSet;
        private final RowReader reader;

        private DriverCursor(PreparedStatement statement, ResultSet resultSet) throws SQLException {
            this.statement = statement;
            this.resultSet = resultSet;
            this.reader = new RowReader(statement.getConnection(), resultSet);
        }

        static DriverCursor open(
                Connection connection, BoundStatement bound, int fetchSize, Duration timeout, CancellationToken token)
                throws SQLException {
            PreparedStatement statement = connection.prepareStatement(
                    bound.jdbcSql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            try {
                ParameterBinder.bind(statement, bound.values());
                statement.setFetchSize(fetchSize);
                backstop(statement, timeout);
                token.onCancel(() -> cancel(statement));
                ResultSet resultSet = statement.executeQuery();
                return new DriverCursor(statement, resultSet);
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        }

        @Override
        public List<Column> columns() {
            return reader.columns();
        }

        @Override
        public synchronized List<Object[]> next(int maxRows) throws SQLException {
            List<Object[]> rows = new ArrayList<>(Math.min(maxRows, 1024));
            while (rows.size() < maxRows && resultSet.next()) {
                rows.add(reader.read(resultSet));
            }
            return rows;
        }

        @Override
        public List<Notice> notices() {
            try {
                return statement.isClosed()
                        ? List.of()
                        : StatementRunner.collect(statement.getWarnings(), new ArrayList<>());
            } catch (SQLException e) {
                LOG.debug("Reading the cursor's notices failed", e);
                return List.of();
            }
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                resultSet.close();
            }
        }
    }

    /** An SQL cursor in the user's transaction, read with {@code FETCH FORWARD}. */
    private static final class DeclaredCursor implements Source {
        private final Connection connection;
        private final String name;
        private final Duration timeout;
        private final CancellationToken token;
        private final List<Column> columns;
        private final List<Notice> notices;
        private final RowReader reader;

        private DeclaredCursor(
                Connection connection,
                String name,
                Duration timeout,
                CancellationToken token,
                RowReader reader,
                List<Notice> notices) {
            this.connection = connection;
            this.notices = notices;
            this.name = name;
            this.timeout = timeout;
            this.token = token;
            this.reader = reader;
            this.columns = reader.columns();
        }

        static DeclaredCursor open(
                Connection connection, BoundStatement bound, int fetchSize, Duration timeout, CancellationToken token)
                throws SQLException {
            String name = "pgdesk_cursor_" + CURSOR_NUMBERS.incrementAndGet();
            List<Notice> notices = new ArrayList<>();
            String prefix = "DECLARE " + name + " NO SCROLL CURSOR FOR ";
            try (PreparedStatement declare = connection.prepareStatement(prefix + bound.jdbcSql())) {
                ParameterBinder.bind(declare, bound.values());
                backstop(declare, timeout);
                token.onCancel(() -> cancel(declare));
                declare.execute();
                StatementRunner.collect(declare.getWarnings(), notices);
            } catch (SQLException e) {
                // The server's error position counts from DECLARE; the user's statement starts after it.
                throw new ShiftedPositionException(e, prefix.length());
            }
            // FETCH 0 returns no row but describes the columns.
            try (Statement describe = connection.createStatement();
                    ResultSet none = describe.executeQuery("FETCH FORWARD 0 FROM " + name)) {
                return new DeclaredCursor(connection, name, timeout, token, new RowReader(connection, none), notices);
            }
        }

        @Override
        public List<Column> columns() {
            return columns;
        }

        @Override
        public synchronized List<Object[]> next(int maxRows) throws SQLException {
            List<Object[]> rows = new ArrayList<>(Math.min(maxRows, 1024));
            try (Statement fetch = connection.createStatement()) {
                backstop(fetch, timeout);
                token.onCancel(() -> cancel(fetch));
                try (ResultSet resultSet = fetch.executeQuery("FETCH FORWARD " + maxRows + " FROM " + name)) {
                    while (resultSet.next()) {
                        rows.add(reader.read(resultSet));
                    }
                }
                StatementRunner.collect(fetch.getWarnings(), notices);
            }
            return rows;
        }

        @Override
        public List<Notice> notices() {
            return notices;
        }

        @Override
        public void close() throws SQLException {
            if (StatementRunner.state(connection) == TransactionState.IN_TRANSACTION) {
                try (Statement close = connection.createStatement()) {
                    close.execute("CLOSE " + name);
                }
            }
        }
    }

    /** Reads one row as the server's text of each value; the columns say how to map that text. */
    private static final class RowReader {
        private final List<Column> columns;

        RowReader(Connection connection, ResultSet resultSet) throws SQLException {
            columns = TypeCatalog.columns(connection, resultSet);
        }

        List<Column> columns() {
            return columns;
        }

        Object[] read(ResultSet resultSet) throws SQLException {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = resultSet.getString(i + 1);
            }
            return row;
        }
    }

    private static void backstop(Statement statement, Duration timeout) throws SQLException {
        if (!timeout.isZero()) {
            statement.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds() + CLIENT_BACKSTOP_SECONDS));
        }
    }

    /** Cancels on the server; pgjdbc ignores it when nothing runs. */
    private static void cancel(Statement statement) {
        try {
            if (!statement.isClosed()) {
                statement.cancel();
            }
        } catch (SQLException e) {
            LOG.debug("Canceling the cursor's statement failed", e);
        }
    }

    /**
     * A failure of a declared cursor's statement, whose server error position counts {@code shift}
     * characters of {@code DECLARE ... FOR} before the user's text; {@link StatementErrors} takes it off.
     */
    static final class ShiftedPositionException extends SQLException {
        private static final long serialVersionUID = 1L;
        private final int shift;

        ShiftedPositionException(SQLException cause, int shift) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.shift = shift;
        }

        SQLException original() {
            return (SQLException) getCause();
        }

        int shift() {
            return shift;
        }
    }
}
