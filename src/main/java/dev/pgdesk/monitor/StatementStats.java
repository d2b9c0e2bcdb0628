package dev.pgdesk.monitor;

/**
 * One normalised statement from {@code pg_stat_statements}, summed over every role and database it ran in
 * as the extension reports it per (role, database, query id).
 *
 * @param queryId the server's query id
 * @param user the role that ran it
 * @param database the database it ran in
 * @param query the normalised text, constants replaced by {@code $1}, {@code $2}, …
 * @param calls times executed
 * @param totalMillis total execution time in milliseconds
 * @param meanMillis mean execution time in milliseconds
 * @param rows rows returned or affected in total
 * @param hitRatio shared-buffer hits / (hits + reads), 0 to 1; null when it touched no shared buffers
 */
public record StatementStats(
        long queryId,
        String user,
        String database,
        String query,
        long calls,
        double totalMillis,
        double meanMillis,
        long rows,
        Double hitRatio) {}
