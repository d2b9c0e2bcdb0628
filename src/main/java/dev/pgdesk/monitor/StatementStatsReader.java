package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code pg_stat_statements} with the column names of the server's version ({@code total_time} before
 * PostgreSQL 13, {@code total_exec_time} from 13), and explains in words when the extension is not
 * installed in the database or the library is not preloaded.
 *
 * <p>Statements are listed for every role and database the extension saw. Rows the extension keeps apart
 * only by {@code toplevel} (PostgreSQL 14+ with {@code pg_stat_statements.track = all}) are summed; rows of
 * other roles' statements that the connected role may not see keep their {@code <insufficient privilege>}
 * text, one entry each.
 */
public final class StatementStatsReader {
    /** SQLSTATE object_not_in_prerequisite_state: the view is read while the library is not preloaded. */
    private static final String NOT_PRELOADED = "55000";

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** A reader; it keeps no state between reads. */
    public StatementStatsReader() {}

    /** The top {@code limit} statements by {@code order}, or why there are none to read. */
    public SlowQueries read(Connection connection, SlowQueryOrder order, int limit) throws SQLException {
        Objects.requireNonNull(order, "order");
        if (limit < 1) {
            throw new IllegalArgumentException("The slow-query limit must be at least 1, not " + limit);
        }
        ConnectedRole role = ConnectedRole.of(connection);
        StatementPreload preload = StatementPreload.read(connection);
        Optional<StatementExtension> extension = StatementExtension.find(connection);
        if (preload.loadsStatementStats().equals(Optional.of(false))) {
            return StatementStatsAdvice.notPreloaded(preload, role.database(), extension.isPresent());
        }
        if (extension.isEmpty()) {
            return StatementStatsAdvice.notInstalled(preload, role.database());
        }
        List<StatementStats> statements;
        try {
            statements = withSavepoint(connection, () -> query(connection, extension.get(), order, limit));
        } catch (SQLException e) {
            // A role that may not read shared_preload_libraries only learns it here.
            if (NOT_PRELOADED.equals(e.getSQLState())) {
                return StatementStatsAdvice.notPreloaded(preload, role.database(), true);
            }
            throw e;
        }
        return new SlowQueries.Available(statements, canReset(connection, role, extension.get()));
    }

    /** Whether the connected role may reset the statistics. */
    public boolean canReset(Connection connection) throws SQLException {
        Optional<StatementExtension> extension = StatementExtension.find(connection);
        return extension.isPresent() && canReset(connection, ConnectedRole.of(connection), extension.get());
    }

    private static boolean canReset(Connection connection, ConnectedRole role, StatementExtension extension)
            throws SQLException {
        if (role.superuser()) {
            return true;
        }
        return extension
                .resetFunction(connection)
                .map(StatementExtension.ResetFunction::executable)
                .orElse(false);
    }

    /**
     * Discards all statistics with {@code pg_stat_statements_reset()}.
     *
     * @throws MonitorException the role may not, or the extension is missing; the message says which and what to do
     */
    public void reset(Connection connection) throws SQLException {
        ConnectedRole role = ConnectedRole.of(connection);
        StatementExtension extension = StatementExtension.find(connection)
                .orElseThrow(() -> new MonitorException(StatementStatsAdvice.resetWithoutExtension(role.database())));
        if (StatementPreload.read(connection).loadsStatementStats().equals(Optional.of(false))) {
            throw new MonitorException(StatementStatsAdvice.resetWithoutLibrary());
        }
        StatementExtension.ResetFunction function = extension
                .resetFunction(connection)
                .orElseThrow(() -> new MonitorException("The pg_stat_statements extension in database \""
                        + role.database() + "\" has no pg_stat_statements_reset function; update it with ALTER"
                        + " EXTENSION pg_stat_statements UPDATE;"));
        String refused = StatementStatsAdvice.resetRefused(role.name(), role.quotedName(), function.signature());
        if (!role.superuser() && !function.executable()) {
            throw new MonitorException(refused);
        }
        try {
            withSavepoint(connection, () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT " + extension.qualify("pg_stat_statements_reset()"));
                }
                return null;
            });
        } catch (SQLException e) {
            if (NOT_PRELOADED.equals(e.getSQLState())) {
                throw new MonitorException(StatementStatsAdvice.resetWithoutLibrary());
            }
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw new MonitorException(refused);
            }
            throw e;
        }
    }

    private static List<StatementStats> query(
            Connection connection, StatementExtension extension, SlowQueryOrder order, int limit) throws SQLException {
        String totalColumn = extension.totalTimeColumn(connection);
        // Rows without a query id (hidden from this role) are never merged: the row number keeps them apart.
        String sql = "SELECT s.queryid, coalesce(r.rolname, s.userid::text), coalesce(d.datname, s.dbid::text),"
                + " s.query, s.calls, s.total, s.rows, s.hit, s.read"
                + " FROM (SELECT p.userid, p.dbid, p.queryid, min(p.query) AS query, sum(p.calls)::bigint AS calls,"
                + " sum(p." + totalColumn + ")::float8 AS total, sum(p.rows)::bigint AS rows,"
                + " sum(p.shared_blks_hit)::bigint AS hit, sum(p.shared_blks_read)::bigint AS read"
                + " FROM (SELECT v.*, row_number() OVER () AS n FROM " + extension.qualify(StatementExtension.NAME)
                + " v) p"
                + " GROUP BY p.userid, p.dbid, p.queryid, CASE WHEN p.queryid IS NULL THEN p.n END) s"
                + " LEFT JOIN pg_roles r ON r.oid = s.userid"
                + " LEFT JOIN pg_database d ON d.oid = s.dbid"
                + " ORDER BY " + rankBy(order) + ", s.total DESC, s.queryid"
                + " LIMIT ?";
        List<StatementStats> statements = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long calls = rs.getLong(5);
                    double total = rs.getDouble(6);
                    long hit = rs.getLong(8);
                    long read = rs.getLong(9);
                    statements.add(new StatementStats(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            calls,
                            total,
                            calls == 0 ? 0 : total / calls,
                            rs.getLong(7),
                            hit + read == 0 ? null : (double) hit / (hit + read)));
                }
            }
        }
        return statements;
    }

    private static String rankBy(SlowQueryOrder order) {
        return switch (order) {
            case TOTAL_TIME -> "s.total DESC";
            case MEAN_TIME -> "s.total / nullif(s.calls, 0) DESC NULLS LAST";
            case CALLS -> "s.calls DESC";
            case ROWS -> "s.rows DESC";
        };
    }

    /** Work that may fail with an SQLException. */
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} so that its failure leaves a caller's open transaction usable: expected failures
     * (library not loaded, no privilege) are answered in words, and must not abort the caller's work.
     */
    private static <T> T withSavepoint(Connection connection, SqlWork<T> work) throws SQLException {
        if (connection.getAutoCommit()) {
            return work.run();
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            T result = work.run();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(savepoint);
            throw e;
        }
    }

    /** Who and where the connection is. */
    private record ConnectedRole(String name, String quotedName, boolean superuser, String database) {
        static ConnectedRole of(Connection connection) throws SQLException {
            String sql = "SELECT current_user, quote_ident(current_user), r.rolsuper, current_database()"
                    + " FROM pg_roles r WHERE r.rolname = current_user";
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("The connected role is missing from pg_roles");
                }
                return new ConnectedRole(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4));
            }
        }
    }
}
