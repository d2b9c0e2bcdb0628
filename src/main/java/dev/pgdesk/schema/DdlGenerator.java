package dev.pgdesk.schema;

import dev.pgdesk.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL of an object, as SQL that recreates it. Tables are reconstructed from the catalogs (columns with
 * types, collations, defaults, identity, generated expressions and NOT NULL; primary key, unique, exclusion,
 * check and foreign-key constraints; then the other indexes, triggers and comments); views, functions,
 * indexes and triggers come from the server's own {@code pg_get_*def} functions.
 *
 * <p>Names outside {@code pg_catalog} are written schema-qualified, as pg_dump does: the catalogs are read
 * with {@code search_path} set to {@code pg_catalog} for the duration of the call (in a transaction, or in a
 * savepoint when the connection is already in one, which is rolled back), so the DDL does not depend on the
 * reader's search path. A partition is written as {@code PARTITION OF} its parent with its bound, an
 * inheriting table with {@code INHERITS}; what it inherits (columns, constraints, partition indexes, cloned
 * triggers) is left to the parent. Ownership, grants, column options of partitions and the parameters of
 * identity sequences are not reproduced.
 */
public final class DdlGenerator {
    private final Connection connection;

    /** A generator on {@code connection}, which stays the caller's to close. */
    public DdlGenerator(Connection connection) {
        this.connection = connection;
    }

    /** The DDL of any object the navigator shows, or of a trigger. */
    public String ddl(DatabaseObject object) throws SQLException {
        if (object instanceof TriggerName trigger) {
            return triggerDdl(trigger);
        }
        SchemaObject schemaObject = (SchemaObject) object;
        QualifiedName name = schemaObject.qualifiedName();
        return switch (schemaObject.kind()) {
            case TABLE, FOREIGN_TABLE -> tableDdl(name);
            case VIEW, MATERIALIZED_VIEW -> viewDdl(name);
            case SEQUENCE -> sequenceDdl(name);
            case FUNCTION, PROCEDURE -> routineDdl(schemaObject);
            case ENUM_TYPE, COMPOSITE_TYPE, DOMAIN -> typeDdl(name);
            case INDEX -> indexDdl(name);
            case TRIGGER -> throw new IllegalArgumentException("A trigger is named by its table: use TriggerName");
        };
    }

    /** {@code CREATE TABLE} (or {@code CREATE FOREIGN TABLE}) with constraints, then indexes, triggers, comments. */
    public String tableDdl(QualifiedName table) throws SQLException {
        return qualified(() -> {
            CatalogReader catalog = new CatalogReader(connection);
            long oid = catalog.relationOid(table);
            TableDetails details = catalog.tableDetails(table);
            ObjectKind kind = details.relation().kind();
            if (kind != ObjectKind.TABLE && kind != ObjectKind.FOREIGN_TABLE) {
                throw new ObjectNotFoundException(table.toSql() + " is a " + kind.label() + ", not a table");
            }
            RelationFacts facts = relationFacts(oid);
            boolean partition = !facts.partitionBound.isEmpty();
            StringBuilder sql = new StringBuilder("CREATE ");
            if (kind == ObjectKind.FOREIGN_TABLE) {
                sql.append("FOREIGN ");
            } else if (facts.unlogged) {
                sql.append("UNLOGGED ");
            }
            sql.append("TABLE ").append(table.toSql());
            List<String> lines = new ArrayList<>();
            // A partition takes its columns from the parent; its own may only add options, left out here.
            if (!partition) {
                for (ColumnInfo column : details.columns()) {
                    if (!column.inherited()) {
                        lines.add(columnDefinition(table.name(), column));
                    }
                }
            }
            for (ConstraintInfo constraint : details.constraints()) {
                if (!constraint.inherited()) {
                    lines.add("CONSTRAINT " + Identifiers.quote(constraint.name()) + " " + constraint.definition());
                }
            }
            String body = lines.isEmpty() ? "" : "\n    " + String.join(",\n    ", lines) + "\n";
            if (partition) {
                sql.append(" PARTITION OF ").append(facts.parents.get(0));
                if (!body.isEmpty()) {
                    sql.append(" (").append(body).append(")");
                }
                sql.append("\n").append(facts.partitionBound);
            } else {
                sql.append(" (").append(body).append(")");
                if (!facts.parents.isEmpty()) {
                    sql.append("\nINHERITS (")
                            .append(String.join(", ", facts.parents))
                            .append(")");
                }
            }
            if (!facts.partitionKey.isEmpty()) {
                sql.append("\nPARTITION BY ").append(facts.partitionKey);
            }
            if (kind == ObjectKind.FOREIGN_TABLE) {
                sql.append("\nSERVER ").append(Identifiers.quote(facts.foreignServer));
                if (!facts.foreignOptions.isEmpty()) {
                    sql.append("\nOPTIONS (")
                            .append(String.join(", ", facts.foreignOptions))
                            .append(")");
                }
            }
            if (!facts.options.isEmpty()) {
                sql.append("\nWITH (").append(String.join(", ", facts.options)).append(")");
            }
            sql.append(";\n");
            appendIndexesTriggersComments(sql, details, kind.label().toUpperCase(java.util.Locale.ROOT));
            return sql.toString();
        });
    }

