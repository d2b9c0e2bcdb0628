package dev.pgdesk.explain;

/**
 * A table's size as the catalog estimates it ({@code pg_class.reltuples} and {@code relpages}), refreshed
 * by VACUUM and ANALYZE.
 *
 * @param rows estimated rows; negative when the table was never analysed (PostgreSQL 14 and later)
 * @param pages 8 kB pages on disk at the last VACUUM or ANALYZE
 */
public record RelationSize(String schema, String name, double rows, long pages) {}
