package dev.pgdesk.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the connected user may do with a table, so that "permission denied" is explained before a
 * statement runs into it.
 */
public final class PrivilegeReader {
    private final Connection connection;

    /** A reader on {@code connection}, which stays the caller's to close. */
    public PrivilegeReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * What the current user may do with {@code table}: table privileges, USAGE on its schema, and the columns
     * granted where a table-wide privilege is missing.
     */
    public TablePrivileges privileges(QualifiedName table) throws SQLException {
        long oid = new CatalogReader(connection).relationOid(table);
        String sql = "SELECT current_user,"
                + " has_schema_privilege(c.relnamespace, 'USAGE'),"
                + " has_table_privilege(c.oid, 'SELECT'), has_table_privilege(c.oid, 'INSERT'),"
                + " has_table_privilege(c.oid, 'UPDATE'), has_table_privilege(c.oid, 'DELETE'),"
                + " has_table_privilege(c.oid, 'TRUNCATE'), has_table_privilege(c.oid, 'REFERENCES'),"
                + " has_table_privilege(c.oid, 'TRIGGER')"
                + " FROM pg_catalog.pg_class c WHERE c.oid = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ObjectNotFoundException("There is no table " + table.toSql() + " (any more).");
                }
                boolean select = rs.getBoolean(3);
                boolean insert = rs.getBoolean(4);
                boolean update = rs.getBoolean(5);
                boolean references = rs.getBoolean(8);
                Map<String, List<String>> columnGrants = new LinkedHashMap<>();
                addColumnGrants(oid, "SELECT", select, columnGrants);
                addColumnGrants(oid, "INSERT", insert, columnGrants);
                addColumnGrants(oid, "UPDATE", update, columnGrants);
                addColumnGrants(oid, "REFERENCES", references, columnGrants);
                return new TablePrivileges(
                        rs.getString(1),
                        table,
                        rs.getBoolean(2),
                        select,
                        insert,
                        update,
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        references,
                        rs.getBoolean(9),
                        columnGrants);
            }
        }
    }

    private void addColumnGrants(long table, String privilege, boolean tableWide, Map<String, List<String>> into)
            throws SQLException {
        if (tableWide) {
            return;
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT attname FROM pg_catalog.pg_attribute"
                + " WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped"
                + " AND has_column_privilege(attrelid, attnum, ?) ORDER BY attnum")) {
            s.setLong(1, table);
            s.setString(2, privilege);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        if (!columns.isEmpty()) {
            into.put(privilege, List.copyOf(columns));
        }
    }
}
