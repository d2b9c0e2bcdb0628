package dev.pgdesk.schema;

/**
 * A schema, the first level of the navigator tree.
 *
 * @param name the schema's name
 * @param owner the owning role
 * @param comment its COMMENT, or empty
 * @param system whether it is one of PostgreSQL's own (pg_catalog, information_schema, pg_toast*, pg_temp*)
 */
public record SchemaInfo(String name, String owner, String comment, boolean system) {}
