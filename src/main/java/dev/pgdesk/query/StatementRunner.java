package dev.pgdesk.query;

import dev.pgdesk.task.CancellationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /**
     * Runs the statement under {@code timeouts}, which sets pgdesk's timeout around it without overriding
     * the session's own; see {@link SessionTimeout}.
     */
    StatementResult run(
            Connection connection,
            BoundStatement bound,
            Duration timeout,
            SessionTimeout timeouts,
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
        Duration effective = Duration.ZERO;
        boolean transactionBefore = false;
        try {
            TransactionState before = state(connection);
            transactionBefore = before != TransactionState.IDLE;
            effective = timeouts.before(
                    connection, timeout, bound.text(), transactionBefore, before == TransactionState.FAILED);
            result = runStatement(connection, bound, effective, token, listener, notices);
        } catch (SQLException e) {
            // A value the server refused is named as the user wrote it ($1, :id).
            ServerError error = ParameterRefusal.naming(ServerErrors.from(e, notices, elapsed(started)), e, bound);
            result = ServerError.QUERY_CANCELED.equals(error.sqlState())
                    ? ServerErrors.canceled(error, token.isCancelled(), effective)
                    : error;
        }
        afterStatement(connection, bound, timeouts, transactionBefore);
        listener.finished(bound, result);
        return result;
    }

    private static void afterStatement(
            Connection connection, BoundStatement bound, SessionTimeout timeouts, boolean transactionBefore) {
        try {
            if (connection.isClosed()) {
                return;
            }
            TransactionState after = state(connection);
            timeouts.after(
                    connection,
                    bound.text(),
                    transactionBefore && after == TransactionState.IDLE,
                    after == TransactionState.FAILED);
        } catch (SQLException e) {
            LOG.debug("Reading the transaction state after a statement failed", e);
        }
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
            List<Column> columns = TypeCatalog.columns(resultSet.getStatement().getConnection(), resultSet);
            List<Object[]> rows = new ArrayList<>();
            boolean truncated = false;
            while (resultSet.next()) {
                if (rows.size() == rowCap) {
                    truncated = true;
                    break;
                }
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    // The server's text, as psql shows it; the column's type says how to map it.
                    row[i] = resultSet.getString(i + 1);
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
