package dev.pgdesk.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the object a user names: {@code name} (looked up on the search path), {@code schema.name}, {@code
 * name(argument types)} for one of several overloaded functions, or {@code table.trigger} / {@code
 * schema.table.trigger}. Kinds are tried in this order, and the first that matches wins: relations (tables,
 * views, materialized views, foreign tables, sequences, indexes), types, functions and procedures, triggers.
 */
public final class ObjectResolver {
    private final Connection connection;

    /** A resolver on {@code connection}, which stays the caller's to close. */
    public ObjectResolver(Connection connection) {
        this.connection = connection;
    }

    /**
     * The object {@code text} names.
     *
     * @throws IllegalArgumentException when {@code text} is not a well-formed name
     * @throws ObjectNotFoundException when nothing has that name, or an unqualified routine name is overloaded
     */
    public DatabaseObject resolve(String text) throws SQLException {
        ObjectNameParser.ParsedName parsed = ObjectNameParser.parse(text);
        List<String> parts = parsed.parts();
        if (parsed.arguments() != null) {
            if (parts.size() > 2) {
                throw new IllegalArgumentException(
                        "A function is named schema.name(types) or name(types), not " + text);
            }
            return routineBySignature(text.strip());
        }
        if (parts.size() == 3) {
            return trigger(new QualifiedName(parts.get(0), parts.get(1)), parts.get(2), text);
        }
        String schema = parts.size() == 2 ? parts.get(0) : null;
        String name = parts.get(parts.size() - 1);
        QualifiedName relation = relation(schema, name);
        if (relation != null) {
            SchemaObject object = new CatalogReader(connection).relation(relation);
            return object;
        }
        QualifiedName type = type(schema, name);
        if (type != null) {
            return new TypeReader(connection).type(type).type();
        }
        List<SchemaObject> routines = routines(schema, name);
        if (routines.size() == 1) {
            return routines.get(0);
        }
        if (routines.size() > 1) {
            throw new ObjectNotFoundException(
                    "'" + text + "' names " + routines.size() + " overloaded functions: "
                            + String.join(
                                    ", ",
                                    routines.stream()
                                            .map(SchemaObject::displayName)
                                            .toList())
                            + ". Add the argument types, for example "
                            + routines.get(0).toSql(),
                    ObjectNotFoundException.AMBIGUOUS);
        }
        if (parts.size() == 2) {
            QualifiedName table = relation(null, parts.get(0));
            if (table != null && hasTrigger(table, name)) {
                return new TriggerName(table, name);
            }
        }
        throw new ObjectNotFoundException("No table, view, sequence, index, type, function or trigger is named '" + text
                + "'" + (schema == null ? " on the search path" : "") + ". Names are case-folded to lower case unless"
                + " double-quoted; write schema.name to look outside the search path.");
    }

    private QualifiedName relation(String schema, String name) throws SQLException {
        String sql = "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'i', 'I')"
                + (schema == null ? " AND pg_catalog.pg_table_is_visible(c.oid)" : " AND n.nspname = ?");
        return firstName(sql, name, schema);
    }

    private QualifiedName type(String schema, String name) throws SQLException {
        String sql = "SELECT n.nspname, t.typname FROM pg_catalog.pg_type t"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typname = ? AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND"
                + "   (SELECT r.relkind FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid) = 'c'))"
                + (schema == null ? " AND pg_catalog.pg_type_is_visible(t.oid)" : " AND n.nspname = ?");
        return firstName(sql, name, schema);
    }

    private QualifiedName firstName(String sql, String name, String schema) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, name);
            if (schema != null) {
                s.setString(2, schema);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new QualifiedName(rs.getString(1), rs.getString(2)) : null;
            }
        }
    }

    private static final String ROUTINE_COLUMNS = "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,"
            + " n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes),"
            + " pg_catalog.pg_get_userbyid(p.proowner), pg_catalog.obj_description(p.oid, 'pg_proc')"
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace";

    private List<SchemaObject> routines(String schema, String name) throws SQLException {
        String sql = ROUTINE_COLUMNS + " WHERE p.proname = ? AND p.prokind IN ('f', 'p', 'w')"
                + (schema == null ? " AND pg_catalog.pg_function_is_visible(p.oid)" : " AND n.nspname = ?")
                + " ORDER BY 4";
        List<SchemaObject> routines = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, name);
            if (schema != null) {
                s.setString(2, schema);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    routines.add(routine(rs));
                }
            }
        }
        return routines;
    }

    private SchemaObject routineBySignature(String signature) throws SQLException {
        // to_regprocedure parses the types and follows the search path exactly as the server would.
        String sql = ROUTINE_COLUMNS + " WHERE p.oid = pg_catalog.to_regprocedure(?) AND p.prokind IN ('f', 'p', 'w')";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, signature);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return routine(rs);
                }
            }
        } catch (SQLException e) {
            if ("42704".equals(e.getSQLState()) || "42601".equals(e.getSQLState())) {
                throw new ObjectNotFoundException("No function matches '" + signature + "': " + e.getMessage());
            }
            throw e;
        }
        throw new ObjectNotFoundException("No function or procedure matches '" + signature + "'; check the name and"
                + " the argument types (as \\df lists them)");
    }

    private static SchemaObject routine(ResultSet rs) throws SQLException {
        return new SchemaObject(
                ObjectKind.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                CatalogReader.text(rs, 6));
    }

    private TriggerName trigger(QualifiedName table, String trigger, String text) throws SQLException {
        if (relation(table.schema(), table.name()) != null && hasTrigger(table, trigger)) {
            return new TriggerName(table, trigger);
        }
        throw new ObjectNotFoundException("There is no trigger '" + text + "' (schema.table.trigger)");
    }

    private boolean hasTrigger(QualifiedName table, String trigger) throws SQLException {
        String sql = "SELECT 1 FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND t.tgname = ? AND NOT t.tgisinternal";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, table.schema());
            s.setString(2, table.name());
            s.setString(3, trigger);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
