package dev.pgdesk.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sessions built in memory for the tests of the pure parts of the activity pane. */
final class ActivitySamples {
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private ActivitySamples() {}

    /** An active client session of alice on shop, waiting for {@code blockers}. */
    static SessionActivity blockedBy(int pid, Integer... blockers) {
        return session(pid, "alice", "shop", "active", "UPDATE orders SET paid = true", List.of(blockers));
    }

    static SessionActivity session(int pid, String user, String database, String state, String query) {
        return session(pid, user, database, state, query, List.of());
    }

    private static SessionActivity session(
            int pid, String user, String database, String state, String query, List<Integer> blockers) {
        return new SessionActivity(
                pid,
                user,
                database,
                "psql",
                "10.0.0.7",
                "client backend",
                state,
                null,
                null,
                NOW.minusSeconds(5),
                NOW.minusSeconds(5),
                NOW.minusSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                query,
                blockers,
                null,
                null,
                false);
    }

    /**
     * A session of {@code state} whose transaction began {@code transactionAge} before {@link #NOW}, whose
     * current query began {@code queryDuration} before it, and whose state changed {@code sinceStateChange}
     * before it.
     */
    static SessionActivity timed(
            String state, Duration transactionAge, Duration queryDuration, Duration sinceStateChange) {
        return new SessionActivity(
                77,
                "alice",
                "shop",
                "app",
                "local",
                "client backend",
                state,
                null,
                null,
                transactionAge == null ? null : NOW.minus(transactionAge),
                NOW.minus(queryDuration),
                sinceStateChange == null ? null : NOW.minus(sinceStateChange),
                transactionAge,
                queryDuration,
                "SELECT 1",
                List.of(),
                null,
                null,
                false);
    }
}
