package dev.pgdesk.monitor;

import java.time.Instant;
import java.util.List;

/**
 * Every session of the server at one moment, with who looked.
 *
 * @param takenAt the server's clock when it was read
 * @param ownPid the monitor's own backend
 * @param currentUser the monitoring role
 * @param currentDatabase the database the monitor is connected to
 * @param privileges what the monitoring role may see and do
 * @param sessions the sessions, ordered by pid
 */
public record ActivitySnapshot(
        Instant takenAt,
        int ownPid,
        String currentUser,
        String currentDatabase,
        MonitorPrivileges privileges,
        List<SessionActivity> sessions) {

    public ActivitySnapshot {
        sessions = List.copyOf(sessions);
    }

    /** The sessions {@code filter} lets through, in the same order. */
    public List<SessionActivity> filtered(ActivityFilter filter) {
        return sessions.stream()
                .filter(session -> filter.matches(session, currentUser, currentDatabase))
                .toList();
    }
}
