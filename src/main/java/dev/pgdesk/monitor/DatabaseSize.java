package dev.pgdesk.monitor;

/**
 * The size of one database.
 *
 * @param name the database
 * @param bytes its size ({@code pg_database_size}); null when the role may not connect to it
 * @param pretty the size for people, as {@code pg_size_pretty} writes it ("7581 kB"); "no access" when null
 */
public record DatabaseSize(String name, Long bytes, String pretty) {}
