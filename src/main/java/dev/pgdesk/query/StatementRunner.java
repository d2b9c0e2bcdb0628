package dev.pgdesk.query;

import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PSQLWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one bound statement on a given connection: server-side timeout around it, client-side backstop,
 * cancellation through the token, and every outcome (including failures) as a {@link StatementResult}.
 * It never throws for the statement itself, so a pool's automatic retry can never run a user statement twice.
 */
final class StatementRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StatementRunner.class);
    /** The client gives the server this long past the timeout before canceling on its own. */
    private static final int CLIENT_BACKSTOP_SECONDS = 2;

    private final int rowCap;

    StatementRunner(int rowCap) {
        this.rowCap = rowCap;
    }

    StatementResult run(
            Connection connection,
            BoundStatement bound,
            Duration timeout,
            CancellationToken token,
            ExecutionListener listener) {
        if (token.isCancelled()) {
            return new ServerError(
                    ServerError.QUERY_CANCELED,
                    "canceled by the user before it started",
                    null,
                    null,
                    0,
                    List.of(),
                    Duration.ZERO);
        }
        long started = System.nanoTime();
        List<Notice> notices = new ArrayList<>();
        StatementResult result;
        try {
            // A failed transaction refuses even SET; the statement will fail anyway unless it is a ROLLBACK.
            TransactionState before = state(connection);
            boolean timeoutSet = before != TransactionState.FAILED;
            // Inside a transaction SET LOCAL ends with it, so nothing runs after the statement: a session idle
            // in a transaction then shows the user's statement in pg_stat_activity, not a RESET.
            boolean local = before == TransactionState.IN_TRANSACTION;
            if (timeoutSet) {
                setServerTimeout(connection, timeout, local);
            }
            try {
                result = runStatement(connection, bound, timeout, token, listener, notices);
            } finally {
                if (timeoutSet && !local) {
                    resetServerTimeout(connection);
                }
            }
        } catch (SQLException e) {
            ServerError error = ServerErrors.from(e, notices, elapsed(started));
            result = ServerError.QUERY_CANCELED.equals(error.sqlState())
                    ? ServerErrors.canceled(error, token.isCancelled(), timeout)
                    : error;
        }
        listener.finished(bound, result);
        return result;
    }

    private StatementResult runStatement(
            Connection connection,
            BoundStatement bound,
            Duration timeout,
            CancellationToken token,
            ExecutionListener listener,
            List<Notice> notices)
            throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(bound.jdbcSql())) {
            ParameterBinder.bind(statement, bound.values());
            if (!timeout.isZero()) {
                statement.setQueryTimeout(
                        (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds() + CLIENT_BACKSTOP_SECONDS));
            }
            statement.setMaxRows(rowCap + 1);
            token.onCancel(() -> cancel(statement));
            if (token.isCancelled()) {
                // Canceled while the timeout was being set: the hook found nothing running to cancel.
                throw new SQLException("canceling statement due to user request", ServerError.QUERY_CANCELED);
            }
            listener.started(bound);
            try {
                boolean hasRows = statement.execute();
                StatementResult result = hasRows
                        ? rows(statement.getResultSet(), notices, started)
                        : new UpdateResult(
                                LeadingWords.command(bound.text()),
                                Math.max(0, statement.getLargeUpdateCount()),
                                collect(statement.getWarnings(), notices),
                                elapsed(started));
                return result;
            } catch (SQLException e) {
                collect(statement.getWarnings(), notices);
                throw e;
            }
        }
    }

    private StatementResult rows(ResultSet resultSet, List<Notice> notices, long started) throws SQLException {
        try (resultSet) {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
            }
            List<Object[]> rows = new ArrayList<>();
            boolean truncated = false;
            while (resultSet.next()) {
                if (rows.size() == rowCap) {
                    truncated = true;
                    break;
                }
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = resultSet.getObject(i + 1);
                }
                rows.add(row);
            }
            collect(resultSet.getStatement().getWarnings(), notices);
            return new RowsResult(columns, rows, truncated, notices, elapsed(started));
        }
    }

    /** Cancels on the server; pgjdbc ignores it when the statement is no longer running. */
    private static void cancel(Statement statement) {
        try {
            if (!statement.isClosed()) {
                statement.cancel();
            }
        } catch (SQLException e) {
            LOG.debug("Canceling the statement failed", e);
        }
    }

    private static void setServerTimeout(Connection connection, Duration timeout, boolean local) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute((local ? "SET LOCAL" : "SET") + " statement_timeout = " + timeout.toMillis());
        }
    }

    /**
     * Back to the session's default, when the connection allows it: a failed transaction refuses it (its
     * rollback undoes the SET anyway) and a lost connection needs nothing. Never replaces the statement's result.
     */
    private static void resetServerTimeout(Connection connection) {
        try {
            if (connection.isClosed() || state(connection) == TransactionState.FAILED) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET statement_timeout");
            }
        } catch (SQLException e) {
            LOG.debug("Resetting statement_timeout failed", e);
        }
    }

    static TransactionState state(Connection connection) throws SQLException {
        return switch (connection.unwrap(BaseConnection.class).getTransactionState()) {
            case IDLE -> TransactionState.IDLE;
            case OPEN -> TransactionState.IN_TRANSACTION;
            case FAILED -> TransactionState.FAILED;
        };
    }

    static List<Notice> collect(SQLWarning warning, List<Notice> notices) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            String severity = w instanceof PSQLWarning p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getSeverity()
                    : "WARNING";
            String message = w instanceof PSQLWarning p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getMessage()
                    : w.getMessage();
            notices.add(new Notice(severity, String.valueOf(message)));
        }
        return notices;
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
