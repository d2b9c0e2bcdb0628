package dev.pgdesk.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One server process as {@code pg_stat_activity} shows it to the monitoring role. Columns the role may not
 * see are null, and {@link #query()} then reads {@code <insufficient privilege>}, as the server reports it.
 *
 * @param pid the backend's process id
 * @param user the role it runs as (null for background processes)
 * @param database the database it is connected to (null for background processes)
 * @param application {@code application_name}, "" when unset
 * @param clientAddress the client's address, "local" for a Unix socket, null for background processes
 * @param backendType {@code backend_type}, for example {@code client backend} or {@code autovacuum worker}
 * @param state {@code active}, {@code idle}, {@code idle in transaction}, … or null when hidden
 * @param waitEventType {@code wait_event_type}, null when not waiting
 * @param waitEvent {@code wait_event}, null when not waiting
 * @param transactionStart when its current transaction began, null outside a transaction
 * @param queryStart when its current (or, when idle, last) query began
 * @param stateChange when {@link #state()} last changed
 * @param transactionAge server time minus {@link #transactionStart()}, measured by the server; null when none
 * @param queryDuration server time minus {@link #queryStart()}, measured by the server; null when none
 * @param query the current or last query text, in full
 * @param blockedBy the pids this backend waits for ({@code pg_blocking_pids}); empty when not blocked
 * @param awaitedLock the lock it waits for in words, for example {@code RowExclusiveLock on table public.orders};
 *     null when it waits for none
 * @param lockWait how long it has waited for that lock; null when it waits for none
 * @param own whether this is the monitor's own backend
 */
public record SessionActivity(
        int pid,
        String user,
        String database,
        String application,
        String clientAddress,
        String backendType,
        String state,
        String waitEventType,
        String waitEvent,
        Instant transactionStart,
        Instant queryStart,
        Instant stateChange,
        Duration transactionAge,
        Duration queryDuration,
        String query,
        List<Integer> blockedBy,
        String awaitedLock,
        Duration lockWait,
        boolean own) {

    /** The server's text for the query of a session the monitoring role may not see. */
    public static final String INSUFFICIENT_PRIVILEGE = "<insufficient privilege>";

    public SessionActivity {
        blockedBy = List.copyOf(blockedBy);
    }

    /** Whether the session is {@code idle} (not in a transaction). */
    public boolean idle() {
        return "idle".equals(state);
    }

    /** Whether the session is {@code idle in transaction} or {@code idle in transaction (aborted)}. */
    public boolean idleInTransaction() {
        return state != null && state.startsWith("idle in transaction");
    }

    /** Whether the session is running a query now. */
    public boolean active() {
        return "active".equals(state);
    }

    /** Whether another session blocks this one. */
    public boolean blocked() {
        return !blockedBy.isEmpty();
    }

    /** Whether the monitoring role may not see this session's query. */
    public boolean hidden() {
        return INSUFFICIENT_PRIVILEGE.equals(query);
    }
}
