package dev.pgdesk.complete;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the relations a statement names in its {@code FROM}, {@code JOIN}, {@code UPDATE}, {@code INTO}
 * and {@code USING} clauses, with their aliases ({@code AS a} or bare {@code a}), plus its CTEs and aliased
 * subqueries as relations whose columns are read from their select lists. Reads the whole statement at
 * every nesting level: cheap, and good enough for a popup.
 */
final class ScopeReader {
    private static final Set<String> ITEM_INTRODUCERS = Set.of("from", "join", "update", "into", "using");
    private static final Set<String> SELECT_LIST_ENDS = Set.of(
            "from",
            "into",
            "where",
            "group",
            "having",
            "order",
            "limit",
            "offset",
            "union",
            "except",
            "intersect",
            "window",
            "fetch",
            "for");

    private final StatementTokens tokens;
    private final CatalogSnapshot snapshot;
    private final Map<String, List<CatalogColumn>> ctes = new HashMap<>();
    private final List<ScopeEntry> cteEntries = new ArrayList<>();
    private final List<ScopeEntry> entries = new ArrayList<>();

    private ScopeReader(StatementTokens tokens, CatalogSnapshot snapshot) {
        this.tokens = tokens;
        this.snapshot = snapshot;
    }

    /** What a statement brings into scope. */
    record Scope(List<ScopeEntry> items, List<ScopeEntry> ctes) {}

    /** The relations in scope in the statement, in the order they appear, and the CTEs it defines. */
    static Scope read(StatementTokens tokens, CatalogSnapshot snapshot) {
        ScopeReader reader = new ScopeReader(tokens, snapshot);
        reader.readCtes();
        reader.readItems();
        return new Scope(List.copyOf(reader.entries), List.copyOf(reader.cteEntries));
    }

