package dev.pgdesk.explain;

import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.ParameterValue;
import dev.pgdesk.query.RowsResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog query for the sizes of the tables a plan names. Plans name tables without their schema
 * (unless VERBOSE), so a name is matched in every schema: the table the search path finds wins, else the
 * largest of that name (the marks only point things out, so erring towards large is harmless).
 */
final class RelationSizes {
    private RelationSizes() {}

    static BoundStatement lookup(List<String> names) {
        String placeholders = String.join(", ", Collections.nCopies(names.size(), "?"));
        String sql = "SELECT n.nspname, c.relname, c.reltuples::float8, c.relpages::int8, pg_table_is_visible(c.oid)"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'm', 'p', 't') AND c.relname::text IN (" + placeholders + ")";
        List<ParameterValue> values = new ArrayList<>();
        names.forEach(name -> values.add(new ParameterValue("text", name)));
        return new BoundStatement(sql, sql, values);
    }

    static Map<String, RelationSize> byName(RowsResult rows) {
        Map<String, RelationSize> sizes = new HashMap<>();
        Map<String, Boolean> visible = new HashMap<>();
        for (Object[] row : rows.rows()) {
            RelationSize size = new RelationSize(
                    (String) row[0], (String) row[1], Double.parseDouble((String) row[2]), Long.parseLong((String)
                            row[3]));
            // Values arrive as the server's text: booleans as t and f.
            boolean onPath = "t".equals(row[4]);
            RelationSize known = sizes.get(size.name());
            boolean better = known == null
                    || (onPath && !visible.get(size.name()))
                    || (onPath == visible.get(size.name()) && size.rows() > known.rows());
            if (better) {
                sizes.put(size.name(), size);
                visible.put(size.name(), onPath);
            }
        }
        return Map.copyOf(sizes);
    }
}
