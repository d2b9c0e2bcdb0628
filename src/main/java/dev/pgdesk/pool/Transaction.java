package dev.pgdesk.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
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
    private Connection connection;

    Transaction(Connection connection, Consumer<ConnectionEvent> events) {
        this.connection = connection;
        this.events = events;
    }

    /** Runs {@code work} inside the transaction. */
    public synchronized <T> T execute(PooledSession.SqlWork<T> work) throws SQLException {
        requireOpen();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw lostOr(e);
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

    private SQLException lostOr(SQLException e) {
        if (!ConnectionFailures.isConnectionLost(e)) {
            return e;
        }
        release();
        String message = "Connection lost: the open transaction was rolled back by the server and its changes"
                + " are gone. The next statement runs on a new connection.";
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
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the transaction's connection failed", e);
        }
        connection = null;
    }
}
