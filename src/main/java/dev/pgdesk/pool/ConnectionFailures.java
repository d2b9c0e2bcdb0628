package dev.pgdesk.pool;

import java.sql.SQLException;

/** Tells a lost connection from an ordinary SQL error. */
final class ConnectionFailures {
    private ConnectionFailures() {}

    /**
     * True for SQLSTATE class 08 (connection exception) and for the server shutting down or restarting
     * (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
     */
    static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