    /** {@code WITH [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (query) [, ...]}, anywhere. */
    private void readCtes() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.isWord(i, "with")) {
                continue;
            }
            int at = tokens.isWord(i + 1, "recursive") ? i + 2 : i + 1;
            while (tokens.isName(at)) {
                String name = tokens.name(at);
                at++;
                List<CatalogColumn> listed = null;
                if (tokens.isChar(at, '(')) {
                    int close = tokens.closingParen(at);
                    listed = columnNames(at + 1, close);
                    at = close + 1;
                }
                if (!tokens.isWord(at, "as")) {
                    break;
                }
                at++;
                if (tokens.isWord(at, "not")) {
                    at++;
                }
                if (tokens.isWord(at, "materialized")) {
                    at++;
                }
                if (!tokens.isChar(at, '(')) {
                    break;
                }
                int close = tokens.closingParen(at);
                List<CatalogColumn> columns = listed != null ? listed : selectOutputs(at + 1, close);
                ctes.put(name, columns);
                cteEntries.add(new ScopeEntry(name, "cte " + name, columns));
                at = close + 1;
                if (!tokens.isChar(at, ',')) {
                    break;
                }
                at++;
            }
        }
    }

    private void readItems() {
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.word(i);
            if (!ITEM_INTRODUCERS.contains(word) || (word.equals("using") && tokens.isChar(i + 1, '('))) {
                continue;
            }
            boolean list = word.equals("from") || word.equals("using");
            // After INTO a bracket opens the column list; elsewhere it makes the name a function call.
            boolean target = word.equals("into");
            int at = readItem(i + 1, target);
            while (list && tokens.isChar(at, ',')) {
                at = readItem(at + 1, false);
            }
        }
    }

    /**
     * Reads one FROM item at {@code at}, or an INSERT's {@code target} table; returns the index after it.
     */
    private int readItem(int at, boolean target) {
        while (tokens.isWord(at, "only") || tokens.isWord(at, "lateral")) {
            at++;
        }
        if (tokens.isChar(at, '(')) {
            int close = tokens.closingParen(at);
            List<CatalogColumn> columns = selectOutputs(at + 1, close);
            return readAlias(close + 1, null, "subquery", columns);
        }
        if (!tokens.isName(at)) {
            return at;
        }
        List<String> parts = tokens.dottedName(at);
        int after = tokens.afterDottedName(at);
        if (!target && tokens.isChar(after, '(')) {
            // A function in FROM: only an alias with a column list tells its columns.
            return readAlias(tokens.closingParen(after) + 1, null, "function " + String.join(".", parts), List.of());
        }
        if (tokens.isChar(after, '*')) {
            after++;
        }
        String last = parts.get(parts.size() - 1);
        if (parts.size() == 1 && ctes.containsKey(last)) {
            return readAlias(after, last, "cte " + last, ctes.get(last));
        }
        CatalogRelation relation = resolve(parts);
        if (relation == null) {
            return readAlias(after, null, "", null);
        }
        return readAlias(after, relation.name(), relation.schema() + "." + relation.name(), relation.columns());
    }

    /**
     * Reads an optional alias at {@code at} ({@code AS a}, bare {@code a}, either with a column list) and
     * records the item under it, or under {@code ownName} without one; returns the index after it.
     */
    private int readAlias(int at, String ownName, String description, List<CatalogColumn> columns) {
        String alias = null;
        if (tokens.isWord(at, "as") && tokens.isName(at + 1)) {
            alias = tokens.name(at + 1);
            at += 2;
        } else if (tokens.isPlainName(at)) {
            alias = tokens.name(at);
            at++;
        }
        List<CatalogColumn> known = columns;
        if (alias != null && tokens.isChar(at, '(')) {
            int close = tokens.closingParen(at);
            List<CatalogColumn> renamed = columnNames(at + 1, close);
            known = renameColumns(columns == null ? List.of() : columns, renamed);
            at = close + 1;
        }
        String exposed = alias != null ? alias : ownName;
        if (exposed != null && known != null) {
            entries.add(new ScopeEntry(exposed, description, known));
        }
        return at;
    }

    /** An alias column list renames the leading columns and keeps the rest. */
    private static List<CatalogColumn> renameColumns(List<CatalogColumn> columns, List<CatalogColumn> names) {
        List<CatalogColumn> result = new ArrayList<>();
        for (int i = 0; i < Math.max(columns.size(), names.size()); i++) {
            if (i < names.size()) {
                String type = i < columns.size() ? columns.get(i).type() : "";
                result.add(new CatalogColumn(names.get(i).name(), type));
            } else {
                result.add(columns.get(i));
            }
        }
        return result;
    }

    private CatalogRelation resolve(List<String> parts) {
        return switch (parts.size()) {
            case 1 -> snapshot.visibleRelation(parts.get(0)).orElse(null);
            case 2 -> snapshot.relation(parts.get(0), parts.get(1)).orElse(null);
            case 3 -> snapshot.relation(parts.get(1), parts.get(2)).orElse(null);
            default -> null;
        };
    }

    /** The names of a parenthesised name list between {@code from} and {@code to}. */
    private List<CatalogColumn> columnNames(int from, int to) {
        List<CatalogColumn> names = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (tokens.isName(i) && (i == from || tokens.isChar(i - 1, ','))) {
                names.add(new CatalogColumn(tokens.name(i), ""));
            }
        }
        return names;
    }

    /**
     * The output column names of the query between {@code from} and {@code to}: aliases, plain and
     * qualified column references, and function names as PostgreSQL names unaliased calls.
     */
    List<CatalogColumn> selectOutputs(int from, int to) {
        int select = -1;
        int depth = 0;
        for (int i = from; i < to && select < 0; i++) {
            if (tokens.isChar(i, '(')) {
                depth++;
            } else if (tokens.isChar(i, ')')) {
                depth--;
            } else if (depth == 0 && tokens.isWord(i, "select")) {
                select = i;
            }
        }
        if (select < 0) {
            return List.of();
        }
        int start = select + 1;
        if (tokens.isWord(start, "all")) {
            start++;
        } else if (tokens.isWord(start, "distinct")) {
            start++;
            if (tokens.isWord(start, "on") && tokens.isChar(start + 1, '(')) {
                start = tokens.closingParen(start + 1) + 1;
            }
        }
        List<CatalogColumn> outputs = new ArrayList<>();
        int itemStart = start;
        depth = 0;
        for (int i = start; i <= to; i++) {
            boolean end = i == to;
            if (!end) {
                if (tokens.isChar(i, '(')) {
                    depth++;
                    continue;
                }
                if (tokens.isChar(i, ')')) {
                    depth--;
                    continue;
                }
                if (depth > 0) {
                    continue;
                }
                end = SELECT_LIST_ENDS.contains(tokens.word(i));
            }
            if (end || tokens.isChar(i, ',')) {
                String name = outputName(itemStart, i);
                if (name != null) {
                    outputs.add(new CatalogColumn(name, ""));
                }
                itemStart = i + 1;
                if (end) {
                    break;
                }
            }
        }
        return outputs;
    }

    private String outputName(int from, int to) {
        int last = to - 1;
        if (last < from) {
            return null;
        }
        if (last - from >= 1 && tokens.isWord(last - 1, "as") && tokens.isName(last)) {
            return tokens.name(last);
        }
        if (tokens.isName(last) && (last == from || tokens.isChar(last - 1, '.'))) {
            return tokens.name(last);
        }
        if (tokens.isPlainName(last)
                && last > from
                && !tokens.isChar(last - 1, '.')
                && tokens.token(last - 1).kind() != dev.pgdesk.sql.TokenKind.OPERATOR) {
            return tokens.name(last);
        }
        if (tokens.isName(from) && tokens.isChar(from + 1, '(') && tokens.closingParen(from + 1) == last) {
            return tokens.name(from);
        }
        return null;
    }
}
