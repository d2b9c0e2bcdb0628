package dev.pgdesk.complete;

import java.util.List;
import java.util.Map;

/**
 * The keywords worth offering in each place, best first, in upper case. Phrases ({@code INSERT INTO},
 * {@code GROUP BY}) are offered whole because that is how they are typed. Any other keyword of the
 * server is still offered, lower ranked, once the user has typed a prefix.
 */
final class ContextKeywords {
    private ContextKeywords() {}

    static final List<String> STATEMENT_START = List.of(
            "SELECT",
            "INSERT INTO",
            "UPDATE",
            "DELETE FROM",
            "WITH",
            "CREATE",
            "ALTER",
            "DROP",
            "TRUNCATE",
            "EXPLAIN",
            "EXPLAIN ANALYZE",
            "BEGIN",
            "COMMIT",
            "ROLLBACK",
            "GRANT",
            "REVOKE",
            "VACUUM",
            "ANALYZE",
            "COPY",
            "SET",
            "SHOW",
            "RESET",
            "CALL",
            "DO",
            "VALUES",
            "TABLE",
            "MERGE INTO",
            "COMMENT ON",
            "REFRESH MATERIALIZED VIEW",
            "REINDEX",
            "CLUSTER",
            "LOCK TABLE",
            "SAVEPOINT",
            "RELEASE SAVEPOINT",
            "START TRANSACTION",
            "PREPARE",
            "EXECUTE",
            "DEALLOCATE",
            "DECLARE",
            "FETCH",
            "CLOSE",
            "LISTEN",
            "NOTIFY",
            "UNLISTEN");

    /** After a complete operand in an expression: what can follow a value. */
    static final List<String> AFTER_OPERAND = List.of(
            "FROM",
            "AS",
            "AND",
            "OR",
            "WHERE",
            "IS NULL",
            "IS NOT NULL",
            "IN",
            "NOT IN",
            "BETWEEN",
            "LIKE",
            "ILIKE",
            "GROUP BY",
            "ORDER BY",
            "HAVING",
            "LIMIT",
            "OFFSET",
            "ASC",
            "DESC",
            "NULLS FIRST",
            "NULLS LAST",
            "THEN",
            "ELSE",
            "END",
            "WHEN",
            "JOIN",
            "LEFT JOIN",
            "UNION",
            "UNION ALL",
            "EXCEPT",
            "INTERSECT",
            "RETURNING",
            "COLLATE",
            "FILTER",
            "OVER",
            "IS DISTINCT FROM",
            "SIMILAR TO",
            "ON CONFLICT",
            "FOR UPDATE");

    /** After a complete operand in a condition (WHERE, ON, HAVING, SET, WHEN): what can follow it there. */
    static final List<String> AFTER_CONDITION_OPERAND = List.of(
            "AND",
            "OR",
            "IS NULL",
            "IS NOT NULL",
            "IN",
            "NOT IN",
            "BETWEEN",
            "LIKE",
            "ILIKE",
            "IS DISTINCT FROM",
            "SIMILAR TO",
            "THEN",
            "ELSE",
            "END",
            "WHEN",
            "ORDER BY",
            "GROUP BY",
            "HAVING",
            "LIMIT",
            "OFFSET",
            "RETURNING",
            "JOIN",
            "LEFT JOIN",
            "UNION",
            "COLLATE",
            "FOR UPDATE",
            "WHERE",
            "FROM");

    /** Where a value starts. */
    static final List<String> OPERAND_START = List.of(
            "CASE",
            "NOT",
            "NULL",
            "TRUE",
            "FALSE",
            "DISTINCT",
            "EXISTS",
            "CAST",
            "SELECT",
            "CURRENT_DATE",
            "CURRENT_TIMESTAMP",
            "CURRENT_USER",
            "INTERVAL",
            "ARRAY",
            "ROW",
            "DEFAULT");

    /** After a FROM or JOIN item. */
    static final List<String> AFTER_RELATION = List.of(
            "WHERE",
            "JOIN",
            "LEFT JOIN",
            "INNER JOIN",
            "RIGHT JOIN",
            "FULL JOIN",
            "CROSS JOIN",
            "ON",
            "USING",
            "AS",
            "GROUP BY",
            "ORDER BY",
            "LIMIT",
            "OFFSET",
            "SET",
            "VALUES",
            "SELECT",
            "DEFAULT VALUES",
            "RETURNING",
            "UNION",
            "WINDOW",
            "FOR UPDATE",
            "TABLESAMPLE");

    /** Where a relation is expected, besides the relations themselves. */
    static final List<String> RELATION_START = List.of("LATERAL", "ONLY");

    private static final List<String> OBJECT_TYPES = List.of(
            "TABLE",
            "VIEW",
            "MATERIALIZED VIEW",
            "INDEX",
            "SCHEMA",
            "FUNCTION",
            "PROCEDURE",
            "SEQUENCE",
            "TYPE",
            "EXTENSION",
            "TRIGGER",
            "ROLE",
            "DATABASE",
            "DOMAIN",
            "POLICY");

    /** What follows a word that is always followed by one of a few words. */
    static final Map<String, List<String>> FOLLOWING = Map.ofEntries(
            Map.entry("insert", List.of("INTO")),
            Map.entry("delete", List.of("FROM")),
            Map.entry("merge", List.of("INTO")),
            Map.entry("group", List.of("BY")),
            Map.entry("order", List.of("BY")),
            Map.entry("partition", List.of("BY")),
            Map.entry("left", List.of("JOIN", "OUTER JOIN")),
            Map.entry("right", List.of("JOIN", "OUTER JOIN")),
            Map.entry("full", List.of("JOIN", "OUTER JOIN")),
            Map.entry("inner", List.of("JOIN")),
            Map.entry("cross", List.of("JOIN")),
            Map.entry("natural", List.of("JOIN", "LEFT JOIN")),
            Map.entry("is", List.of("NULL", "NOT NULL", "TRUE", "FALSE", "DISTINCT FROM", "NOT DISTINCT FROM")),
            Map.entry("or", List.of("REPLACE")),
            Map.entry("create", concat(List.of("OR REPLACE", "UNIQUE INDEX", "TEMPORARY TABLE"), OBJECT_TYPES)),
            Map.entry("alter", OBJECT_TYPES),
            Map.entry("drop", OBJECT_TYPES),
            Map.entry("comment", List.of("ON")),
            Map.entry("begin", List.of("TRANSACTION", "ISOLATION LEVEL")),
            Map.entry("refresh", List.of("MATERIALIZED VIEW")));

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
