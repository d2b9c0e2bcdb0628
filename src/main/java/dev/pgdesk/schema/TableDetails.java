package dev.pgdesk.schema;

import java.util.List;
import java.util.Optional;

/**
 * Everything under a table node: its columns, indexes, constraints and triggers. Views and foreign tables
 * have columns (and views possibly triggers) but no indexes or constraints.
 *
 * @param relation the table, view, materialized view or foreign table
 * @param columns in position order
 * @param indexes by name
 * @param constraints primary key first, then unique, foreign keys, checks, exclusions, each by name
 * @param triggers by name
 */
public record TableDetails(
        SchemaObject relation,
        List<ColumnInfo> columns,
        List<IndexInfo> indexes,
        List<ConstraintInfo> constraints,
        List<TriggerInfo> triggers) {

    /** Copies the lists. */
    public TableDetails {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
        triggers = List.copyOf(triggers);
    }

    /** The primary key constraint, if there is one. */
    public Optional<ConstraintInfo> primaryKey() {
        return constraints.stream()
                .filter(c -> c.type() == ConstraintType.PRIMARY_KEY)
                .findFirst();
    }

    /** The column named {@code name}, if any. */
    public Optional<ColumnInfo> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The constraints of one type, in order. */
    public List<ConstraintInfo> constraints(ConstraintType type) {
        return constraints.stream().filter(c -> c.type() == type).toList();
    }
}
