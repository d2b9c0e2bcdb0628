package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where {@code pg_stat_statements} is installed in the connected database and which of its objects this
 * server version has; the extension may live in any schema, so every use goes through {@link #qualify}.
 *
 * @param schema the extension's schema as stored
 * @param quotedSchema the schema quoted for use in SQL text
 */
record StatementExtension(String schema, String quotedSchema) {

    static final String NAME = "pg_stat_statements";

    /** The extension in the connected database, or empty when it is not created there. */
    static Optional<StatementExtension> find(Connection connection) throws SQLException {
        String sql = "SELECT n.nspname, quote_ident(n.nspname) FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, NAME);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StatementExtension(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** {@code name} prefixed with the extension's schema. */
    String qualify(String name) {
        return quotedSchema + "." + name;
    }

    /**
     * The view's total-time column: {@code total_exec_time} from PostgreSQL 13 (which added planning
     * time as a separate column), {@code total_time} before.
     */
    String totalTimeColumn(Connection connection) throws SQLException {
        String sql = "SELECT a.attname FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND a.attname IN ('total_exec_time', 'total_time')"
                + " ORDER BY a.attname = 'total_exec_time' DESC";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, NAME);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new MonitorException("The view " + qualify(NAME)
                            + " has neither total_exec_time nor total_time; this pg_stat_statements version is not"
                            + " supported.");
                }
                return rs.getString(1);
            }
        }
    }

    /**
     * The reset function the connected role would call: the overload with the most arguments, which is the
     * current one ({@code ()} before PostgreSQL 12, {@code (oid, oid, bigint)} in 12 to 16, {@code (oid, oid,
     * bigint, boolean)} from 17), with whether the role may execute it.
     */
    Optional<ResetFunction> resetFunction(Connection connection) throws SQLException {
        String sql = "SELECT ? || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid)"
                + " || ')', has_function_privilege(p.oid, 'EXECUTE')"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = ? AND p.proname = 'pg_stat_statements_reset'"
                + " ORDER BY p.pronargs DESC LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, quotedSchema);
            statement.setString(2, schema);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new ResetFunction(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /**
     * The reset function of this server.
     *
     * @param signature schema-qualified with its argument list, ready for {@code GRANT EXECUTE ON FUNCTION}
     * @param executable whether the connected role may execute it
     */
    record ResetFunction(String signature, boolean executable) {}
}
