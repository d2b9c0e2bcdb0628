package dev.pgdesk.monitor;

import java.time.Instant;

/**
 * The cumulative counters of {@code pg_stat_database} for one database at one moment; rates come from two
 * of them with {@link DatabaseRates#between}.
 *
 * @param takenAt the server's clock when read
 * @param database the database
 * @param commits {@code xact_commit}
 * @param rollbacks {@code xact_rollback}
 * @param blocksRead {@code blks_read}
 * @param blocksHit {@code blks_hit}
 * @param rowsReturned {@code tup_returned}
 * @param rowsFetched {@code tup_fetched}
 * @param rowsInserted {@code tup_inserted}
 * @param rowsUpdated {@code tup_updated}
 * @param rowsDeleted {@code tup_deleted}
 */
public record DatabaseCounters(
        Instant takenAt,
        String database,
        long commits,
        long rollbacks,
        long blocksRead,
        long blocksHit,
        long rowsReturned,
        long rowsFetched,
        long rowsInserted,
        long rowsUpdated,
        long rowsDeleted) {

    /** Shared-buffer hits / (hits + reads) since the statistics were last reset, 0 to 1; null before any. */
    public Double cacheHitRatio() {
        return ratio(blocksHit, blocksRead);
    }

    /** hits / (hits + reads), null when both are 0. */
    static Double ratio(long hits, long reads) {
        long touched = hits + reads;
        return touched == 0 ? null : (double) hits / touched;
    }
}
