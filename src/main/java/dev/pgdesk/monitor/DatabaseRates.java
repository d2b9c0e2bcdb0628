package dev.pgdesk.monitor;

import java.time.Instant;
import java.util.Optional;

/**
 * Per-second rates between two readings of {@link DatabaseCounters}.
 *
 * @param at the later reading's time
 * @param transactionsPerSecond commits plus rollbacks per second
 * @param rowsReadPerSecond rows returned per second ({@code tup_returned})
 * @param rowsWrittenPerSecond rows inserted, updated and deleted per second
 * @param cacheHitRatio shared-buffer hit ratio over the interval, 0 to 1; null when no block was touched
 */
public record DatabaseRates(
        Instant at,
        double transactionsPerSecond,
        double rowsReadPerSecond,
        double rowsWrittenPerSecond,
        Double cacheHitRatio) {

    /**
     * The rates from {@code earlier} to {@code later}; empty when they are of different databases, not in
     * time order, or a counter went down (the statistics were reset in between).
     */
    public static Optional<DatabaseRates> between(DatabaseCounters earlier, DatabaseCounters later) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
