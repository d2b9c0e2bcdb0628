package dev.pgdesk.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An explicit transaction on a connection of its own. If the connection dies, nothing is retried: the
 * server has rolled the transaction back, so listeners hear that it was lost and {@link
 * ConnectionLostException} says so; the dead connection is dropped and this transaction is over.
 */
public final class Transaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    private final Consumer<ConnectionEvent> events;
    private final Consumer<Connection> evictor;
    private Connection connection;

    Transaction(Connection connection, Consumer<ConnectionEvent> events, Consumer<Connection> evictor) {
        this.connection = connection;
        this.events = events;
        this.evictor = evictor;
    }

    /** Runs {@code work} inside the transaction. */
    public synchronized <T> T execute(PooledSession.SqlWork<T> work) throws SQLException {
        requireOpen();
        boolean transactionOpen = transactionOpen(connection);
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw lostOr(e, transactionOpen);
        }
    }

    /** Whether the server had a transaction open, as the driver last heard (no round trip). */
    private static boolean transactionOpen(Connection connection) {
        try {
            return connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
        } catch (SQLException e) {
            return false;
        }
    }

    public synchronized boolean isOpen() {
        return connection != null;
    }

    public synchronized void commit() throws SQLException {
        finish(true);
    }

    public synchronized void rollback() throws SQLException {
        finish(false);
    }

    /** Rolls back if still open: a transaction is never committed by accident. */
    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            finish(false);
        }
    }

    private void finish(boolean commit) throws SQLException {
        requireOpen();
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw lostOr(e);
        } finally {
            release();
        }
    }

    /**
     * Ends this transaction's hold on its connection without returning the connection for reuse: the pool
     * closes it. For a session whose state (settings, temporary tables) must not reach another user of the
     * pool. An open transaction is rolled back by the server when the connection closes.
     */
    public synchronized void discard() {
        if (connection == null) {
            return;
        }
        Connection discarded = connection;
        connection = null;
        try {
            evictor.accept(discarded);
        } finally {
            try {
                discarded.close();
            } catch (SQLException e) {
                LOG.debug("Closing a discarded connection failed", e);
            }
        }
    }

    private SQLException lostOr(SQLException e) {
        return lostOr(e, true);
    }

    private SQLException lostOr(SQLException e, boolean transactionOpen) {
        if (!ConnectionFailures.isConnectionLost(e)) {
            return e;
        }
        release();
        String message = transactionOpen
                ? "Connection lost: the open transaction was rolled back by the server and its changes"
                        + " are gone. The next statement runs on a new connection."
                : "Connection lost: the session's settings and temporary tables are gone. The next statement runs"
                        + " on a new connection.";
        events.accept(new ConnectionEvent(message, true));
        return new ConnectionLostException(message, e);
    }

    private void requireOpen() throws SQLException {
        if (connection == null) {
            throw new SQLException("This transaction is already over.", "25P01");
        }
    }

    private void release() {
        if (connection == null) {
            return;
        }
        try {
            if (connection.isClosed()) {
                // A connection the driver closed after losing the server: never hand it out again.
                evictor.accept(connection);
            }
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the transaction's connection failed", e);
        }
        connection = null;
    }
}
