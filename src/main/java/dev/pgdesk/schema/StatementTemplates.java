package dev.pgdesk.schema;

import dev.pgdesk.sql.Identifiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SELECT, INSERT, UPDATE and DELETE templates for a table, with {@code $n} parameters, built from its
 * {@link TableDetails} without another round trip. Names are schema-qualified and quoted where needed.
 *
 * <p>UPDATE and DELETE find the row by its primary key; a table without one uses a unique constraint whose
 * columns are all NOT NULL (the one with fewest columns, then by name), because such a key identifies at most
 * one row just as well. A table with neither gets no UPDATE or DELETE template: {@link #rowKey} is empty, and
 * {@link #update} and {@link #delete} throw {@link IllegalStateException} with the reason, because a WHERE
 * clause over all columns could change several identical rows at once. A materialized view gets only
 * SELECT templates ({@link #isModifiable}).
 */
public final class StatementTemplates {
    private final TableDetails table;

    /** Templates for {@code table}. */
    public StatementTemplates(TableDetails table) {
        this.table = table;
        if (table.columns().isEmpty()) {
            throw new IllegalArgumentException(table.relation().toSql() + " has no columns to build statements from");
        }
    }

    /** {@code SELECT} every column, listed explicitly, in position order. No parameters. */
    public StatementTemplate select() {
        return new StatementTemplate("SELECT " + columnList(table.columns()) + "\nFROM " + tableName(), List.of());
    }

    /**
     * {@code SELECT} every column with {@code LIMIT rows}: what "open the data" runs to show the first rows.
     *
     * @throws IllegalArgumentException when {@code rows} is not positive
     */
    public StatementTemplate firstRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("The number of rows to show must be at least 1, got " + rows);
        }
        return new StatementTemplate(select().sql() + "\nLIMIT " + rows, List.of());
    }

    /** {@code SELECT} every column of the row with the given key; empty when the table has no {@link #rowKey}. */
    public Optional<StatementTemplate> selectByKey() {
        return rowKey().map(key -> {
            List<String> parameters = new ArrayList<>();
            String where = whereKey(key, parameters);
            return new StatementTemplate(select().sql() + "\nWHERE " + where, parameters);
        });
    }

    /**
     * {@code INSERT} with one parameter per column, in position order, leaving out the columns the server
     * fills itself and refuses values for: generated columns and {@code GENERATED ALWAYS} identity columns.
     */
    public StatementTemplate insert() {
        requireModifiable("INSERT");
        List<ColumnInfo> columns =
                table.columns().stream().filter(ColumnInfo::isInsertable).toList();
        if (columns.isEmpty()) {
            return new StatementTemplate("INSERT INTO " + tableName() + " DEFAULT VALUES", List.of());
        }
        List<String> parameters = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (ColumnInfo column : columns) {
            parameters.add(column.name());
            placeholders.add("$" + parameters.size());
        }
        return new StatementTemplate(
                "INSERT INTO " + tableName() + " (" + columnList(columns) + ")\nVALUES ("
                        + String.join(", ", placeholders) + ")",
                parameters);
    }

    /**
     * {@code UPDATE} of every writable non-key column ({@code SET col = $n}) of the row with the given key.
     *
     * @throws IllegalStateException when the table has no row key, or nothing but key columns to set
     */
    public StatementTemplate update() {
        requireModifiable("UPDATE");
        RowKey key = requireRowKey("UPDATE");
        List<String> parameters = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            if (column.isInsertable() && !key.columns().contains(column.name())) {
                parameters.add(column.name());
                assignments.add(Identifiers.quote(column.name()) + " = $" + parameters.size());
            }
        }
        if (assignments.isEmpty()) {
            throw new IllegalStateException(table.relation().toSql()
                    + " has only key columns, so an UPDATE by key has nothing to set; update the key columns by hand");
        }
        String where = whereKey(key, parameters);
        return new StatementTemplate(
                "UPDATE " + tableName() + "\nSET " + String.join(",\n    ", assignments) + "\nWHERE " + where,
                parameters);
    }

    /**
     * {@code DELETE} of the row with the given key.
     *
     * @throws IllegalStateException when the table has no row key
     */
    public StatementTemplate delete() {
        requireModifiable("DELETE");
        RowKey key = requireRowKey("DELETE");
        List<String> parameters = new ArrayList<>();
        String where = whereKey(key, parameters);
        return new StatementTemplate("DELETE FROM " + tableName() + "\nWHERE " + where, parameters);
    }

    /**
     * The key UPDATE and DELETE use: the primary key, else the narrowest unique constraint over NOT NULL
     * columns; empty when there is neither.
     */
    public Optional<RowKey> rowKey() {
        Optional<ConstraintInfo> primary = table.primaryKey();
        if (primary.isPresent()) {
            return Optional.of(new RowKey(primary.get().name(), primary.get().columns(), true));
        }
        return table.constraints(ConstraintType.UNIQUE).stream()
                .filter(c -> !c.columns().isEmpty()
                        && c.columns().stream()
                                .allMatch(name -> table.column(name)
                                        .map(ColumnInfo::notNull)
                                        .orElse(false)))
                .min(Comparator.comparingInt((ConstraintInfo c) -> c.columns().size())
                        .thenComparing(ConstraintInfo::name))
                .map(c -> new RowKey(c.name(), c.columns(), false));
    }

    /**
     * Whether INSERT, UPDATE and DELETE templates make sense: false for a materialized view, whose rows only
     * REFRESH MATERIALIZED VIEW changes. (A view or foreign table may still refuse them at run time.)
     */
    public boolean isModifiable() {
        return table.relation().kind() != ObjectKind.MATERIALIZED_VIEW;
    }

    private void requireModifiable(String statement) {
        if (!isModifiable()) {
            throw new IllegalStateException(table.relation().toSql() + " is a materialized view: " + statement
                    + " cannot change it; REFRESH MATERIALIZED VIEW recomputes its rows");
        }
    }

    private RowKey requireRowKey(String statement) {
        return rowKey().orElseThrow(() ->
                new IllegalStateException(table.relation().toSql()
                        + " has no primary key and no unique constraint over NOT NULL columns, so a row cannot be picked out"
                        + " for " + statement + " by key; add a primary key, or write the WHERE clause by hand"));
    }

    private static String whereKey(RowKey key, List<String> parameters) {
        List<String> conditions = new ArrayList<>();
        for (String column : key.columns()) {
            parameters.add(column);
            conditions.add(Identifiers.quote(column) + " = $" + parameters.size());
        }
        return String.join(" AND ", conditions);
    }

    private String tableName() {
        return table.relation().qualifiedName().toSql();
    }

    private static String columnList(List<ColumnInfo> columns) {
        return String.join(
                ", ", columns.stream().map(c -> Identifiers.quote(c.name())).toList());
    }
}
