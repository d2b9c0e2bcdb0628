package dev.pgdesk.monitor;

/**
 * A table or index of the monitor's database with its size.
 *
 * @param schema its schema
 * @param name its name
 * @param kind {@code table}, {@code materialized view} or {@code index}
 * @param table for an index, the table it belongs to; null otherwise
 * @param totalBytes {@code pg_total_relation_size} for tables (with indexes and TOAST), {@code
 *     pg_relation_size} for indexes
 * @param pretty the size as {@code pg_size_pretty} writes it
 */
public record RelationSize(String schema, String name, String kind, String table, long totalBytes, String pretty) {}
