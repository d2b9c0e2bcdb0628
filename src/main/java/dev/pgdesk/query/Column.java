package dev.pgdesk.query;

import java.util.Objects;

/** A result column: its label and its PostgreSQL type name (e.g. {@code int4}, {@code timestamptz}). */
public record Column(String name, String typeName) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeName, "typeName");
    }
}
