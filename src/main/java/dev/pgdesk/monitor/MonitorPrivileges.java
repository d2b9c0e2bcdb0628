package dev.pgdesk.monitor;

import java.util.Optional;

/**
 * What the monitoring role may see and do on the server.
 *
 * @param user the monitoring role
 * @param superuser whether it is a superuser
 * @param readAllStats whether it has {@code pg_read_all_stats} (directly or through {@code pg_monitor}), so
 *     that it sees every session's query
 * @param signalBackend whether it has {@code pg_signal_backend}, so that it may cancel and terminate other
 *     roles' sessions (never a superuser's)
 */
public record MonitorPrivileges(String user, boolean superuser, boolean readAllStats, boolean signalBackend) {

    /**
     * Why other sessions' queries read {@code <insufficient privilege>}, and how to change that; empty when
     * the role sees everything.
     */
    public Optional<String> note() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
