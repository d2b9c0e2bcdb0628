package dev.pgdesk.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on connections from a profile's pool. When the server went away (restart, network loss),
 * work in auto-commit mode is retried once on a fresh connection and listeners hear "Connection lost,
 * reconnected."; inside an explicit transaction nothing is retried: the dead connection is dropped,
 * listeners hear that the transaction was lost, and {@link ConnectionLostException} says so.
 */
public final class PooledSession {
    private static final Logger LOG = LoggerFactory.getLogger(PooledSession.class);

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource pool;
    private final List<Consumer<ConnectionEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The connection held for an explicit transaction, or null in auto-commit mode. */
    private Connection transactionConnection;

    PooledSession(DataSource pool) {
        this.pool = pool;
    }

    /** Runs {@code work}, on the transaction's connection if one is open, else on a pooled one. */
    public synchronized <T> T execute(SqlWork<T> work) throws SQLException {
        if (transactionConnection != null) {
            return executeInTransaction(work);
        }
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            if (!ConnectionFailures.isConnectionLost(e)) {
                throw e;
            }
            LOG.info("Connection lost ({}); retrying on a fresh connection", e.getMessage());
            T result;
            try (Connection fresh = pool.getConnection()) {
                result = work.apply(fresh);
            }
            notifyListeners(new ConnectionEvent("Connection lost, reconnected.", false));
            return result;
        }
    }

    /** Starts an explicit transaction: later work runs on one connection until commit or rollback. */
    public synchronized void begin() throws SQLException {
        if (transactionConnection != null) {
            throw new SQLException("A transaction is already open; commit or roll it back first.", "25001");
        }
        Connection connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        transactionConnection = connection;
    }

    public synchronized boolean inTransaction() {
        return transactionConnection != null;
    }

    public synchronized void commit() throws SQLException {
        finishTransaction(true);
    }

    public synchronized void rollback() throws SQLException {
        finishTransaction(false);
    }

    /** Hears about reconnects, in plain words. */
    public void addListener(Consumer<ConnectionEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ConnectionEvent> listener) {
        listeners.remove(listener);
    }

    /** Facts about the server: version, user, database, SSL; used by the overview tab. */
    public ServerSummary summary() throws SQLException {
        return execute(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT current_setting('server_version'),"
                            + " current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
                            + " current_database(), s.ssl, s.version, s.cipher"
                            + " FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")) {
                row.next();
                String ssl = row.getBoolean(5) ? row.getString(6) + " (" + row.getString(7) + ")" : "not encrypted";
                return new ServerSummary(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4), ssl);
            }
        });
    }

    private <T> T executeInTransaction(SqlWork<T> work) throws SQLException {
        try {
            return work.apply(transactionConnection);
        } catch (SQLException e) {
            if (ConnectionFailures.isConnectionLost(e)) {
                throw transactionLost(e);
            }
            throw e;
        }
    }

    private void finishTransaction(boolean commit) throws SQLException {
        if (transactionConnection == null) {
            throw new SQLException("No transaction is open.", "25P01");
        }
        Connection connection = transactionConnection;
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (ConnectionFailures.isConnectionLost(e)) {
                throw transactionLost(e);
            }
            throw e;
        } finally {
            if (transactionConnection == connection) {
                transactionConnection = null;
                closeQuietly(connection);
            }
        }
    }

    private ConnectionLostException transactionLost(SQLException cause) {
        closeQuietly(transactionConnection);
        transactionConnection = null;
        String message = "Connection lost: the open transaction was rolled back by the server and its changes"
                + " are gone. The next statement runs on a new connection.";
        notifyListeners(new ConnectionEvent(message, true));
        return new ConnectionLostException(message, cause);
    }

    private void notifyListeners(ConnectionEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a dead connection failed", e);
        }
    }
}
