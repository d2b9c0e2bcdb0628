package dev.pgdesk.query;

import java.util.Objects;

/**
 * A result column: its label, its PostgreSQL type name (e.g. {@code int4}, {@code timestamptz}) and what
 * pgdesk knows about that type for writing values ({@link PgType}).
 */
public record Column(String name, String typeName, PgType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(type, "type");
    }

    /** A column of a built-in type known by name alone (see {@link PgType#named}). */
    public Column(String name, String typeName) {
        this(name, typeName, PgType.named(typeName));
    }
}
