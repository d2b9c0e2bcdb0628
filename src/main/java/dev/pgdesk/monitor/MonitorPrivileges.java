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
        if (superuser || readAllStats) {
            return Optional.empty();
        }
        return Optional.of("The sessions of other roles show their query as " + SessionActivity.INSUFFICIENT_PRIVILEGE
                + " and no state or wait details, because " + user + " is not a superuser and lacks the"
                + " pg_monitor role (which includes pg_read_all_stats). To see every session, ask a superuser to"
                + " run: GRANT pg_monitor TO " + RoleNames.quote(user) + ";");
    }
}
