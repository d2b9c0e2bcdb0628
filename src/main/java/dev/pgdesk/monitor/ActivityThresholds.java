package dev.pgdesk.monitor;

import java.time.Duration;

/**
 * When a session deserves attention: a query running longer than {@link #longRunning()}, or a session idle
 * in a transaction for longer than {@link #idleInTransaction()} (it holds locks and stops vacuum).
 */
public record ActivityThresholds(Duration longRunning, Duration idleInTransaction) {

    /** Defaults in line with what DBAs commonly alert on: 60 s running, 30 s idle in a transaction. */
    public static final ActivityThresholds DEFAULT =
            new ActivityThresholds(Duration.ofSeconds(60), Duration.ofSeconds(30));

    /** How a session is marked in the activity table. */
    public enum Highlight {
        NONE,
        LONG_RUNNING,
        IDLE_IN_TRANSACTION
    }

    public ActivityThresholds {
        if (longRunning.isNegative() || idleInTransaction.isNegative()) {
            throw new IllegalArgumentException("Thresholds must not be negative");
        }
    }

    /** The mark {@code session} gets. */
    public Highlight classify(SessionActivity session) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
