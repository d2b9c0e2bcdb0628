package dev.pgdesk.schema;

/**
 * A column of a table, view or composite-like relation.
 *
 * @param position its attnum, 1-based (gaps where columns were dropped)
 * @param name its name
 * @param type its type as {@code format_type} writes it, for example {@code numeric(10,2)}
 * @param notNull whether it is declared NOT NULL
 * @param defaultExpression the DEFAULT expression, or empty (always empty for generated columns)
 * @param primaryKey whether it is part of the primary key
 * @param identity whether it is an identity column
 * @param generation whether it is a generated column
 * @param generationExpression the generation expression, or empty
 * @param collation the collation when it differs from the type's default (qualified, quoted), or empty
 * @param comment its COMMENT, or empty
 * @param notNullConstraint the name of its NOT NULL constraint when it has one (PostgreSQL 18+ records
 *     them in pg_constraint), or empty
 * @param inherited whether it comes only from a parent table (inheritance or partitioning) rather than
 *     being declared on this table
 */
public record ColumnInfo(
        int position,
        String name,
        String type,
        boolean notNull,
        String defaultExpression,
        boolean primaryKey,
        IdentityKind identity,
        Generation generation,
        String generationExpression,
        String collation,
        String comment,
        String notNullConstraint,
        boolean inherited) {

    /** Whether an INSERT may supply a value: not generated, and not an ALWAYS identity. */
    public boolean isInsertable() {
        return generation == Generation.NONE && identity != IdentityKind.ALWAYS;
    }

    /** A short description for a tree node: {@code integer NOT NULL DEFAULT 0}, with key and identity marks. */
    public String summary() {
        StringBuilder text = new StringBuilder(type);
        if (primaryKey) {
            text.append(" PK");
        }
        if (identity == IdentityKind.ALWAYS) {
            text.append(" identity always");
        } else if (identity == IdentityKind.BY_DEFAULT) {
            text.append(" identity");
        }
        if (generation != Generation.NONE) {
            text.append(" generated");
        }
        text.append(notNull ? " NOT NULL" : " NULL");
        if (!defaultExpression.isEmpty()) {
            text.append(" DEFAULT ").append(defaultExpression);
        }
        return text.toString();
    }
}
