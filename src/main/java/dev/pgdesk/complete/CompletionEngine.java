package dev.pgdesk.complete;

import dev.pgdesk.complete.CaretContext.Place;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Schema-aware SQL completion: given a script, a caret offset and a {@link CatalogSnapshot}, what could be
 * typed at the caret, best first. A pure function of its arguments with no I/O, fast enough to run on every
 * keystroke on the UI thread (a few milliseconds for a catalog of thousands of tables).
 *
 * <p>Only the statement at the caret is read (found with the statement splitter). Inside strings,
 * comments, numbers and parameters nothing is offered. What is offered depends on the place:
 *
 * <ul>
 *   <li>statement start: statement keywords ({@code SELECT}, {@code INSERT INTO}, ...);
 *   <li>after {@code FROM}, {@code JOIN}, {@code UPDATE}, {@code INTO}, {@code TABLE}: relations, CTEs and
 *       schemas; after a FROM item: the clauses that may follow;
 *   <li>{@code schema.}: that schema's relations and functions; {@code alias.} or {@code table.}: that
 *       relation's columns (aliases from the statement's FROM and JOIN clauses, CTEs and subqueries);
 *   <li>select list, WHERE, ON, GROUP BY, ORDER BY, SET, ...: columns of the relations in scope, then
 *       functions, then keywords (keywords first right after a complete value, as in {@code a |});
 *   <li>{@code INSERT INTO t (}: t's columns; after {@code CALL}: procedures.
 * </ul>
 *
 * <p>Names are inserted as they must be written: quoted when they hold upper case, special characters or a
 * keyword PostgreSQL reserves; schema-qualified when not found through the search path. A word typed after
 * an opening double quote matches names in their exact case. Keywords come in the case being typed.
 */
public final class CompletionEngine {
    /** The most candidates one result holds; more would not help anyone choose. */
    public static final int MAX_CANDIDATES = 200;

    // How much each place wants each kind of object (0..99), the second most significant part of a score.
    private static final int WANTED = 90;
    private static final int IN_SCOPE_NAME = 80;
    private static final int LIKELY = 60;
    private static final int POSSIBLE = 50;
    private static final int UNLIKELY = 35;
    private static final int OTHER_KEYWORD = 20;
    private static final int PARTITION_PENALTY = 10;

    private CompletionEngine() {}

    /**
     * The candidates at {@code caret} in {@code sql}.
     *
     * @param sql the editor's whole text
     * @param caret the caret offset, 0..length
     * @param snapshot what the database holds; {@link CatalogSnapshot#empty()} offers keywords only
     */
    public static CompletionResult complete(String sql, int caret, CatalogSnapshot snapshot) {
        if (sql == null || snapshot == null) {
            throw new IllegalArgumentException("completion needs the text (\"\" for none) and a snapshot");
        }
        CaretContext context = CaretAnalyzer.analyze(sql, caret);
        if (context.place() == Place.NONE) {
            return CompletionResult.none(caret);
        }
        CandidateCollector collector = new CandidateCollector(context, snapshot);
        new Offers(context, snapshot, collector).collect();
        return new CompletionResult(context.replaceFrom(), context.replaceTo(), collector.best(MAX_CANDIDATES));
    }

    /** Works out and offers the candidates for one context. */
    private static final class Offers {
        private final CaretContext context;
        private final CatalogSnapshot snapshot;
        private final CandidateCollector collector;
        private final boolean typedSomething;

        Offers(CaretContext context, CatalogSnapshot snapshot, CandidateCollector collector) {
            this.context = context;
            this.snapshot = snapshot;
            this.collector = collector;
            this.typedSomething = !context.typed().isEmpty();
        }

        void collect() {
            if (!context.qualifier().isEmpty()) {
                qualified();
                return;
            }
            switch (context.place()) {
                case STATEMENT_START -> {
                    keywords(ContextKeywords.STATEMENT_START, WANTED);
                    otherKeywords();
                }
                case RELATION -> {
                    relations();
                    ctes();
                    schemas();
                    if (typedSomething) {
                        setReturningFunctions();
                    }
                    keywords(ContextKeywords.RELATION_START, UNLIKELY);
                }
                case AFTER_RELATION -> {
                    keywords(ContextKeywords.AFTER_RELATION, WANTED);
                    otherKeywords();
                }
                case EXPRESSION -> expression();
                case INSERT_COLUMNS -> insertColumns();
                case CALL -> {
                    procedures();
                    schemas();
                }
                case KEYWORDS -> {
                    keywords(context.followingKeywords(), WANTED);
                    otherKeywords();
                }
                case OTHER -> {
                    if (typedSomething) {
                        keywords(allKeywords(), POSSIBLE);
                    }
                }
                case NONE -> {
                    // nothing to offer
                }
            }
        }

        private void expression() {
            boolean keywordsFirst = context.afterOperand();
            List<ScopeEntry> scope =
                    ScopeReader.read(context.tokens(), snapshot).items();
            for (ScopeEntry entry : scope) {
                for (CatalogColumn column : entry.columns()) {
                    column(column, entry, keywordsFirst ? LIKELY : WANTED);
                }
                collector.object(
                        entry.exposedName(),
                        null,
                        false,
                        CandidateKind.ALIAS,
                        entry.description(),
                        keywordsFirst ? POSSIBLE : IN_SCOPE_NAME,
                        0);
            }
            functions(keywordsFirst ? POSSIBLE - 5 : LIKELY);
            List<String> following =
                    context.followingKeywords().isEmpty() ? ContextKeywords.AFTER_OPERAND : context.followingKeywords();
            if (keywordsFirst) {
                keywords(following, WANTED);
                keywords(ContextKeywords.OPERAND_START, UNLIKELY);
            } else {
                keywords(ContextKeywords.OPERAND_START, POSSIBLE);
                keywords(following, UNLIKELY);
            }
            otherKeywords();
        }

        private void column(CatalogColumn column, ScopeEntry entry, int category) {
            String where = entry.exposedName();
            String detail = column.type().isEmpty() ? where : column.type() + " · " + where;
            // With nothing typed yet, columns keep the table's order, as the user knows the table.
            int order = context.typed().isEmpty()
                    ? entry.columns().indexOf(column)
                    : column.name().length();
            collector.object(column.name(), null, false, CandidateKind.COLUMN, detail, category, 9, order);
        }

        private void insertColumns() {
            List<String> target = context.insertTarget();
            CatalogRelation relation = resolve(target);
            if (relation == null) {
                return;
            }
            ScopeEntry entry =
                    new ScopeEntry(relation.name(), relation.schema() + "." + relation.name(), relation.columns());
            for (CatalogColumn column : relation.columns()) {
                column(column, entry, WANTED);
            }
        }

        /** After {@code x.} or {@code x.y.}: columns of an alias or relation, or a schema's objects. */
        private void qualified() {
            List<String> qualifier = context.qualifier();
            Place place = context.place();
            if (qualifier.size() == 1) {
                String name = qualifier.get(0);
                if (place != Place.RELATION && place != Place.CALL) {
                    for (ScopeEntry entry :
                            ScopeReader.read(context.tokens(), snapshot).items()) {
                        if (entry.exposedName().equals(name)) {
                            entry.columns().forEach(column -> column(column, entry, WANTED));
                            return;
                        }
                    }
                }
                if (snapshot.hasSchema(name)) {
                    schemaObjects(name, place);
                    return;
                }
            }
            if (place == Place.RELATION || place == Place.CALL) {
                return;
            }
            CatalogRelation relation = resolve(qualifier);
            if (relation != null) {
                ScopeEntry entry =
                        new ScopeEntry(relation.name(), relation.schema() + "." + relation.name(), relation.columns());
                relation.columns().forEach(column -> column(column, entry, WANTED));
            }
        }

        private void schemaObjects(String schema, Place place) {
            if (place == Place.CALL) {
                for (FunctionGroup group : snapshot.functionGroups()) {
                    if (group.schema().equals(schema) && group.isProcedure()) {
                        function(group, false, WANTED);
                    }
                }
                return;
            }
            boolean relationPlace = place == Place.RELATION;
            for (CatalogRelation relation : snapshot.relationsIn(schema)) {
                collector.object(
                        relation.name(),
                        schema,
                        false,
                        CandidateKind.of(relation.kind()),
                        relation.kind().description(),
                        (relationPlace ? WANTED : LIKELY) - (relation.partition() ? PARTITION_PENALTY : 0),
                        9);
            }
            for (FunctionGroup group : snapshot.functionGroups()) {
                if (!group.schema().equals(schema) || group.isProcedure()) {
                    continue;
                }
                if (!relationPlace) {
                    function(group, false, WANTED);
                } else if (group.returnsSet()) {
                    function(group, false, UNLIKELY);
                }
            }
        }

        private void relations() {
            for (CatalogRelation relation : snapshot.relations()) {
                boolean visible = snapshot.isVisible(relation);
                boolean system = isSystemSchema(relation.schema());
                int category;
                if (visible) {
                    category = system ? UNLIKELY + 5 : WANTED;
                } else {
                    category = system ? UNLIKELY : LIKELY;
                }
                if (relation.partition()) {
                    category -= PARTITION_PENALTY;
                }
                collector.object(
                        relation.name(),
                        relation.schema(),
                        !visible,
                        CandidateKind.of(relation.kind()),
                        relation.kind().description() + " in " + relation.schema(),
                        category,
                        pathRank(relation.schema()));
            }
        }

        private void ctes() {
            for (ScopeEntry entry : ScopeReader.read(context.tokens(), snapshot).ctes()) {
                collector.object(
                        entry.exposedName(), null, false, CandidateKind.ALIAS, entry.description(), WANTED + 5, 9);
            }
        }

        private void schemas() {
            for (String schema : snapshot.schemas()) {
                boolean system = isSystemSchema(schema) || schema.startsWith("pg_");
                collector.object(
                        schema,
                        null,
                        false,
                        CandidateKind.SCHEMA,
                        "schema",
                        system ? UNLIKELY - 5 : LIKELY + 5,
                        pathRank(schema));
            }
        }

        private void functions(int category) {
            for (FunctionGroup group : snapshot.functionGroups()) {
                if (group.isProcedure()) {
                    continue;
                }
                boolean visible = isOnPath(group.schema());
                // Thousands of built-in functions would bury the keywords until a prefix narrows them.
                if (!typedSomething && (!visible || isSystemSchema(group.schema()))) {
                    continue;
                }
                function(group, !visible, visible ? category : category - 20);
            }
        }

        private void setReturningFunctions() {
            for (FunctionGroup group : snapshot.functionGroups()) {
                if (group.returnsSet()) {
                    boolean visible = isOnPath(group.schema());
                    function(group, !visible, visible ? UNLIKELY : UNLIKELY - 10);
                }
            }
        }

        private void procedures() {
            for (FunctionGroup group : snapshot.functionGroups()) {
                if (group.isProcedure()) {
                    boolean visible = isOnPath(group.schema());
                    function(group, !visible, visible ? WANTED : LIKELY);
                }
            }
        }

        private void function(FunctionGroup group, boolean qualify, int category) {
            CatalogFunction first = group.overloads().get(0);
            collector.object(
                    group.name(),
                    group.schema(),
                    qualify,
                    CandidateKind.of(first.kind()),
                    group.detail(),
                    category,
                    pathRank(group.schema()));
        }

        private void keywords(List<String> phrases, int category) {
            for (int i = 0; i < phrases.size(); i++) {
                collector.keyword(phrases.get(i), category, i);
            }
        }

        /** Every keyword, ranked low, once a prefix narrows them down. */
        private void otherKeywords() {
            if (typedSomething) {
                keywords(allKeywords(), OTHER_KEYWORD);
            }
        }

        private List<String> allKeywords() {
            if (!snapshot.keywords().isEmpty()) {
                return snapshot.keywords();
            }
            Set<String> known = new LinkedHashSet<>(ContextKeywords.STATEMENT_START);
            known.addAll(ContextKeywords.AFTER_RELATION);
            known.addAll(ContextKeywords.AFTER_OPERAND);
            known.addAll(ContextKeywords.OPERAND_START);
            return List.copyOf(known);
        }

        private CatalogRelation resolve(List<String> parts) {
            return switch (parts.size()) {
                case 1 -> snapshot.visibleRelation(parts.get(0)).orElse(null);
                case 2 -> snapshot.relation(parts.get(0), parts.get(1)).orElse(null);
                case 3 -> snapshot.relation(parts.get(1), parts.get(2)).orElse(null);
                default -> null;
            };
        }

        private boolean isOnPath(String schema) {
            return schema.equals("pg_catalog") || snapshot.searchPathIndex(schema) >= 0;
        }

        /** 9 for the search path's first schema, less for later ones, 2 for pg_catalog, 0 elsewhere. */
        private int pathRank(String schema) {
            int index = snapshot.searchPathIndex(schema);
            if (index >= 0) {
                return 9 - Math.min(index, 6);
            }
            return schema.equals("pg_catalog") ? 2 : 0;
        }

        private static boolean isSystemSchema(String schema) {
            return schema.equals("pg_catalog") || schema.equals("information_schema");
        }
    }
}
