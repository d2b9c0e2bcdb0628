package dev.pgdesk.query;

import dev.pgdesk.query.PgType.Kind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.jdbc.PgResultSet;

/**
 * Finds out, from the server's catalog, what a result's column types are for writing their values as {@code
 * row_to_json} does ({@link PgType}): domains looked through to their base type, arrays to their element
 * type, composite types to their fields. Built-in types are known without asking; a result with other types
 * costs one catalog query per level of nesting, on the result's own connection. Types are not cached across
 * results: an {@code ALTER TYPE} between two statements must show in the second.
 */
public final class TypeCatalog {
    private static final int RECORD = 2249;
    private static final Map<Integer, Kind> BUILT_IN_KINDS = Map.ofEntries(
            Map.entry(16, Kind.BOOLEAN),
            Map.entry(20, Kind.NUMBER),
            Map.entry(21, Kind.NUMBER),
            Map.entry(23, Kind.NUMBER),
            Map.entry(700, Kind.NUMBER),
            Map.entry(701, Kind.NUMBER),
            Map.entry(1700, Kind.NUMBER),
            Map.entry(1082, Kind.DATE),
            Map.entry(1114, Kind.TIMESTAMP),
            Map.entry(1184, Kind.TIMESTAMPTZ),
            Map.entry(114, Kind.JSON),
            Map.entry(3802, Kind.JSONB));
    /** Built-in scalar types that are plain text to {@code row_to_json}: no need to ask the catalog. */
    private static final Set<Integer> BUILT_IN_TEXT = Set.of(
            18, 19, 25, 26, 17, 705, 790, 829, 869, 650, 1042, 1043, 1083, 1186, 1266, 2950, 3614, 3615, 142, 1560,
            1562, 600, 601, 602, 603, 604, 628, 718, 3220, 3904, 3906, 3908, 3910, 3912, 3926, 4451, RECORD);
    /** Arrays of built-in types, with their element type. */
    private static final Map<Integer, Integer> BUILT_IN_ARRAYS = Map.ofEntries(
            Map.entry(1000, 16),
            Map.entry(1016, 20),
            Map.entry(1005, 21),
            Map.entry(1007, 23),
            Map.entry(1021, 700),
            Map.entry(1022, 701),
            Map.entry(1231, 1700),
            Map.entry(1182, 1082),
            Map.entry(1115, 1114),
            Map.entry(1185, 1184),
            Map.entry(199, 114),
            Map.entry(3807, 3802),
            Map.entry(1009, 25),
            Map.entry(1015, 1043),
            Map.entry(1014, 1042),
            Map.entry(1003, 19),
            Map.entry(1028, 26),
            Map.entry(1001, 17),
            Map.entry(791, 790),
            Map.entry(1183, 1083),
            Map.entry(1270, 1266),
            Map.entry(1187, 1186),
            Map.entry(2951, 2950),
            Map.entry(2287, RECORD));

    private final Connection connection;
    private final Map<Integer, PgType> known = new HashMap<>();

    private TypeCatalog(Connection connection) {
        this.connection = connection;
    }

