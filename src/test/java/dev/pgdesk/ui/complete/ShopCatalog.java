package dev.pgdesk.ui.complete;

import dev.pgdesk.complete.CatalogColumn;
import dev.pgdesk.complete.CatalogFunction;
import dev.pgdesk.complete.CatalogRelation;
import dev.pgdesk.complete.CatalogSnapshot;
import dev.pgdesk.complete.FunctionKind;
import dev.pgdesk.complete.RelationKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A small catalog built in code for the completion popup's tests: customers, orders, labels. */
final class ShopCatalog {
    private ShopCatalog() {}

    static CatalogSnapshot snapshot() {
        List<CatalogRelation> relations = List.of(
                table("customers", "id", "integer", "name", "text", "email", "text", "country", "text"),
                table("orders", "id", "integer", "customer_id", "integer", "total", "numeric(12,2)"),
                table("order_lines", "order_id", "integer", "qty", "integer"),
                table("labels", "id", "integer", "caption", "text"));
        List<CatalogFunction> functions = List.of(
                new CatalogFunction("pg_catalog", "count", "\"any\"", "bigint", FunctionKind.AGGREGATE),
                new CatalogFunction("pg_catalog", "coalesce", "anyelement", "anyelement", FunctionKind.NORMAL));
        return CatalogSnapshot.of(
                List.of("pg_catalog", "public"),
                relations,
                functions,
                List.of("public"),
                List.of("select", "from", "where", "order", "by", "lateral", "only", "as", "and", "or"),
                Set.of("select", "from", "where", "order", "as", "and", "or"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A table in public; {@code columns} alternates names and types. */
    private static CatalogRelation table(String name, String... columns) {
        List<CatalogColumn> list = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i += 2) {
            list.add(new CatalogColumn(columns[i], columns[i + 1]));
        }
        return new CatalogRelation("public", name, RelationKind.TABLE, list);
    }
}