    private static String columnDefinition(String table, ColumnInfo column) {
        StringBuilder line =
                new StringBuilder(Identifiers.quote(column.name())).append(' ').append(column.type());
        if (!column.collation().isEmpty()) {
            line.append(" COLLATE ").append(column.collation());
        }
        switch (column.identity()) {
            case ALWAYS -> line.append(" GENERATED ALWAYS AS IDENTITY");
            case BY_DEFAULT -> line.append(" GENERATED BY DEFAULT AS IDENTITY");
            case NONE -> {}
        }
        switch (column.generation()) {
            case STORED ->
                line.append(" GENERATED ALWAYS AS (")
                        .append(column.generationExpression())
                        .append(") STORED");
            case VIRTUAL ->
                line.append(" GENERATED ALWAYS AS (")
                        .append(column.generationExpression())
                        .append(") VIRTUAL");
            case NONE -> {}
        }
        if (!column.defaultExpression().isEmpty()) {
            line.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.notNull()) {
            // PostgreSQL 18 names NOT NULL constraints; a name other than the one it would choose is kept.
            String constraint = column.notNullConstraint();
            if (!constraint.isEmpty() && !constraint.equals(table + "_" + column.name() + "_not_null")) {
                line.append(" CONSTRAINT ").append(Identifiers.quote(constraint));
            }
            line.append(" NOT NULL");
        }
        return line.toString();
    }

    private void appendIndexesTriggersComments(StringBuilder sql, TableDetails details, String commentKeyword) {
        QualifiedName name = details.relation().qualifiedName();
        for (IndexInfo index : details.indexes()) {
            if (!index.constraint() && !index.inherited()) {
                // ON ONLY (a partitioned table's index, deparsed as pg_dump needs it) would create an index
                // that stays invalid; without ONLY it covers the partitions created later.
                sql.append(index.definition().replaceFirst(" ON ONLY ", " ON ")).append(";\n");
            }
        }
        for (TriggerInfo trigger : details.triggers()) {
            if (trigger.inherited()) {
                continue;
            }
            sql.append(trigger.definition()).append(";\n");
            if (!trigger.enabled()) {
                sql.append("ALTER TABLE ")
                        .append(name.toSql())
                        .append(" DISABLE TRIGGER ")
                        .append(Identifiers.quote(trigger.name()))
                        .append(";\n");
            }
        }
        if (!details.relation().comment().isEmpty()) {
            sql.append("COMMENT ON ")
                    .append(commentKeyword)
                    .append(' ')
                    .append(name.toSql())
                    .append(" IS ")
                    .append(Identifiers.literal(details.relation().comment()))
                    .append(";\n");
        }
        for (ColumnInfo column : details.columns()) {
            if (!column.comment().isEmpty()) {
                sql.append("COMMENT ON COLUMN ")
                        .append(name.toSql())
                        .append('.')
                        .append(Identifiers.quote(column.name()))
                        .append(" IS ")
                        .append(Identifiers.literal(column.comment()))
                        .append(";\n");
            }
        }
    }

