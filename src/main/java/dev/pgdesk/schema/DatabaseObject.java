package dev.pgdesk.schema;

/**
 * Something whose DDL {@link DdlGenerator} can print and {@link ObjectResolver} can find by name: an object
 * in a schema, or a trigger, which lives on a table.
 */
public sealed interface DatabaseObject permits SchemaObject, TriggerName {

    /** What it is. */
    ObjectKind kind();

    /** A name for messages and titles, for example {@code public.orders} or {@code public.orders.audit}. */
    String toSql();
}
