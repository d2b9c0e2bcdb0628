package dev.pgdesk.monitor;

import java.time.Duration;
import java.time.Instant;

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
        if (session.active() && exceeds(session.queryDuration(), longRunning)) {
            return Highlight.LONG_RUNNING;
        }
        if (session.idleInTransaction() && exceeds(idleTime(session), idleInTransaction)) {
            return Highlight.IDLE_IN_TRANSACTION;
        }
        return Highlight.NONE;
    }

    /**
     * How long an idle-in-transaction session has been idle, all on the server's clock: the transaction start
     * plus its age is the server's time when read, and the state changed to idle at {@code stateChange}.
     * Without those the transaction's age stands in (it is never shorter than the idle time).
     */
    private static Duration idleTime(SessionActivity session) {
        if (session.transactionStart() != null && session.transactionAge() != null && session.stateChange() != null) {
            Instant serverNow = session.transactionStart().plus(session.transactionAge());
            return Duration.between(session.stateChange(), serverNow);
        }
        return session.transactionAge();
    }

    private static boolean exceeds(Duration duration, Duration threshold) {
        return duration != null && duration.compareTo(threshold) > 0;
    }
}