    /**
     * The columns of {@code resultSet} (which must come from pgjdbc), each with its {@link PgType}; asks the
     * catalog on {@code connection} about types that are not built in.
     */
    public static List<Column> columns(Connection connection, ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int count = meta.getColumnCount();
        int[] oids = new int[count];
        PgResultSet pg = resultSet.unwrap(PgResultSet.class);
        for (int i = 0; i < count; i++) {
            oids[i] = pg.getColumnOID(i + 1);
        }
        TypeCatalog catalog = new TypeCatalog(connection);
        catalog.load(oids);
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = meta.getColumnTypeName(i + 1);
            PgType type = catalog.known.get(oids[i]);
            if (type == null) {
                type = PgType.named(name);
            } else if (!type.name().equals(name)) {
                // Named as pgjdbc names the column's type (serial for an int4 column with a sequence).
                type = new PgType(name, type.kind(), type.element(), type.delimiter(), type.fields());
            }
            columns.add(new Column(meta.getColumnLabel(i + 1), name, type));
        }
        return List.copyOf(columns);
    }

    /** One row of {@code pg_type}, as far as the mapping needs it. */
    private record TypeRow(
            int oid, String name, char typtype, int base, int element, char delimiter, int typlen, int relation) {}

    private void load(int[] oids) throws SQLException {
        Set<Integer> wanted = new HashSet<>();
        for (int oid : oids) {
            wanted.add(oid);
        }
        Map<Integer, TypeRow> rows = new HashMap<>();
        Map<Integer, List<String[]>> attributes = new HashMap<>();
        Set<Integer> pending = new HashSet<>();
        for (int oid : wanted) {
            addBuiltInOrPending(oid, pending);
        }
        // Each round asks about the types the last round named: base types, elements, fields.
        for (int round = 0; !pending.isEmpty() && round < 32; round++) {
            Set<Integer> next = new HashSet<>();
            List<Integer> composites = new ArrayList<>();
            for (TypeRow row : query(pending)) {
                rows.put(row.oid(), row);
                if (row.typtype() == 'd') {
                    addBuiltInOrPending(row.base(), next);
                } else if (row.element() != 0 && row.typlen() == -1) {
                    // Asked about even when built in: its row holds the array's delimiter (box: ';').
                    next.add(row.element());
                } else if (row.typtype() == 'c') {
                    composites.add(row.relation());
                }
            }
            if (!composites.isEmpty()) {
                for (Map.Entry<Integer, List<String[]>> entry :
                        attributes(composites).entrySet()) {
                    attributes.put(entry.getKey(), entry.getValue());
                    for (String[] attribute : entry.getValue()) {
                        addBuiltInOrPending(Integer.parseInt(attribute[1]), next);
                    }
                }
            }
            next.removeAll(rows.keySet());
            pending = next;
        }
        for (int oid : wanted) {
            resolve(oid, rows, attributes, 0);
        }
    }

    private void addBuiltInOrPending(int oid, Set<Integer> pending) {
        if (builtIn(oid) == null && !known.containsKey(oid)) {
            pending.add(oid);
        }
    }

    private static PgType builtIn(int oid) {
        Kind kind = BUILT_IN_KINDS.get(oid);
        if (kind != null) {
            return PgType.scalar(builtInName(oid), kind);
        }
        if (BUILT_IN_TEXT.contains(oid)) {
            return PgType.scalar(builtInName(oid), Kind.TEXT);
        }
        Integer element = BUILT_IN_ARRAYS.get(oid);
        return element == null ? null : PgType.arrayOf(builtIn(element));
    }

    private static String builtInName(int oid) {
        return switch (oid) {
            case 16 -> "bool";
            case 20 -> "int8";
            case 21 -> "int2";
            case 23 -> "int4";
            case 700 -> "float4";
            case 701 -> "float8";
            case 1700 -> "numeric";
            case 1082 -> "date";
            case 1114 -> "timestamp";
            case 1184 -> "timestamptz";
            case 114 -> "json";
            case 3802 -> "jsonb";
            case 25 -> "text";
            case RECORD -> "record";
            default -> Integer.toString(oid);
        };
    }

    private PgType resolve(int oid, Map<Integer, TypeRow> rows, Map<Integer, List<String[]>> attributes, int depth) {
        PgType done = known.get(oid);
        if (done != null) {
            return done;
        }
        PgType builtIn = builtIn(oid);
        TypeRow row = rows.get(oid);
        PgType type;
        if (builtIn != null) {
            type = builtIn;
        } else if (row == null || depth > 32) {
            type = PgType.scalar(row == null ? Integer.toString(oid) : row.name(), Kind.TEXT);
        } else if (row.typtype() == 'd') {
            PgType base = resolve(row.base(), rows, attributes, depth + 1);
            type = new PgType(row.name(), base.kind(), base.element(), base.delimiter(), base.fields());
        } else if (row.element() != 0 && row.typlen() == -1) {
            PgType element = resolve(row.element(), rows, attributes, depth + 1);
            TypeRow elementRow = rows.get(row.element());
            char delimiter = elementRow == null ? ',' : elementRow.delimiter();
            type = new PgType(row.name(), Kind.ARRAY, element, delimiter, List.of());
        } else if (row.typtype() == 'c' && attributes.containsKey(row.relation())) {
            List<PgType.Field> fields = new ArrayList<>();
            for (String[] attribute : attributes.get(row.relation())) {
                fields.add(new PgType.Field(
                        attribute[0], resolve(Integer.parseInt(attribute[1]), rows, attributes, depth + 1)));
            }
            type = new PgType(row.name(), Kind.COMPOSITE, null, ',', fields);
        } else {
            type = PgType.scalar(row.name(), Kind.TEXT);
        }
        known.put(oid, type);
        return type;
    }

    private List<TypeRow> query(Set<Integer> oids) throws SQLException {
        List<TypeRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "/* pgdesk */ SELECT oid::int8, typname, typtype, typbasetype::int8, typelem::int8, typdelim,"
                        + " typlen, typrelid::int8 FROM pg_catalog.pg_type WHERE oid = ANY (?::oid[])")) {
            statement.setArray(1, oidArray(oids));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new TypeRow(
                            (int) result.getLong(1),
                            result.getString(2),
                            result.getString(3).charAt(0),
                            (int) result.getLong(4),
                            (int) result.getLong(5),
                            result.getString(6).charAt(0),
                            result.getInt(7),
                            (int) result.getLong(8)));
                }
            }
        }
        return rows;
    }

    private Map<Integer, List<String[]>> attributes(List<Integer> relations) throws SQLException {
        Map<Integer, List<String[]>> byRelation = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "/* pgdesk */ SELECT attrelid::int8, attname, atttypid::int8 FROM pg_catalog.pg_attribute"
                        + " WHERE attrelid = ANY (?::oid[]) AND attnum > 0 AND NOT attisdropped"
                        + " ORDER BY attrelid, attnum")) {
            statement.setArray(1, oidArray(new HashSet<>(relations)));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    byRelation
                            .computeIfAbsent((int) result.getLong(1), relation -> new ArrayList<>())
                            .add(new String[] {result.getString(2), Long.toString(result.getLong(3))});
                }
            }
        }
        return byRelation;
    }

    private Array oidArray(Set<Integer> oids) throws SQLException {
        // OIDs above 2^31 arrive from pgjdbc as negative ints; the catalog wants them unsigned.
        Long[] values = oids.stream().map(Integer::toUnsignedLong).toArray(Long[]::new);
        return connection.createArrayOf("int8", values);
    }
}
