package dev.pgdesk.schema;

/** Whether a column is computed from the others ({@code pg_attribute.attgenerated}). */
public enum Generation {
    NONE,
    /** {@code GENERATED ALWAYS AS (...) STORED}. */
    STORED,
    /** {@code GENERATED ALWAYS AS (...) VIRTUAL} (PostgreSQL 18+). */
    VIRTUAL
}
