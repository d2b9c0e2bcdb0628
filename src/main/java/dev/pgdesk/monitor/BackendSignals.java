package dev.pgdesk.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels a backend's query ({@code pg_cancel_backend}) or ends the backend ({@code pg_terminate_backend}).
 * A missing privilege or a backend that has gone is an outcome in words, not an exception.
 *
 * <p>The connection's own backend is never signalled: that would cancel or end the monitor itself. Asking
 * for it gives {@link SignalResult.Outcome#NOT_PERMITTED} with a message that says so (the pid in a
 * snapshot's {@code own} flag may belong to another connection of the monitor, so the check is made here,
 * on the connection that would send the signal).
 */
public final class BackendSignals {
    private static final Logger LOG = LoggerFactory.getLogger(BackendSignals.class);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** Who the target is, read before signalling so that the message can name it. */
    private static final String TARGET = """
            SELECT pg_backend_pid() AS own_pid, current_user AS monitor_user,
                   a.pid, a.usename, a.backend_type, a.state, a.xact_start IS NOT NULL AS in_transaction,
                   r.rolsuper AS owner_superuser
            FROM (VALUES (1)) AS one (x)
            LEFT JOIN pg_stat_activity a ON a.pid = ?
            LEFT JOIN pg_roles r ON r.oid = a.usesysid""";

    /** A signaller; it keeps no state. */
    public BackendSignals() {}

    /** Cancels the query {@code pid} is running; the session stays. */
    public SignalResult cancel(Connection connection, int pid) throws SQLException {
        return signal(connection, pid, Signal.CANCEL);
    }

    /** Ends the session {@code pid}; an open transaction of it is rolled back. */
    public SignalResult terminate(Connection connection, int pid) throws SQLException {
        return signal(connection, pid, Signal.TERMINATE);
    }

    private SignalResult signal(Connection connection, int pid, Signal signal) throws SQLException {
        Optional<SignalTarget> found = target(connection, pid);
        if (found.isEmpty()) {
            return SignalMessages.gone(pid);
        }
        SignalTarget target = found.get();
        if (target.own()) {
            return SignalMessages.own(target, signal);
        }
        Boolean sent = send(connection, pid, signal);
        if (sent == null) {
            return SignalMessages.notPermitted(target, signal);
        }
        if (sent) {
            LOG.info("{} pid {} ({}) as {}", signal, pid, target.user(), target.monitorUser());
            return SignalMessages.sent(target, signal);
        }
        // false comes with a warning: the pid has gone since, or it is a server process without a backend
        // (checkpointer, WAL writer, …) that these functions cannot signal.
        return target(connection, pid).isPresent()
                ? SignalMessages.notABackend(target, signal)
                : SignalMessages.gone(pid);
    }

    private static Optional<SignalTarget> target(Connection connection, int pid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TARGET)) {
            statement.setInt(1, pid);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (row.getObject("pid") == null) {
                    return Optional.empty();
                }
                Object ownerSuperuser = row.getObject("owner_superuser");
                return Optional.of(new SignalTarget(
                        pid,
                        row.getString("usename"),
                        row.getString("backend_type"),
                        row.getString("state"),
                        row.getBoolean("in_transaction"),
                        Boolean.TRUE.equals(ownerSuperuser),
                        row.getString("monitor_user"),
                        row.getInt("own_pid") == pid));
            }
        }
    }

    /** Whether the server sent the signal; null when the role may not send it. */
    private static Boolean send(Connection connection, int pid, Signal signal) throws SQLException {
        // Outside autocommit a refused signal would abort the caller's transaction; a savepoint keeps it.
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement(signal.sql)) {
            statement.setInt(1, pid);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                boolean sent = row.getBoolean(1);
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
                return sent;
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                LOG.debug("Not permitted to {} pid {}: {}", signal, pid, e.getMessage());
                return null;
            }
            throw e;
        }
    }

    /** The two signals, with their function. */
    enum Signal {
        CANCEL("SELECT pg_cancel_backend(?)"),
        TERMINATE("SELECT pg_terminate_backend(?)");

        private final String sql;

        Signal(String sql) {
            this.sql = sql;
        }
    }
}
