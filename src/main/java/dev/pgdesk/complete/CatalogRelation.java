package dev.pgdesk.complete;

import java.util.List;

/**
 * A table-like object completion offers after {@code FROM}, with its columns in table order.
 *
 * @param schema the schema it lives in
 * @param name its name as stored in the catalog (not quoted)
 * @param kind table, view, materialized view, foreign or partitioned table
 * @param partition whether it is a partition of a partitioned table (ranked below other relations)
 * @param columns its columns in {@code attnum} order
 */
public record CatalogRelation(
        String schema, String name, RelationKind kind, boolean partition, List<CatalogColumn> columns) {

    /** Validates the fields and copies the column list. */
    public CatalogRelation {
        if (schema == null || schema.isEmpty() || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a relation needs a schema and a name, got " + schema + "." + name);
        }
        if (kind == null) {
            throw new IllegalArgumentException("relation " + schema + "." + name + " needs a kind");
        }
        columns = List.copyOf(columns);
    }

    /** A relation that is not a partition. */
    public CatalogRelation(String schema, String name, RelationKind kind, List<CatalogColumn> columns) {
        this(schema, name, kind, false, columns);
    }
}
