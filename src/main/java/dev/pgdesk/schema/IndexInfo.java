package dev.pgdesk.schema;

/**
 * An index on a table or materialized view.
 *
 * @param name the index's name (in the table's schema)
 * @param definition its {@code CREATE INDEX} statement from {@code pg_get_indexdef}, without semicolon
 * @param unique whether it is unique
 * @param primary whether it backs the primary key
 * @param constraint whether it was created by a constraint (primary key, unique, exclusion) rather than
 *     CREATE INDEX; such indexes come with the constraint in DDL
 * @param valid whether it is usable (false after a failed CREATE INDEX CONCURRENTLY)
 * @param inherited whether it is a partition of an index on the parent table, created with it
 */
public record IndexInfo(
        String name,
        String definition,
        boolean unique,
        boolean primary,
        boolean constraint,
        boolean valid,
        boolean inherited) {}
