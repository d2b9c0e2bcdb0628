package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads {@code pg_stat_activity}, {@code pg_locks} and the monitoring role's privileges. */
public final class ActivityReader {

    /** A reader; it keeps no state between reads. */
    public ActivityReader() {}

    /** Every session on the server, with blocking pids and awaited locks. */
    public ActivitySnapshot activity(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Client connections by state against {@code max_connections}. */
    public ConnectionCounts connections(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** What the connected role may see and do. */
    public MonitorPrivileges privileges(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
