package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads database sizes, the largest relations and the {@code pg_stat_database} counters. */
public final class DatabaseStatsReader {
    static final String NO_ACCESS = "no access";

    /** Schemas of the system, whose relations are not the user's concern. */
    private static final String USER_SCHEMAS =
            "n.nspname NOT IN ('pg_catalog', 'information_schema')" + " AND n.nspname NOT LIKE 'pg\\_toast%'";

    /** A reader; it keeps no state between reads. */
    public DatabaseStatsReader() {}

    /**
     * Every database that allows connections, largest first. The size needs CONNECT on the database or
     * {@code pg_read_all_stats}; without either it is null and reads "no access", listed after the others.
     */
    public List<DatabaseSize> databaseSizes(Connection connection) throws SQLException {
        // CASE keeps pg_database_size from running (and failing) where the role may not see the size.
        String sql = "SELECT datname, size, pg_size_pretty(size) FROM ("
                + " SELECT d.datname, CASE WHEN has_database_privilege(d.oid, 'CONNECT')"
                + " OR pg_has_role('pg_read_all_stats', 'USAGE') THEN pg_database_size(d.oid) END AS size"
                + " FROM pg_database d WHERE d.datallowconn) s"
                + " ORDER BY size DESC NULLS LAST, datname";
        List<DatabaseSize> sizes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long bytes = rs.getLong(2);
                boolean known = !rs.wasNull();
                sizes.add(new DatabaseSize(rs.getString(1), known ? bytes : null, known ? rs.getString(3) : NO_ACCESS));
            }
        }
        return sizes;
    }

    /**
     * The {@code limit} largest tables (and materialized views) by {@code pg_total_relation_size}, then the
     * {@code limit} largest indexes by {@code pg_relation_size}, each part largest first; relations of
     * pg_catalog, information_schema and the TOAST schemas are left out.
     */
    public List<RelationSize> largestRelations(Connection connection, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("The relation limit must be at least 1, not " + limit);
        }
        // The size functions return null for a relation dropped meanwhile; such rows are skipped.
        String tables = "SELECT schema, name, kind, NULL, size, pg_size_pretty(size) FROM ("
                + " SELECT n.nspname AS schema, c.relname AS name,"
                + " CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind,"
                + " pg_total_relation_size(c.oid) AS size"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'm') AND " + USER_SCHEMAS + ") s"
                + " WHERE size IS NOT NULL ORDER BY size DESC, schema, name LIMIT ?";
        String indexes = "SELECT schema, name, 'index', tablename, size, pg_size_pretty(size) FROM ("
                + " SELECT n.nspname AS schema, c.relname AS name, t.relname AS tablename,"
                + " pg_relation_size(c.oid) AS size"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_index i ON i.indexrelid = c.oid JOIN pg_class t ON t.oid = i.indrelid"
                + " WHERE c.relkind = 'i' AND " + USER_SCHEMAS + ") s"
                + " WHERE size IS NOT NULL ORDER BY size DESC, schema, name LIMIT ?";
        List<RelationSize> relations = new ArrayList<>();
        addRelations(connection, tables, limit, relations);
        addRelations(connection, indexes, limit, relations);
        return relations;
    }

    private static void addRelations(Connection connection, String sql, int limit, List<RelationSize> relations)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    relations.add(new RelationSize(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getString(6)));
                }
            }
        }
    }

    /**
     * The counters of the connected database, stamped with the server's {@code clock_timestamp()} so that
     * rates do not depend on the client's clock or on network delay.
     */
    public DatabaseCounters counters(Connection connection) throws SQLException {
        String sql = "SELECT clock_timestamp(), datname, xact_commit, xact_rollback, blks_read, blks_hit,"
                + " tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted"
                + " FROM pg_stat_database WHERE datname = current_database()";
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("pg_stat_database has no row for the connected database");
            }
            return new DatabaseCounters(
                    rs.getObject(1, OffsetDateTime.class).toInstant(),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getLong(9),
                    rs.getLong(10),
                    rs.getLong(11));
        }
    }
}
