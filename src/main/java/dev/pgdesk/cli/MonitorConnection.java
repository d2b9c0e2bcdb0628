package dev.pgdesk.cli;

import dev.pgdesk.connect.ResolvedSettings;
import dev.pgdesk.monitor.MonitorException;
import dev.pgdesk.monitor.ServerMonitor;
import dev.pgdesk.pool.PoolManager;
import java.io.PrintStream;
import java.sql.SQLException;

/** Connects a monitoring command to its target and hands it the same {@link ServerMonitor} the pane uses. */
final class MonitorConnection {

    /** What a command does with the monitor; returns the exit status. */
    @FunctionalInterface
    interface Work {
        int run(ServerMonitor monitor) throws SQLException;
    }

    private MonitorConnection() {}

    /**
     * Runs {@code work} on the monitor session of {@code settings}, connected by {@code opener}; a failed
     * connection or an SQL error is reported on stderr with its exit status.
     */
    static int run(String command, ResolvedSettings settings, SessionOpener opener, PrintStream err, Work work) {
        try (PoolManager pools = new PoolManager()) {
            try {
                opener.open(pools, settings);
            } catch (SQLException e) {
                return ConnectionFailureReport.print(err, command, settings.profile(), e);
            }
            try {
                return work.run(
                        new ServerMonitor(pools.monitor(settings.profile().id())));
            } catch (MonitorException e) {
                err.println("pgdesk " + command + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            } catch (SQLException e) {
                err.println("pgdesk " + command + ": " + e.getMessage()
                        + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
                return ExitCodes.SQL_ERROR;
            }
        }
    }
}
