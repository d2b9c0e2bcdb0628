package dev.pgdesk.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Runs work on a connection borrowed from a profile's pool. When the server went away (restart, network
 * loss) the work is retried once on a fresh connection and listeners hear "connection lost,
 * reconnected"; work inside an open transaction is not retried, and listeners hear that the transaction
 * was lost.
 */
public final class PooledSession {

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    public <T> T execute(SqlWork<T> work) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Hears about reconnects, in plain words. */
    public void addListener(Consumer<ConnectionEvent> listener) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Facts about the server: version, user, database, SSL; used by the overview tab. */
    public ServerSummary summary() throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
