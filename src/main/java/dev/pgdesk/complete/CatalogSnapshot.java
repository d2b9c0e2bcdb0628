package dev.pgdesk.complete;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable picture of what completion needs from one database: schemas, relations with their columns,
 * functions, the search path and the server's keywords. Built by {@link CatalogLoader} (or in code for
 * tests), cached by {@link SnapshotCache}, read by {@link CompletionEngine} from any thread.
 */
public final class CatalogSnapshot {
    private static final CatalogSnapshot EMPTY =
            new CatalogSnapshot(List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), null);

    private final List<String> schemas;
    private final List<CatalogRelation> relations;
    private final List<CatalogFunction> functions;
    private final List<String> searchPath;
    private final List<String> keywords;
    private final Set<String> quotedKeywords;
    private final Instant loadedAt;

    private final Map<String, List<CatalogRelation>> relationsBySchema = new HashMap<>();
    private final Map<String, CatalogRelation> relationsByQualifiedName = new HashMap<>();
    private final Map<String, List<CatalogFunction>> functionsBySchema = new HashMap<>();
    private final List<String> resolutionPath;
    private final List<FunctionGroup> functionGroups;
    private final Map<String, CatalogRelation> visibleByName = new HashMap<>();

    private CatalogSnapshot(
            List<String> schemas,
            List<CatalogRelation> relations,
            List<CatalogFunction> functions,
            List<String> searchPath,
            List<String> keywords,
            Set<String> quotedKeywords,
            Instant loadedAt) {
        this.schemas = List.copyOf(schemas);
        this.relations = List.copyOf(relations);
        this.functions = List.copyOf(functions);
        this.searchPath = List.copyOf(searchPath);
        this.keywords = List.copyOf(keywords);
        this.quotedKeywords = Set.copyOf(quotedKeywords);
        this.loadedAt = loadedAt;
        for (CatalogRelation relation : this.relations) {
            relationsBySchema
                    .computeIfAbsent(relation.schema(), s -> new ArrayList<>())
                    .add(relation);
            relationsByQualifiedName.putIfAbsent(key(relation.schema(), relation.name()), relation);
        }
        Map<String, List<CatalogFunction>> overloads = new LinkedHashMap<>();
        for (CatalogFunction function : this.functions) {
            functionsBySchema
                    .computeIfAbsent(function.schema(), s -> new ArrayList<>())
                    .add(function);
            overloads
                    .computeIfAbsent(key(function.schema(), function.name()), k -> new ArrayList<>())
                    .add(function);
        }
        List<FunctionGroup> groups = new ArrayList<>(overloads.size());
        for (List<CatalogFunction> group : overloads.values()) {
            CatalogFunction first = group.get(0);
            groups.add(new FunctionGroup(first.schema(), first.name(), List.copyOf(group)));
        }
        this.functionGroups = List.copyOf(groups);
        // PostgreSQL searches pg_catalog first unless the path names it somewhere else.
        List<String> path = new ArrayList<>();
        if (!this.searchPath.contains("pg_catalog")) {
            path.add("pg_catalog");
        }
        path.addAll(this.searchPath);
        this.resolutionPath = List.copyOf(path);
        for (CatalogRelation relation : this.relations) {
            visibleByName.computeIfAbsent(relation.name(), this::resolve);
        }
    }

    /**
     * A snapshot of what was read from the catalogs.
     *
     * @param schemas schema names
     * @param relations tables, views, materialized views, foreign and partitioned tables with their columns
     * @param functions functions, aggregates, window functions and procedures, one entry per overload
     * @param searchPath {@code current_schemas(false)}: the existing schemas of the search path, in order
     * @param keywords the server's keywords ({@code pg_get_keywords()}), lower case
     * @param quotedKeywords the keywords {@code quote_ident} quotes (all but the unreserved ones), lower case
     * @param loadedAt when the catalogs were read
     */
    public static CatalogSnapshot of(
            List<String> schemas,
            List<CatalogRelation> relations,
            List<CatalogFunction> functions,
            List<String> searchPath,
            List<String> keywords,
            Set<String> quotedKeywords,
            Instant loadedAt) {
        if (loadedAt == null) {
            throw new IllegalArgumentException("a loaded snapshot needs the time it was loaded");
        }
        return new CatalogSnapshot(schemas, relations, functions, searchPath, keywords, quotedKeywords, loadedAt);
    }

    /** The snapshot before anything was loaded: no objects, so completion offers keywords only. */
    public static CatalogSnapshot empty() {
        return EMPTY;
    }

    /** Whether nothing was loaded yet. */
    public boolean isEmpty() {
        return loadedAt == null;
    }

    /** When the catalogs were read; empty for {@link #empty()}. */
    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(loadedAt);
    }

    public List<String> schemas() {
        return schemas;
    }

    public List<CatalogRelation> relations() {
        return relations;
    }

    public List<CatalogFunction> functions() {
        return functions;
    }

    /** The search path's existing schemas in order, as {@code current_schemas(false)} reported them. */
    public List<String> searchPath() {
        return searchPath;
    }

    public List<String> keywords() {
        return keywords;
    }

    /** Keywords that a name spelled the same must be double-quoted for; lower case. */
    public Set<String> quotedKeywords() {
        return quotedKeywords;
    }

    /** The relations of {@code schema} (exact, case-sensitive name); empty for an unknown schema. */
    public List<CatalogRelation> relationsIn(String schema) {
        return relationsBySchema.getOrDefault(schema, List.of());
    }

    /** The functions of {@code schema}, one per overload; empty for an unknown schema. */
    public List<CatalogFunction> functionsIn(String schema) {
        return functionsBySchema.getOrDefault(schema, List.of());
    }

    /** Whether a schema of exactly this name exists. */
    public boolean hasSchema(String schema) {
        return schemas.contains(schema) || relationsBySchema.containsKey(schema);
    }

    /** The relation {@code schema.name} (exact names). */
    public Optional<CatalogRelation> relation(String schema, String name) {
        return Optional.ofNullable(relationsByQualifiedName.get(key(schema, name)));
    }

    /** The relation an unqualified {@code name} means: the first found along pg_catalog and the search path. */
    public Optional<CatalogRelation> visibleRelation(String name) {
        return Optional.ofNullable(visibleByName.get(name));
    }

    /** Whether {@code relation} is the one its bare name finds, so it needs no schema in front. */
    public boolean isVisible(CatalogRelation relation) {
        return visibleByName.get(relation.name()) == relation;
    }

    private CatalogRelation resolve(String name) {
        for (String schema : resolutionPath) {
            CatalogRelation relation = relationsByQualifiedName.get(key(schema, name));
            if (relation != null) {
                return relation;
            }
        }
        return null;
    }

    /**
     * Where {@code schema} stands on the search path: 0 for the first schema, -1 when it is not on the path
     * ({@code pg_catalog} counts as on the path only when the path names it).
     */
    public int searchPathIndex(String schema) {
        return searchPath.indexOf(schema);
    }

    /** The objects per kind, for logs: "12 schemas, 2040 relations, 20400 columns, 3300 functions". */
    public String summary() {
        long columns = relations.stream().mapToLong(r -> r.columns().size()).sum();
        return schemas.size() + " schemas, " + relations.size() + " relations, " + columns + " columns, "
                + functions.size() + " functions";
    }

    /** The functions grouped by schema and name, for offering each name once. */
    List<FunctionGroup> functionGroups() {
        return functionGroups;
    }

    /** Whether {@code word} (any case) is a keyword {@code quote_ident} would quote. */
    boolean isQuotedKeyword(String word) {
        return quotedKeywords.contains(word.toLowerCase(Locale.ROOT));
    }

    private static String key(String schema, String name) {
        return schema + '\u0000' + name;
    }

    @Override
    public String toString() {
        return isEmpty() ? "CatalogSnapshot[empty]" : "CatalogSnapshot[" + summary() + ", loaded " + loadedAt + "]";
    }
}
