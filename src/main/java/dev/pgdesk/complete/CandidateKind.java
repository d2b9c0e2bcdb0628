package dev.pgdesk.complete;

/** What a completion candidate inserts, so the popup can show an icon for it. */
public enum CandidateKind {
    KEYWORD,
    SCHEMA,
    TABLE,
    VIEW,
    MATERIALIZED_VIEW,
    FOREIGN_TABLE,
    /** A name defined by the statement itself: a CTE, a subquery's alias, or a table's alias. */
    ALIAS,
    COLUMN,
    FUNCTION,
    AGGREGATE,
    WINDOW_FUNCTION,
    PROCEDURE;

    /** The candidate kind for a relation kind (partitioned tables are tables to the user). */
    static CandidateKind of(RelationKind kind) {
        return switch (kind) {
            case TABLE, PARTITIONED_TABLE -> TABLE;
            case VIEW -> VIEW;
            case MATERIALIZED_VIEW -> MATERIALIZED_VIEW;
            case FOREIGN_TABLE -> FOREIGN_TABLE;
        };
    }

    /** The candidate kind for a function kind. */
    static CandidateKind of(FunctionKind kind) {
        return switch (kind) {
            case NORMAL -> FUNCTION;
            case AGGREGATE -> AGGREGATE;
            case WINDOW -> WINDOW_FUNCTION;
            case PROCEDURE -> PROCEDURE;
        };
    }
}
