package dev.pgdesk.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;

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
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        if (!earlier.database().equals(later.database()) || !later.takenAt().isAfter(earlier.takenAt())) {
            return Optional.empty();
        }
        long commits = later.commits() - earlier.commits();
        long rollbacks = later.rollbacks() - earlier.rollbacks();
        long blocksRead = later.blocksRead() - earlier.blocksRead();
        long blocksHit = later.blocksHit() - earlier.blocksHit();
        long returned = later.rowsReturned() - earlier.rowsReturned();
        long fetched = later.rowsFetched() - earlier.rowsFetched();
        long inserted = later.rowsInserted() - earlier.rowsInserted();
        long updated = later.rowsUpdated() - earlier.rowsUpdated();
        long deleted = later.rowsDeleted() - earlier.rowsDeleted();
        if (LongStream.of(commits, rollbacks, blocksRead, blocksHit, returned, fetched, inserted, updated, deleted)
                .anyMatch(delta -> delta < 0)) {
            return Optional.empty();
        }
        double seconds = Duration.between(earlier.takenAt(), later.takenAt()).toNanos() / 1e9;
        return Optional.of(new DatabaseRates(
                later.takenAt(),
                (commits + rollbacks) / seconds,
                returned / seconds,
                (inserted + updated + deleted) / seconds,
                DatabaseCounters.ratio(blocksHit, blocksRead)));
    }
}
