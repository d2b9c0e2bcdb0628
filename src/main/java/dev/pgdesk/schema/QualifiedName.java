package dev.pgdesk.schema;

import dev.pgdesk.sql.Identifiers;

/**
 * An object's schema and name as stored in the catalogs (case as written, unquoted).
 *
 * @param schema the schema, for example {@code public}
 * @param name the object's name within it
 */
public record QualifiedName(String schema, String name) {

    /** Rejects blank parts. */
    public QualifiedName {
        if (schema == null || schema.isEmpty()) {
            throw new IllegalArgumentException("A qualified name needs a schema");
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A qualified name needs a name");
        }
    }

    /** {@code schema.name} for SQL, quoted where needed. */
    public String toSql() {
        return Identifiers.qualified(schema, name);
    }

    @Override
    public String toString() {
        return toSql();
    }
}
