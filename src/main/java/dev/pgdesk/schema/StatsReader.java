package dev.pgdesk.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Reads the size facts of a relation for the detail panel: the planner's row estimate and the size on disk,
 * from the catalogs only, so it is fast on a table of any size.
 */
public final class StatsReader {
    private final Connection connection;

    /** A reader on {@code connection}, which stays the caller's to close. */
    public StatsReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Estimated rows and total size of a relation, for the detail panel. Reads only the catalogs and
     * {@code pg_total_relation_size}, so it is fast on any table.
     */
    public ObjectStats stats(QualifiedName relation) throws SQLException {
        String sql = "SELECT c.relkind, c.reltuples, c.relpages,"
                + " CASE WHEN c.relkind IN ('r', 'p', 'm', 'S', 'i', 'I', 't')"
                + "   THEN pg_catalog.pg_total_relation_size(c.oid) END,"
                + " pg_catalog.current_setting('server_version_num')::int"
                + " FROM pg_catalog.pg_class c WHERE c.oid = ?";
        long oid = new CatalogReader(connection).relationOid(relation);
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ObjectNotFoundException("There is no relation " + relation.toSql() + " (any more).");
                }
                String relkind = rs.getString(1);
                double tuples = rs.getDouble(2);
                long pages = rs.getLong(3);
                long bytes = rs.getLong(4);
                boolean hasBytes = !rs.wasNull();
                int version = rs.getInt(5);
                boolean hasRows =
                        relkind.equals("r") || relkind.equals("p") || relkind.equals("m") || relkind.equals("f");
                // -1 means "never analyzed" since 14; before, an unanalyzed table shows 0 rows in 0 pages.
                boolean unknown = tuples < 0 || (version < 140000 && tuples == 0 && pages == 0);
                OptionalLong rows = hasRows && !unknown ? OptionalLong.of(Math.round(tuples)) : OptionalLong.empty();
                OptionalLong size = hasBytes ? OptionalLong.of(bytes) : OptionalLong.empty();
                return new ObjectStats(rows, size, hasBytes ? prettySize(bytes) : "");
            }
        }
    }

    private String prettySize(long bytes) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_catalog.pg_size_pretty(?::bigint)")) {
            s.setLong(1, bytes);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
