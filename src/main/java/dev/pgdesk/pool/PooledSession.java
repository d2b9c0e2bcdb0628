package dev.pgdesk.pool;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on connections from a profile's pool; shared by every tab of the profile and safe to use from
 * several threads at once. When the server went away (restart, network loss), work is retried once on a
 * fresh connection and listeners hear "Connection lost, reconnected.". Explicit transactions run on a
 * {@link Transaction}, which is never retried.
 */
public final class PooledSession {
    private static final Logger LOG = LoggerFactory.getLogger(PooledSession.class);

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    static final String RECONNECTED = "Connection lost, reconnected.";
    static final String RESTARTED = "The server restarted; connection lost, reconnected.";

    private final DataSource pool;
    private final List<Consumer<ConnectionEvent>> listeners = new CopyOnWriteArrayList<>();
    /** When the server last started, as first seen; a later, different value means it restarted. */
    private final AtomicReference<Instant> serverStart = new AtomicReference<>();

    PooledSession(DataSource pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in auto-commit mode on a pooled connection. */
    public <T> T execute(SqlWork<T> work) throws SQLException {
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
            notifyListeners(new ConnectionEvent(RECONNECTED, false));
            return result;
        }
    }

    /** Starts an explicit transaction on a connection of its own, held until commit or rollback. */
    public Transaction begin() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new Transaction(connection, this::notifyListeners, this::evict);
    }

    /** Tells the pool to close {@code connection} instead of reusing it. */
    private void evict(Connection connection) {
        if (pool instanceof HikariDataSource hikari) {
            hikari.evictConnection(connection);
        }
    }

    /** Hears about reconnects, in plain words. */
    public void addListener(Consumer<ConnectionEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ConnectionEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * Facts about the server: version, user, database, SSL; used by the overview tab. The pool replaces
     * dead idle connections silently, so this is also where a server restart is noticed and reported.
     */
    public ServerSummary summary() throws SQLException {
        return execute(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT current_setting('server_version'),"
                            + " current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
                            + " current_database(), s.ssl, s.version, s.cipher, pg_postmaster_start_time()"
                            + " FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")) {
                row.next();
                String ssl = row.getBoolean(5) ? row.getString(6) + " (" + row.getString(7) + ")" : "not encrypted";
                noticeServerStart(row.getTimestamp(8).toInstant());
                return new ServerSummary(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4), ssl);
            }
        });
    }

    /** Reports a restart the first time a new server start time is seen. */
    private void noticeServerStart(Instant started) {
        Instant before = serverStart.getAndSet(started);
        if (before != null && !before.equals(started)) {
            notifyListeners(new ConnectionEvent(RESTARTED, false));
        }
    }

    private void notifyListeners(ConnectionEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }
}
