package dev.pgdesk.complete;

/** The kinds of relation completion offers, as {@code pg_class.relkind} names them. */
public enum RelationKind {
    /** An ordinary table ({@code r}). */
    TABLE("table"),
    /** A view ({@code v}). */
    VIEW("view"),
    /** A materialized view ({@code m}). */
    MATERIALIZED_VIEW("materialized view"),
    /** A foreign table ({@code f}). */
    FOREIGN_TABLE("foreign table"),
    /** A partitioned table ({@code p}). */
    PARTITIONED_TABLE("partitioned table");

    private final String description;

    RelationKind(String description) {
        this.description = description;
    }

    /** Words for a candidate's detail, such as "materialized view". */
    public String description() {
        return description;
    }

    /** The kind for a {@code pg_class.relkind} code. */
    public static RelationKind fromRelkind(String relkind) {
        return switch (relkind) {
            case "r" -> TABLE;
            case "v" -> VIEW;
            case "m" -> MATERIALIZED_VIEW;
            case "f" -> FOREIGN_TABLE;
            case "p" -> PARTITIONED_TABLE;
            default ->
                throw new IllegalArgumentException(
                        "relkind '" + relkind + "' is not a relation completion offers (expected r, v, m, f or p)");
        };
    }
}
