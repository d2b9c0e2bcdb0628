package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Cancels a backend's query ({@code pg_cancel_backend}) or ends the backend ({@code pg_terminate_backend}).
 * A missing privilege or a backend that has gone is an outcome in words, not an exception.
 */
public final class BackendSignals {

    /** A signaller; it keeps no state. */
    public BackendSignals() {}

    /** Cancels the query {@code pid} is running; the session stays. */
    public SignalResult cancel(Connection connection, int pid) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Ends the session {@code pid}; an open transaction of it is rolled back. */
    public SignalResult terminate(Connection connection, int pid) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
