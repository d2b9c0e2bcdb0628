package dev.pgdesk.complete;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Catalog snapshots built in code, for completion tests without a server. */
final class SampleCatalog {
    private SampleCatalog() {}

    static CatalogColumn column(String name, String type) {
        return new CatalogColumn(name, type);
    }

    static CatalogRelation table(String schema, String name, CatalogColumn... columns) {
        return new CatalogRelation(schema, name, RelationKind.TABLE, List.of(columns));
    }

    /** A small shop: users and orders in public, invoices in sales, a quoted mixed-case table, a table named "user". */
    static CatalogSnapshot shop() {
        List<CatalogRelation> relations = List.of(
                table(
                        "public",
                        "users",
                        column("id", "integer"),
                        column("name", "text"),
                        column("email", "text"),
                        column("created_at", "timestamp with time zone")),
                table(
                        "public",
                        "orders",
                        column("id", "integer"),
                        column("user_id", "integer"),
                        column("total", "numeric(12,2)"),
                        column("status", "text")),
                table("public", "order_items", column("order_id", "integer"), column("qty", "integer")),
                table("public", "customer_orders", column("id", "integer")),
                table("public", "records", column("id", "integer")),
                table("public", "UserAccounts", column("AccountId", "integer"), column("display name", "text")),
                table("public", "user", column("id", "integer")),
                new CatalogRelation(
                        "public",
                        "active_users",
                        RelationKind.VIEW,
                        List.of(column("id", "integer"), column("name", "text"))),
                table("sales", "invoices", column("id", "integer"), column("amount", "numeric")),
                table("sales", "order_notes", column("note", "text")),
                table("pg_catalog", "pg_class", column("oid", "oid"), column("relname", "name")));
        List<CatalogFunction> functions = List.of(
                new CatalogFunction("public", "order_total", "order_id integer", "numeric", FunctionKind.NORMAL),
                new CatalogFunction("public", "archive_orders", "before date", "", FunctionKind.PROCEDURE),
                new CatalogFunction("sales", "invoice_sum", "invoice integer", "numeric", FunctionKind.NORMAL),
                new CatalogFunction("pg_catalog", "count", "\"any\"", "bigint", FunctionKind.AGGREGATE),
                new CatalogFunction("pg_catalog", "count", "", "bigint", FunctionKind.AGGREGATE),
                new CatalogFunction("pg_catalog", "lower", "text", "text", FunctionKind.NORMAL),
                new CatalogFunction("pg_catalog", "now", "", "timestamp with time zone", FunctionKind.NORMAL),
                new CatalogFunction(
                        "pg_catalog", "generate_series", "integer, integer", "SETOF integer", FunctionKind.NORMAL),
                new CatalogFunction("pg_catalog", "row_number", "", "bigint", FunctionKind.WINDOW));
        return CatalogSnapshot.of(
                List.of("information_schema", "pg_catalog", "public", "sales"),
                relations,
                functions,
                List.of("public"),
                List.of("as", "from", "group", "insert", "into", "order", "select", "update", "user", "where"),
                Set.of("as", "from", "group", "into", "order", "select", "user", "where"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** {@code tables} tables of {@code columns} columns each in public, plus {@code functions} functions. */
    static CatalogSnapshot large(int tables, int columns, int functions) {
        List<CatalogRelation> relations = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            List<CatalogColumn> cols = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                cols.add(column("col_" + t + "_" + c, c % 2 == 0 ? "integer" : "text"));
            }
            relations.add(new CatalogRelation("public", "table_" + t, RelationKind.TABLE, cols));
        }
        List<CatalogFunction> routines = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            routines.add(new CatalogFunction(
                    f % 3 == 0 ? "public" : "pg_catalog",
                    "func_" + (f / 2),
                    "integer",
                    "integer",
                    FunctionKind.NORMAL));
        }
        return CatalogSnapshot.of(
                List.of("pg_catalog", "public"),
                relations,
                routines,
                List.of("public"),
                shop().keywords(),
                shop().quotedKeywords(),
                Instant.now());
    }
}
