package dev.pgdesk.schema;

import java.util.Locale;

/** The kinds of object the navigator lists, with the label of the folder that groups them in a schema. */
public enum ObjectKind {
    TABLE("Tables"),
    VIEW("Views"),
    MATERIALIZED_VIEW("Materialized views"),
    FOREIGN_TABLE("Foreign tables"),
    SEQUENCE("Sequences"),
    FUNCTION("Functions"),
    PROCEDURE("Procedures"),
    ENUM_TYPE("Types"),
    COMPOSITE_TYPE("Types"),
    DOMAIN("Types"),
    INDEX("Indexes"),
    TRIGGER("Triggers");

    private final String folder;

    ObjectKind(String folder) {
        this.folder = folder;
    }

    /** The folder label in a schema's subtree ("Tables", "Types", ...); the three type kinds share one. */
    public String folder() {
        return folder;
    }

    /** Whether the object has columns (and so rows to open, and statement templates). */
    public boolean hasColumns() {
        return this == TABLE || this == VIEW || this == MATERIALIZED_VIEW || this == FOREIGN_TABLE;
    }

    /** Whether the object is a type (enum, composite or domain). */
    public boolean isType() {
        return this == ENUM_TYPE || this == COMPOSITE_TYPE || this == DOMAIN;
    }

    /** Whether the object is a function or procedure (identified by its argument types too). */
    public boolean isRoutine() {
        return this == FUNCTION || this == PROCEDURE;
    }

    /** Lower-case words for messages, for example "materialized view". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
