package dev.pgdesk.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table constraint.
 *
 * @param name the constraint's name
 * @param type primary key, unique, foreign key, check or exclusion
 * @param definition what follows {@code CONSTRAINT name} in DDL, from {@code pg_get_constraintdef}, for
 *     example {@code CHECK (price > 0::numeric)} or {@code FOREIGN KEY (customer_id) REFERENCES customers(id)}
 * @param columns the constrained columns in key order (empty for a check on an expression only)
 * @param referencedTable for a foreign key, the table it points to; otherwise null
 * @param referencedColumns for a foreign key, the target columns in key order; otherwise empty
 * @param validated false for a constraint added NOT VALID and not yet validated
 * @param inherited whether it comes only from a parent table rather than being declared on this one
 */
public record ConstraintInfo(
        String name,
        ConstraintType type,
        String definition,
        List<String> columns,
        QualifiedName referencedTable,
        List<String> referencedColumns,
        boolean validated,
        boolean inherited) {

    /** Copies the lists. */
    public ConstraintInfo {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** The foreign key's target table, or empty for other constraints. */
    public Optional<QualifiedName> target() {
        return Optional.ofNullable(referencedTable);
    }
}