    /** {@code CREATE VIEW} or {@code CREATE MATERIALIZED VIEW} from {@code pg_get_viewdef}, with indexes and comments. */
    public String viewDdl(QualifiedName view) throws SQLException {
        return qualified(() -> {
            CatalogReader catalog = new CatalogReader(connection);
            long oid = catalog.relationOid(view);
            TableDetails details = catalog.tableDetails(view);
            ObjectKind kind = details.relation().kind();
            if (kind != ObjectKind.VIEW && kind != ObjectKind.MATERIALIZED_VIEW) {
                throw new ObjectNotFoundException(view.toSql() + " is a " + kind.label() + ", not a view");
            }
            RelationFacts facts = relationFacts(oid);
            String definition = stripSemicolon(single("SELECT pg_catalog.pg_get_viewdef(?::oid, true)", oid));
            StringBuilder sql = new StringBuilder("CREATE ");
            sql.append(kind == ObjectKind.VIEW ? "VIEW " : "MATERIALIZED VIEW ").append(view.toSql());
            if (!facts.options.isEmpty()) {
                sql.append(" WITH (").append(String.join(", ", facts.options)).append(")");
            }
            sql.append(" AS\n").append(definition);
            if (kind == ObjectKind.MATERIALIZED_VIEW) {
                sql.append(facts.populated ? "\nWITH DATA" : "\nWITH NO DATA");
            }
            sql.append(";\n");
            appendIndexesTriggersComments(sql, details, kind == ObjectKind.VIEW ? "VIEW" : "MATERIALIZED VIEW");
            return sql.toString();
        });
    }

