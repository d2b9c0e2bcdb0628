package dev.pgdesk.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the navigator tree from {@code pg_catalog}, one level per call, so a tree view loads a node's
 * children only when it is expanded. Every call is a few catalog queries on the given connection, in its
 * current transaction; run it off the FX thread, for example in {@code PooledSession.execute(c -> new
 * CatalogReader(c).objects("public"))}. Not thread-safe (it uses one connection); cheap to create.
 * A type node's details come from {@link TypeReader}, the detail panel's from {@link StatsReader} and
 * {@link PrivilegeReader}; {@link SchemaBrowser} puts them all behind one pooled entry point.
 *
 * <p>Objects that belong to an extension (pg_stat_statements' view and functions, say) are left out of
 * {@link #objects} unless asked for: they are not the user's to edit, and pg_dump leaves them out too
 * (writing CREATE EXTENSION instead). pgAdmin lists them among the schema's own functions; a user who wants
 * that passes {@code includeExtensionMembers}. Identity sequences are left out because they are part of
 * their column; sequences of serial columns stay, since they are separate objects.
 */
public final class CatalogReader {
    /** Schemas PostgreSQL itself owns; hidden unless asked for. */
    static final String SYSTEM_SCHEMA_CONDITION = "(n.nspname IN ('pg_catalog', 'information_schema')"
            + " OR n.nspname LIKE 'pg\\_toast%' OR n.nspname LIKE 'pg\\_temp\\_%')";

    private static final String NOT_EXTENSION_MEMBER = " AND (? OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
            + " WHERE d.classid = %s::regclass AND d.objid = %s AND d.deptype = 'e'))";

    private static final String OBJECTS = "SELECT kind, name, arguments, owner, comment FROM ("
            + " SELECT CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW'"
            + "   WHEN 'm' THEN 'MATERIALIZED_VIEW' WHEN 'f' THEN 'FOREIGN_TABLE' ELSE 'SEQUENCE' END AS kind,"
            + "   c.relname AS name, '' AS arguments, pg_catalog.pg_get_userbyid(c.relowner) AS owner,"
            + "   pg_catalog.obj_description(c.oid, 'pg_class') AS comment"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
            + "   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_class'::regclass"
            + "     AND i.objid = c.oid AND i.deptype = 'i' AND c.relkind = 'S')"
            + NOT_EXTENSION_MEMBER.formatted("'pg_class'", "c.oid")
            + " UNION ALL"
            + " SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,"
            + "   p.proname, pg_catalog.oidvectortypes(p.proargtypes),"
            + "   pg_catalog.pg_get_userbyid(p.proowner), pg_catalog.obj_description(p.oid, 'pg_proc')"
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname = ? AND p.prokind IN ('f', 'p', 'w')"
            + NOT_EXTENSION_MEMBER.formatted("'pg_proc'", "p.oid")
            + " UNION ALL"
            + " SELECT CASE t.typtype WHEN 'e' THEN 'ENUM_TYPE' WHEN 'd' THEN 'DOMAIN' ELSE 'COMPOSITE_TYPE' END,"
            + "   t.typname, '', pg_catalog.pg_get_userbyid(t.typowner), pg_catalog.obj_description(t.oid, 'pg_type')"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = ? AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND"
            + "   (SELECT r.relkind FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid) = 'c'))"
            + NOT_EXTENSION_MEMBER.formatted("'pg_type'", "t.oid")
            + ") AS o";

    /** Folder order (the enum's), then name, then argument types for overloads. */
    private static final Comparator<SchemaObject> TREE_ORDER = Comparator.comparing(SchemaObject::kind)
            .thenComparing(SchemaObject::name)
            .thenComparing(SchemaObject::arguments);

    private final Connection connection;

    /** A reader on {@code connection}, which stays the caller's to close. */
    public CatalogReader(Connection connection) {
        this.connection = connection;
    }

    /** The schemas by name; PostgreSQL's own only when {@code includeSystem}. */
    public List<SchemaInfo> schemas(boolean includeSystem) throws SQLException {
        String sql = "SELECT n.nspname, pg_catalog.pg_get_userbyid(n.nspowner),"
                + " pg_catalog.obj_description(n.oid, 'pg_namespace'), " + SYSTEM_SCHEMA_CONDITION
                + " FROM pg_catalog.pg_namespace n"
                + (includeSystem ? "" : " WHERE NOT " + SYSTEM_SCHEMA_CONDITION)
                + " ORDER BY 4, 1";
        List<SchemaInfo> schemas = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                schemas.add(new SchemaInfo(rs.getString(1), rs.getString(2), text(rs, 3), rs.getBoolean(4)));
            }
        }
        return schemas;
    }

    /**
     * The objects of {@code schema} that have a folder in the navigator (tables, views, materialized views,
     * foreign tables, sequences, functions, procedures, enum, composite and domain types), in the order of
     * {@link ObjectKind}'s constants, then by name. Aggregates are left out (they have no {@code
     * pg_get_functiondef}).
     */
    public List<SchemaObject> objects(String schema, boolean includeExtensionMembers) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(OBJECTS)) {
            int i = 1;
            for (int part = 0; part < 3; part++) {
                s.setString(i++, schema);
                s.setBoolean(i++, includeExtensionMembers);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    objects.add(new SchemaObject(
                            ObjectKind.valueOf(rs.getString(1)),
                            schema,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            text(rs, 5)));
                }
            }
        }
        objects.sort(TREE_ORDER);
        return objects;
    }

    /** {@link #objects(String, boolean)} without extension members. */
    public List<SchemaObject> objects(String schema) throws SQLException {
        return objects(schema, false);
    }

    /** The relation (table, view, materialized view, foreign table, sequence) named so. */
    public SchemaObject relation(QualifiedName name) throws SQLException {
        String sql = "SELECT c.relkind, pg_catalog.pg_get_userbyid(c.relowner),"
                + " pg_catalog.obj_description(c.oid, 'pg_class')"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, name.schema());
            s.setString(2, name.name());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    ObjectKind kind = relationKind(rs.getString(1));
                    if (kind != null) {
                        return new SchemaObject(kind, name.schema(), name.name(), "", rs.getString(2), text(rs, 3));
                    }
                }
            }
        }
        throw new ObjectNotFoundException(
                "There is no table, view or sequence " + name.toSql() + " (any more)." + " Refresh the navigator.");
    }

    static ObjectKind relationKind(String relkind) {
        return switch (relkind) {
            case "r", "p" -> ObjectKind.TABLE;
            case "v" -> ObjectKind.VIEW;
            case "m" -> ObjectKind.MATERIALIZED_VIEW;
            case "f" -> ObjectKind.FOREIGN_TABLE;
            case "S" -> ObjectKind.SEQUENCE;
            case "i", "I" -> ObjectKind.INDEX;
            case "c" -> ObjectKind.COMPOSITE_TYPE;
            default -> null;
        };
    }

    /** Columns, indexes, constraints and triggers of a table-like relation: the children of its node. */
    public TableDetails tableDetails(QualifiedName table) throws SQLException {
        SchemaObject relation = relation(table);
        long oid = relationOid(table);
        return new TableDetails(relation, columns(oid), indexes(oid), constraints(oid), triggers(oid));
    }

    /** The columns of a relation, in position order. */
    public List<ColumnInfo> columns(QualifiedName relation) throws SQLException {
        return columns(relationOid(relation));
    }

    /** The indexes of a table or materialized view, by name. */
    public List<IndexInfo> indexes(QualifiedName table) throws SQLException {
        return indexes(relationOid(table));
    }

    /** The constraints of a table (primary key, unique, foreign keys, checks, exclusions). */
    public List<ConstraintInfo> constraints(QualifiedName table) throws SQLException {
        return constraints(relationOid(table));
    }

    /** The user-defined triggers of a table or view, by name. */
    public List<TriggerInfo> triggers(QualifiedName table) throws SQLException {
        return triggers(relationOid(table));
    }

    long relationOid(QualifiedName name) throws SQLException {
        String sql = "SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, name.schema());
            s.setString(2, name.name());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        throw new ObjectNotFoundException(
                "There is no relation " + name.toSql() + " (any more). Refresh the navigator.");
    }

    private List<ColumnInfo> columns(long relation) throws SQLException {
        String sql = "SELECT a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary"
                + "   AND a.attnum = ANY (i.indkey)),"
                + " CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN"
                + "   (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)"
                + "    FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace"
                + "    WHERE co.oid = a.attcollation) END,"
                + " pg_catalog.col_description(a.attrelid, a.attnum),"
                + " (SELECT nn.conname FROM pg_catalog.pg_constraint nn WHERE nn.conrelid = a.attrelid"
                + "   AND nn.contype = 'n' AND nn.conkey[1] = a.attnum),"
                + " NOT a.attislocal"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, relation);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String expression = text(rs, 5);
                    Generation generation = switch (text(rs, 7)) {
                        case "s" -> Generation.STORED;
                        case "v" -> Generation.VIRTUAL;
                        default -> Generation.NONE;
                    };
                    IdentityKind identity = switch (text(rs, 6)) {
                        case "a" -> IdentityKind.ALWAYS;
                        case "d" -> IdentityKind.BY_DEFAULT;
                        default -> IdentityKind.NONE;
                    };
                    boolean generated = generation != Generation.NONE;
                    columns.add(new ColumnInfo(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBoolean(4),
                            generated ? "" : expression,
                            rs.getBoolean(8),
                            identity,
                            generation,
                            generated ? expression : "",
                            text(rs, 9),
                            text(rs, 10),
                            text(rs, 11),
                            rs.getBoolean(12)));
                }
            }
        }
        return columns;
    }

    private List<IndexInfo> indexes(long table) throws SQLException {
        String sql = "SELECT ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid), i.indisunique, i.indisprimary,"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid"
                + "   AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')),"
                + " i.indisvalid,"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)"
                + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " WHERE i.indrelid = ? ORDER BY ic.relname";
        List<IndexInfo> indexes = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new IndexInfo(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getBoolean(3),
                            rs.getBoolean(4),
                            rs.getBoolean(5),
                            rs.getBoolean(6),
                            rs.getBoolean(7)));
                }
            }
        }
        return indexes;
    }

    private List<ConstraintInfo> constraints(long table) throws SQLException {
        String sql = "SELECT con.conname, con.contype, pg_catalog.pg_get_constraintdef(con.oid, true),"
                + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k (num, ord)"
                + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),"
                + " fn.nspname, fc.relname,"
                + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k (num, ord)"
                + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),"
                + " con.convalidated, NOT con.conislocal"
                + " FROM pg_catalog.pg_constraint con"
                + " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid"
                + " LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
                + " WHERE con.conrelid = ? AND con.contype IN ('p', 'u', 'f', 'c', 'x')"
                + " ORDER BY position(con.contype IN 'pufcx'), con.conname";
        List<ConstraintInfo> constraints = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String targetSchema = rs.getString(5);
                    constraints.add(new ConstraintInfo(
                            rs.getString(1),
                            ConstraintType.of(rs.getString(2)),
                            rs.getString(3),
                            strings(rs.getArray(4)),
                            targetSchema == null ? null : new QualifiedName(targetSchema, rs.getString(6)),
                            strings(rs.getArray(7)),
                            rs.getBoolean(8),
                            rs.getBoolean(9)));
                }
            }
        }
        return constraints;
    }

    private List<TriggerInfo> triggers(long table) throws SQLException {
        String sql = "SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), pn.nspname, p.proname,"
                + " t.tgenabled <> 'D', t.tgparentid <> 0"
                + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid"
                + " JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace"
                + " WHERE t.tgrelid = ? AND NOT t.tgisinternal ORDER BY t.tgname";
        List<TriggerInfo> triggers = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    triggers.add(new TriggerInfo(
                            rs.getString(1),
                            rs.getString(2),
                            new QualifiedName(rs.getString(3), rs.getString(4)),
                            rs.getBoolean(5),
                            rs.getBoolean(6)));
                }
            }
        }
        return triggers;
    }

    static String text(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
