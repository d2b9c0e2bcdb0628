package dev.pgdesk.monitor;

/** The SQL of {@link ActivityReader}, kept apart so the reader reads as what it does with the rows. */
final class ActivityQueries {

    private ActivityQueries() {}

    /** A relation of a lock row in words: {@code table public.orders}, or its oid when in another database. */
    private static final String RELATION = """
            CASE WHEN c.oid IS NOT NULL THEN
                CASE c.relkind
                    WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'i' THEN 'index'
                    WHEN 'I' THEN 'partitioned index' WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
                    WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' WHEN 't' THEN 'TOAST table'
                    ELSE 'relation' END
                || ' ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            ELSE 'relation ' || l.relation || coalesce(' in database ' || quote_ident(d.datname), '') END""";

    /** The lock of a pg_locks row in words, for example {@code ShareLock on transaction 1234}. */
    private static final String LOCK = """
            l.mode || ' on ' || CASE l.locktype
                WHEN 'relation' THEN %1$s
                WHEN 'extend' THEN 'the extension of ' || %1$s
                WHEN 'page' THEN 'page ' || l.page || ' of ' || %1$s
                WHEN 'tuple' THEN 'row (' || l.page || ',' || l.tuple || ') of ' || %1$s
                WHEN 'transactionid' THEN 'transaction ' || l.transactionid
                WHEN 'virtualxid' THEN 'virtual transaction ' || l.virtualxid
                WHEN 'advisory' THEN 'advisory lock ' || CASE WHEN l.objsubid = 1
                    THEN ((l.classid::bigint << 32) | l.objid::bigint)::text
                    ELSE '(' || l.classid || ', ' || l.objid || ')' END
                WHEN 'object' THEN coalesce(l.classid::regclass::text, 'catalog ' || l.classid) || ' object ' || l.objid
                ELSE l.locktype END""".formatted(RELATION);

    /**
     * Everything of a snapshot in one round trip: the header (clock, own pid, role, privileges) on every row,
     * one row per backend (or a single row without a backend, which cannot happen as the monitor is one).
     * The clock is read once so that every duration is against the same instant. pg_blocking_pids takes
     * every lock partition, so it runs only for backends that have a lock they wait for.
     */
    private static final String ACTIVITY = """
            WITH header AS MATERIALIZED (
                SELECT clock_timestamp() AS taken_at, pg_backend_pid() AS own_pid,
                       current_user AS monitor_user, current_database() AS monitor_database,
                       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
                       pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS read_all_stats,
                       pg_has_role(current_user, 'pg_signal_backend', 'USAGE') AS signal_backend
            ), waits AS MATERIALIZED (
                SELECT DISTINCT ON (l.pid) l.pid, %s AS awaited_lock, %s AS wait_start
                FROM pg_locks l
                LEFT JOIN pg_class c ON l.locktype IN ('relation', 'extend', 'page', 'tuple')
                    AND c.oid = l.relation
                    AND l.database IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
                LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_database d ON d.oid = l.database
                WHERE NOT l.granted AND l.pid IS NOT NULL
                ORDER BY l.pid, l.locktype
            )
            SELECT h.*, a.pid, a.usename, a.datname, coalesce(a.application_name, '') AS application,
                   CASE WHEN a.client_addr IS NOT NULL THEN host(a.client_addr)
                        WHEN a.client_port = -1 THEN 'local' END AS client_address,
                   a.backend_type, a.state, a.wait_event_type, a.wait_event,
                   a.xact_start, a.query_start, a.state_change,
                   (extract(epoch FROM h.taken_at - a.xact_start) * 1000000)::bigint AS transaction_micros,
                   (extract(epoch FROM h.taken_at - a.query_start) * 1000000)::bigint AS query_micros,
                   a.query,
                   CASE WHEN w.pid IS NULL THEN '{}'::int[] ELSE pg_blocking_pids(a.pid) END AS blocked_by,
                   w.awaited_lock,
                   CASE WHEN w.pid IS NOT NULL THEN
                       (extract(epoch FROM h.taken_at - coalesce(w.wait_start, a.state_change, a.query_start))
                           * 1000000)::bigint END AS wait_micros
            FROM header h
            LEFT JOIN pg_stat_activity a ON true
            LEFT JOIN waits w ON w.pid = a.pid
            ORDER BY a.pid""";

    /** pg_locks.waitstart says when a wait began from PostgreSQL 14. */
    static final String ACTIVITY_SINCE_14 = ACTIVITY.formatted(LOCK, "l.waitstart");

    /** Before 14 the wait is timed from when the statement became active (see the coalesce in ACTIVITY). */
    static final String ACTIVITY_BEFORE_14 = ACTIVITY.formatted(LOCK, "NULL::timestamptz");

    /**
     * Client backends per state, with the limits on every row (one row with a null state when there are
     * none). {@code reserved_connections} exists from PostgreSQL 16, so it is summed from pg_settings, where
     * older servers simply have no such row.
     */
    static final String CONNECTIONS = """
            WITH counts AS (
                SELECT coalesce(state, 'unknown') AS state, count(*)::int AS sessions
                FROM pg_stat_activity
                WHERE backend_type = 'client backend'
                GROUP BY 1
            )
            SELECT clock_timestamp() AS taken_at,
                   current_setting('max_connections')::int AS max_connections,
                   (SELECT coalesce(sum(setting::int), 0)::int FROM pg_settings
                    WHERE name IN ('superuser_reserved_connections', 'reserved_connections')) AS reserved,
                   counts.state, counts.sessions
            FROM (VALUES (1)) AS one (x)
            LEFT JOIN counts ON true""";

    /** The monitoring role and what it may see and do. */
    static final String PRIVILEGES = """
            SELECT current_user AS monitor_user,
                   (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
                   pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS read_all_stats,
                   pg_has_role(current_user, 'pg_signal_backend', 'USAGE') AS signal_backend""";
}
