package dev.pgdesk.schema;

import java.util.OptionalLong;

/**
 * Size facts for an object's detail panel; cheap, from the catalogs, never a {@code count(*)}.
 *
 * @param estimatedRows the planner's row estimate ({@code pg_class.reltuples}); empty when the table has
 *     never been vacuumed or analyzed (PostgreSQL 14+ records that as -1; on 13 an estimate of 0 rows in 0
 *     pages is reported as unknown too) and for objects without rows (views, sequences)
 * @param totalBytes table, indexes and TOAST ({@code pg_total_relation_size}); empty for views and foreign
 *     tables, which store nothing locally
 * @param prettySize {@code totalBytes} as {@code pg_size_pretty} writes it ("1304 kB"), or empty
 */
public record ObjectStats(OptionalLong estimatedRows, OptionalLong totalBytes, String prettySize) {

    /** "≈ 5,000 rows" or "rows unknown", for a detail panel. */
    public String rowsText() {
        return estimatedRows.isPresent()
                ? String.format(java.util.Locale.ROOT, "≈ %,d rows", estimatedRows.getAsLong())
                : "rows unknown";
    }
}
