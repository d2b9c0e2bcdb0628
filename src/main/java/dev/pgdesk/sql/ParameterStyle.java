package dev.pgdesk.sql;

/** How a statement writes its parameters. One statement uses one style only. */
public enum ParameterStyle {
    /** The statement has no parameters. */
    NONE,
    /** PostgreSQL's own {@code $1}, {@code $2}, ... */
    POSITIONAL,
    /** {@code :name}, {@code :status}, ... */
    NAMED
}