    /** The function or procedure's {@code CREATE OR REPLACE} from {@code pg_get_functiondef}, and its comment. */
    public String routineDdl(SchemaObject routine) throws SQLException {
        if (!routine.kind().isRoutine()) {
            throw new IllegalArgumentException(routine.toSql() + " is not a function or procedure");
        }
        String sql = "SELECT p.oid, pg_catalog.obj_description(p.oid, 'pg_proc')"
                + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = ? AND p.proname = ?"
                + " AND pg_catalog.oidvectortypes(p.proargtypes) = ?";
        long oid;
        String comment;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, routine.schema());
            s.setString(2, routine.name());
            s.setString(3, routine.arguments());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ObjectNotFoundException("There is no "
                            + routine.kind().label() + " " + routine.toSql() + " (any more). Refresh the navigator.");
                }
                oid = rs.getLong(1);
                comment = CatalogReader.text(rs, 2);
            }
        }
        // Found with the caller's search path (as the arguments were written); deparsed with qualified names.
        return qualified(() -> {
            String signature = single("SELECT ?::oid::regprocedure::text", oid);
            StringBuilder ddl = new StringBuilder(stripSemicolon(
                    single("SELECT pg_catalog.pg_get_functiondef(?::oid)", oid).strip()));
            ddl.append(";\n");
            if (!comment.isEmpty()) {
                ddl.append("COMMENT ON ")
                        .append(routine.kind() == ObjectKind.PROCEDURE ? "PROCEDURE " : "FUNCTION ")
                        .append(signature)
                        .append(" IS ")
                        .append(Identifiers.literal(comment))
                        .append(";\n");
            }
            return ddl.toString();
        });
    }

    /** The index's {@code CREATE INDEX} from {@code pg_get_indexdef}. */
    public String indexDdl(QualifiedName index) throws SQLException {
        return qualified(() -> {
            long oid = new CatalogReader(connection).relationOid(index);
            String definition = single(
                    "SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index i WHERE i.indexrelid = ?",
                    oid);
            if (definition == null) {
                throw new ObjectNotFoundException(index.toSql() + " is not an index");
            }
            return definition + ";\n";
        });
    }

    /** The trigger's {@code CREATE TRIGGER} from {@code pg_get_triggerdef}. */
    public String triggerDdl(TriggerName trigger) throws SQLException {
        return qualified(() -> {
            long table = new CatalogReader(connection).relationOid(trigger.table());
            String sql = "SELECT pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled = 'D' FROM pg_catalog.pg_trigger t"
                    + " WHERE t.tgrelid = ? AND t.tgname = ? AND NOT t.tgisinternal";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setLong(1, table);
                s.setString(2, trigger.trigger());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new ObjectNotFoundException("There is no trigger " + Identifiers.quote(trigger.trigger())
                                + " on " + trigger.table().toSql());
                    }
                    String ddl = rs.getString(1) + ";\n";
                    if (rs.getBoolean(2)) {
                        ddl += "ALTER TABLE " + trigger.table().toSql() + " DISABLE TRIGGER "
                                + Identifiers.quote(trigger.trigger()) + ";\n";
                    }
                    return ddl;
                }
            }
        });
    }

    /** {@code CREATE SEQUENCE} with all its parameters, and {@code OWNED BY} when it belongs to a column. */
    public String sequenceDdl(QualifiedName sequence) throws SQLException {
        return qualified(() -> {
            long oid = new CatalogReader(connection).relationOid(sequence);
            String sql = "SELECT pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,"
                    + " s.seqmax, s.seqcache, s.seqcycle,"
                    + " (SELECT pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(t.relname) || '.'"
                    + "    || pg_catalog.quote_ident(a.attname)"
                    + "  FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
                    + "  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace"
                    + "  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                    + "  WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid"
                    + "    AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'),"
                    + " pg_catalog.obj_description(s.seqrelid, 'pg_class')"
                    + " FROM pg_catalog.pg_sequence s WHERE s.seqrelid = ?";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setLong(1, oid);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new ObjectNotFoundException(sequence.toSql() + " is not a sequence");
                    }
                    StringBuilder ddl = new StringBuilder("CREATE SEQUENCE ")
                            .append(sequence.toSql())
                            .append("\n    AS ")
                            .append(rs.getString(1))
                            .append("\n    START WITH ")
                            .append(rs.getLong(2))
                            .append("\n    INCREMENT BY ")
                            .append(rs.getLong(3))
                            .append("\n    MINVALUE ")
                            .append(rs.getLong(4))
                            .append("\n    MAXVALUE ")
                            .append(rs.getLong(5))
                            .append("\n    CACHE ")
                            .append(rs.getLong(6))
                            .append(rs.getBoolean(7) ? "\n    CYCLE" : "\n    NO CYCLE")
                            .append(";\n");
                    String owner = rs.getString(8);
                    if (owner != null) {
                        ddl.append("ALTER SEQUENCE ")
                                .append(sequence.toSql())
                                .append(" OWNED BY ")
                                .append(owner)
                                .append(";\n");
                    }
                    String comment = CatalogReader.text(rs, 9);
                    if (!comment.isEmpty()) {
                        ddl.append("COMMENT ON SEQUENCE ")
                                .append(sequence.toSql())
                                .append(" IS ")
                                .append(Identifiers.literal(comment))
                                .append(";\n");
                    }
                    return ddl.toString();
                }
            }
        });
    }

    /** {@code CREATE TYPE ... AS ENUM}, {@code CREATE TYPE ... AS (...)} or {@code CREATE DOMAIN}, and its comment. */
    public String typeDdl(QualifiedName type) throws SQLException {
        return qualified(() -> {
            TypeDetails details = new TypeReader(connection).type(type);
            StringBuilder ddl = new StringBuilder();
            String keyword = "TYPE";
            switch (details.type().kind()) {
                case ENUM_TYPE ->
                    ddl.append("CREATE TYPE ")
                            .append(type.toSql())
                            .append(" AS ENUM (")
                            .append(String.join(
                                    ", ",
                                    details.labels().stream()
                                            .map(Identifiers::literal)
                                            .toList()))
                            .append(");\n");
                case COMPOSITE_TYPE ->
                    ddl.append("CREATE TYPE ")
                            .append(type.toSql())
                            .append(" AS (\n    ")
                            .append(String.join(
                                    ",\n    ",
                                    details.attributes().stream()
                                            .map(a -> Identifiers.quote(a.name()) + " " + a.type())
                                            .toList()))
                            .append("\n);\n");
                default -> {
                    keyword = "DOMAIN";
                    ddl.append("CREATE DOMAIN ")
                            .append(type.toSql())
                            .append(" AS ")
                            .append(details.baseType());
                    if (!details.defaultExpression().isEmpty()) {
                        ddl.append("\n    DEFAULT ").append(details.defaultExpression());
                    }
                    if (details.notNull()) {
                        ddl.append("\n    NOT NULL");
                    }
                    for (DomainConstraint constraint : details.constraints()) {
                        ddl.append("\n    CONSTRAINT ")
                                .append(Identifiers.quote(constraint.name()))
                                .append(' ')
                                .append(constraint.definition());
                    }
                    ddl.append(";\n");
                }
            }
            if (!details.type().comment().isEmpty()) {
                ddl.append("COMMENT ON ")
                        .append(keyword)
                        .append(' ')
                        .append(type.toSql())
                        .append(" IS ")
                        .append(Identifiers.literal(details.type().comment()))
                        .append(";\n");
            }
            return ddl.toString();
        });
    }

    /** Facts about a relation that only DDL needs. */
    private record RelationFacts(
            boolean unlogged,
            boolean populated,
            String partitionKey,
            String partitionBound,
            List<String> parents,
            List<String> options,
            String foreignServer,
            List<String> foreignOptions) {}

    private RelationFacts relationFacts(long oid) throws SQLException {
        String sql = "SELECT c.relpersistence = 'u', c.relispopulated,"
                + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,"
                + " CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,"
                + " ARRAY(SELECT pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.relname)"
                + "   FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class p ON p.oid = h.inhparent"
                + "   JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace"
                + "   WHERE h.inhrelid = c.oid ORDER BY h.inhseqno),"
                + " ARRAY(SELECT pg_catalog.quote_ident(o.option_name) || ' = ' || pg_catalog.quote_literal(o.option_value)"
                + "   FROM pg_catalog.pg_options_to_table(c.reloptions) o),"
                + " (SELECT fs.srvname FROM pg_catalog.pg_foreign_table ft"
                + "   JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver WHERE ft.ftrelid = c.oid),"
                + " ARRAY(SELECT pg_catalog.quote_ident(o.option_name) || ' ' || pg_catalog.quote_literal(o.option_value)"
                + "   FROM pg_catalog.pg_foreign_table ft, pg_catalog.pg_options_to_table(ft.ftoptions) o"
                + "   WHERE ft.ftrelid = c.oid)"
                + " FROM pg_catalog.pg_class c WHERE c.oid = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new RelationFacts(
                        rs.getBoolean(1),
                        rs.getBoolean(2),
                        CatalogReader.text(rs, 3),
                        CatalogReader.text(rs, 4),
                        CatalogReader.strings(rs.getArray(5)),
                        CatalogReader.strings(rs.getArray(6)),
                        CatalogReader.text(rs, 7),
                        CatalogReader.strings(rs.getArray(8)));
            }
        }
    }

    private String single(String sql, long oid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String stripSemicolon(String text) {
        // Leading blanks are kept: pg_get_viewdef indents its first line to match the lines after it.
        String trimmed = text.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @FunctionalInterface
    private interface Work {
        String run() throws SQLException;
    }

    /**
     * Runs {@code work} with {@code search_path} set to pg_catalog, so the server's deparse functions qualify
     * every other name, and puts the session back as it was.
     */
    private String qualified(Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try {
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)")) {
                s.execute();
            }
            return work.run();
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(savepoint);
            }
        }
    }
}
