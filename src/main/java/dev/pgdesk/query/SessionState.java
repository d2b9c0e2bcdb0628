package dev.pgdesk.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a session holds that a fresh connection would not: settings changed with {@code SET} (the {@code
 * search_path}, a role), temporary tables, prepared statements, open {@code WITH HOLD} cursors, {@code
 * LISTEN} channels and advisory locks. A session holding any of them must keep its connection: handed back
 * to the shared pool, its state would follow the connection into another tab's statements.
 *
 * @param settings names of the settings this session changed, comma-separated; empty when none
 */
public record SessionState(
        String settings,
        long temporaryObjects,
        long preparedStatements,
        long cursors,
        long channels,
        long advisoryLocks) {

    /** A session with nothing of its own. */
    public static final SessionState CLEAN = new SessionState("", 0, 0, 0, 0, 0);

    /**
     * The settings made with {@code SET} on a fresh connection, before any statement of the user's: what the
     * driver itself sets when it connects ({@code application_name} on some servers, a read-only profile's
     * default transaction mode). They are the same on every connection of a pool, so they are no one's state.
     */
    static Set<String> driverSettings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(SessionTimeout.MARK + SESSION_SETTINGS)) {
            row.next();
            return Set.of((String[]) row.getArray(1).getArray());
        }
    }

    /**
     * Reads the state of the session on {@code connection}; it must not be inside a failed transaction.
     *
     * @param driverSettings what {@link #driverSettings} read on a fresh connection of the same pool
     */
    static SessionState of(Connection connection, Set<String> driverSettings) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(SessionTimeout.MARK + "SELECT (" + SESSION_SETTINGS + "),"
                        + " (SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()"
                        + "   AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')),"
                        + " (SELECT count(*) FROM pg_prepared_statements WHERE from_sql),"
                        + " (SELECT count(*) FROM pg_cursors WHERE is_holdable),"
                        + " (SELECT count(*) FROM pg_listening_channels()),"
                        + " (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid())")) {
            row.next();
            List<String> changed = new ArrayList<>();
            for (String setting : (String[]) row.getArray(1).getArray()) {
                if (!driverSettings.contains(setting)) {
                    changed.add(setting.substring(0, setting.indexOf('=')));
                }
            }
            return new SessionState(
                    String.join(", ", changed),
                    row.getLong(2),
                    row.getLong(3),
                    row.getLong(4),
                    row.getLong(5),
                    row.getLong(6));
        }
    }

    /** Each setting this session set, as {@code name=value}, in name order. */
    private static final String SESSION_SETTINGS = "SELECT coalesce(array_agg(name || '=' || coalesce(setting, '')"
            + " ORDER BY name), '{}') FROM pg_settings WHERE source = 'session'";

    /** Whether the session holds nothing of its own. */
    public boolean isClean() {
        return settings.isEmpty()
                && temporaryObjects == 0
                && preparedStatements == 0
                && cursors == 0
                && channels == 0
                && advisoryLocks == 0;
    }

    /** What the session holds, in words: "settings search_path, TimeZone; 2 temporary tables". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!settings.isEmpty()) {
            parts.add((settings.contains(",") ? "settings " : "setting ") + settings);
        }
        add(parts, temporaryObjects, "temporary table or object", "temporary tables or objects");
        add(parts, preparedStatements, "prepared statement", "prepared statements");
        add(parts, cursors, "open cursor", "open cursors");
        add(parts, channels, "LISTEN channel", "LISTEN channels");
        add(parts, advisoryLocks, "advisory lock", "advisory locks");
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    private static void add(List<String> parts, long count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }
}
