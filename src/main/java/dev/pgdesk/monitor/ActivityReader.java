package dev.pgdesk.monitor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code pg_stat_activity}, {@code pg_locks} and the monitoring role's privileges. Each read is one
 * round trip, as the pane reads every second. Run it in autocommit mode: inside a transaction the server
 * keeps showing the statistics snapshot of the transaction's first read.
 */
public final class ActivityReader {

    /** A reader; it keeps no state between reads. */
    public ActivityReader() {}

    /** Every session on the server, with blocking pids and awaited locks. */
    public ActivitySnapshot activity(Connection connection) throws SQLException {
        String sql = connection.getMetaData().getDatabaseMajorVersion() >= 14
                ? ActivityQueries.ACTIVITY_SINCE_14
                : ActivityQueries.ACTIVITY_BEFORE_14;
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("The activity query returned no row, not even its header");
            }
            Instant takenAt = instant(rows, "taken_at");
            int ownPid = rows.getInt("own_pid");
            String user = rows.getString("monitor_user");
            String database = rows.getString("monitor_database");
            MonitorPrivileges privileges = privileges(rows);
            List<SessionActivity> sessions = new ArrayList<>();
            do {
                if (rows.getObject("pid") != null) {
                    sessions.add(session(rows, ownPid));
                }
            } while (rows.next());
            return new ActivitySnapshot(takenAt, ownPid, user, database, privileges, sessions);
        }
    }

    /** Client connections by state against {@code max_connections}. */
    public ConnectionCounts connections(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ActivityQueries.CONNECTIONS);
                ResultSet rows = statement.executeQuery()) {
            Map<String, Integer> byState = new HashMap<>();
            Instant takenAt = null;
            int maxConnections = 0;
            int reserved = 0;
            while (rows.next()) {
                takenAt = instant(rows, "taken_at");
                maxConnections = rows.getInt("max_connections");
                reserved = rows.getInt("reserved");
                String state = rows.getString("state");
                if (state != null) {
                    byState.put(state, rows.getInt("sessions"));
                }
            }
            int total = byState.values().stream().mapToInt(Integer::intValue).sum();
            return new ConnectionCounts(takenAt, byState, total, maxConnections, reserved);
        }
    }

    /** What the connected role may see and do. */
    public MonitorPrivileges privileges(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ActivityQueries.PRIVILEGES);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return privileges(rows);
        }
    }

    private static MonitorPrivileges privileges(ResultSet row) throws SQLException {
        return new MonitorPrivileges(
                row.getString("monitor_user"),
                row.getBoolean("superuser"),
                row.getBoolean("read_all_stats"),
                row.getBoolean("signal_backend"));
    }

    private static SessionActivity session(ResultSet row, int ownPid) throws SQLException {
        int pid = row.getInt("pid");
        return new SessionActivity(
                pid,
                row.getString("usename"),
                row.getString("datname"),
                row.getString("application"),
                row.getString("client_address"),
                row.getString("backend_type"),
                row.getString("state"),
                row.getString("wait_event_type"),
                row.getString("wait_event"),
                instant(row, "xact_start"),
                instant(row, "query_start"),
                instant(row, "state_change"),
                micros(row, "transaction_micros"),
                micros(row, "query_micros"),
                row.getString("query"),
                pids(row.getArray("blocked_by")),
                row.getString("awaited_lock"),
                micros(row, "wait_micros"),
                pid == ownPid);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Duration micros(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : Duration.of(value, ChronoUnit.MICROS);
    }

    private static List<Integer> pids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((Integer[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
