package dev.pgdesk.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what a type node shows: an enum's labels, a composite's fields, a domain's base type and rules. */
public final class TypeReader {
    private final Connection connection;

    /** A reader on {@code connection}, which stays the caller's to close. */
    public TypeReader(Connection connection) {
        this.connection = connection;
    }

    /** The labels, fields or base type and constraints of an enum, composite or domain type. */
    public TypeDetails type(QualifiedName name) throws SQLException {
        String sql = "SELECT t.oid, t.typtype, t.typrelid, pg_catalog.pg_get_userbyid(t.typowner),"
                + " pg_catalog.obj_description(t.oid, 'pg_type'),"
                + " pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault"
                + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = ? AND t.typname = ? AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c'"
                + "   AND (SELECT r.relkind FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid) = 'c'))";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, name.schema());
            s.setString(2, name.name());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ObjectNotFoundException(
                            "There is no enum, composite or domain type " + name.toSql() + " (any more).");
                }
                long oid = rs.getLong(1);
                String typtype = rs.getString(2);
                long relid = rs.getLong(3);
                ObjectKind kind = switch (typtype) {
                    case "e" -> ObjectKind.ENUM_TYPE;
                    case "d" -> ObjectKind.DOMAIN;
                    default -> ObjectKind.COMPOSITE_TYPE;
                };
                SchemaObject type = new SchemaObject(
                        kind, name.schema(), name.name(), "", rs.getString(4), CatalogReader.text(rs, 5));
                return switch (kind) {
                    case ENUM_TYPE -> new TypeDetails(type, enumLabels(oid), List.of(), "", false, "", List.of());
                    case COMPOSITE_TYPE ->
                        new TypeDetails(type, List.of(), compositeAttributes(relid), "", false, "", List.of());
                    default ->
                        new TypeDetails(
                                type,
                                List.of(),
                                List.of(),
                                rs.getString(6),
                                rs.getBoolean(7),
                                CatalogReader.text(rs, 8),
                                domainConstraints(oid));
                };
            }
        }
    }

    private List<String> enumLabels(long type) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT enumlabel FROM pg_catalog.pg_enum WHERE enumtypid = ? ORDER BY enumsortorder")) {
            s.setLong(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        }
        return labels;
    }

    private List<TypeAttribute> compositeAttributes(long relation) throws SQLException {
        List<TypeAttribute> attributes = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT attname, pg_catalog.format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute"
                        + " WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            s.setLong(1, relation);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attributes.add(new TypeAttribute(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return attributes;
    }

    private List<DomainConstraint> domainConstraints(long type) throws SQLException {
        List<DomainConstraint> constraints = new ArrayList<>();
        // Since PostgreSQL 17 a domain's NOT NULL is a constraint row too; it is reported as notNull instead.
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT conname, pg_catalog.pg_get_constraintdef(oid, true) FROM pg_catalog.pg_constraint"
                        + " WHERE contypid = ? AND contype = 'c' ORDER BY conname")) {
            s.setLong(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    constraints.add(new DomainConstraint(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return constraints;
    }
}
