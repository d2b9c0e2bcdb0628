package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads {@code pg_stat_statements} with the column names of the server's version ({@code total_time} before
 * PostgreSQL 13, {@code total_exec_time} from 13), and explains in words when the extension is not
 * installed in the database or the library is not preloaded.
 */
public final class StatementStatsReader {

    /** A reader; it keeps no state between reads. */
    public StatementStatsReader() {}

    /** The top {@code limit} statements by {@code order}, or why there are none to read. */
    public SlowQueries read(Connection connection, SlowQueryOrder order, int limit) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Whether the connected role may reset the statistics. */
    public boolean canReset(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Discards all statistics with {@code pg_stat_statements_reset()}.
     *
     * @throws MonitorException the role may not, or the extension is missing; the message says which and what to do
     */
    public void reset(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
