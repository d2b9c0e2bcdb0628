package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads database sizes, the largest relations and the {@code pg_stat_database} counters. */
public final class DatabaseStatsReader {

    /** A reader; it keeps no state between reads. */
    public DatabaseStatsReader() {}

    /** Every database that allows connections, largest first. */
    public List<DatabaseSize> databaseSizes(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The {@code limit} largest tables (and materialized views) and the {@code limit} largest indexes. */
    public List<RelationSize> largestRelations(Connection connection, int limit) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The counters of the connected database. */
    public DatabaseCounters counters(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
