package dev.pgdesk.monitor;

import dev.pgdesk.pool.PooledSession;
import java.sql.SQLException;
import java.util.List;

/**
 * The monitoring pane's core: every read and action of the pane and of {@code pgdesk activity} and {@code
 * pgdesk slow-queries}, run on the profile's monitor session so that it never waits for the editors'
 * connections. Each call takes a connection for its own duration only.
 */
public final class ServerMonitor {
    private final PooledSession session;
    private final ActivityReader activity = new ActivityReader();
    private final BackendSignals signals = new BackendSignals();
    private final StatementStatsReader statements = new StatementStatsReader();
    private final DatabaseStatsReader databases = new DatabaseStatsReader();

    /** A monitor working through {@code session} (normally {@code PoolManager.monitor(profileId)}). */
    public ServerMonitor(PooledSession session) {
        this.session = session;
    }

    /** Every session on the server. */
    public ActivitySnapshot activity() throws SQLException {
        return session.execute(activity::activity);
    }

    /** Client connections by state against {@code max_connections}. */
    public ConnectionCounts connections() throws SQLException {
        return session.execute(activity::connections);
    }

    /** What the monitoring role may see and do. */
    public MonitorPrivileges privileges() throws SQLException {
        return session.execute(activity::privileges);
    }

    /** Cancels the query of {@code pid}. */
    public SignalResult cancel(int pid) throws SQLException {
        return session.execute(connection -> signals.cancel(connection, pid));
    }

    /** Terminates the session {@code pid}. */
    public SignalResult terminate(int pid) throws SQLException {
        return session.execute(connection -> signals.terminate(connection, pid));
    }

    /** The top {@code limit} statements of {@code pg_stat_statements} by {@code order}, or why there are none. */
    public SlowQueries slowQueries(SlowQueryOrder order, int limit) throws SQLException {
        return session.execute(connection -> statements.read(connection, order, limit));
    }

    /** Discards the statement statistics; refused in words without the privilege. */
    public void resetStatementStats() throws SQLException {
        session.execute(connection -> {
            statements.reset(connection);
            return null;
        });
    }

    /** Every database's size, largest first. */
    public List<DatabaseSize> databaseSizes() throws SQLException {
        return session.execute(databases::databaseSizes);
    }

    /** The largest tables and indexes of the monitor's database. */
    public List<RelationSize> largestRelations(int limit) throws SQLException {
        return session.execute(connection -> databases.largestRelations(connection, limit));
    }

    /** The {@code pg_stat_database} counters of the monitor's database. */
    public DatabaseCounters counters() throws SQLException {
        return session.execute(databases::counters);
    }
}
