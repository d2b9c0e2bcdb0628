package dev.pgdesk.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.pgdesk.query.Column;
import dev.pgdesk.query.PgType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * Writes result rows as JSON objects keyed by column name, with Jackson's streaming generator so a large
 * result never has to exist as a tree. Values are the server's text and are written as PostgreSQL's own
 * {@code row_to_json} writes them ({@link RowToJson}): one mapping for every JSON pgdesk writes.
 *
 * <p>Rows pgdesk builds itself (the monitor's tables) hold Java values; those are written in the same
 * spirit: numbers exact, {@code NaN} and infinities as strings, dates and times ISO 8601, {@code bytea} as
 * {@code \x} hex (or base64 with {@link Options#byteaAsBase64()}).
 *
 * <p>{@link Options} can write {@code numeric} as strings for readers that parse JSON numbers into doubles.
 *
 * <p>Column names repeated in one result ({@code SELECT 1 AS a, 2 AS a}) get a suffix from their second
 * occurrence on ({@code a}, {@code a_2}), so no value is lost; see {@link #fieldNames}.
 */
public final class JsonValueWriter {
    /** Deeper than PostgreSQL's default stack depth lets a jsonb value nest. */
    private static final int MAX_NESTING = 100_000;
    /** What PostgreSQL accepts, Jackson must read and write too: no limit on number or text length. */
    private static final JsonFactory FACTORY = newFactory();

    private static JsonFactory newFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .build();
    }

    /**
     * How values without a JSON type are written.
     *
     * @param byteaAsBase64 {@code bytea} as standard base64 (with padding) instead of {@code \x} hex
     * @param numericAsString {@code numeric} values as JSON strings holding the exact digits, instead of
     *     JSON numbers (integers stay numbers)
     * @param jsonbAsServerText {@code jsonb} embedded as the server's text, unparsed (its canonical form, with a
     *     space after {@code :} and {@code ,}), which is much faster than re-writing it compactly
     */
    public record Options(boolean byteaAsBase64, boolean numericAsString, boolean jsonbAsServerText) {
        /** {@code pgdesk query}'s default output: bytea as {@code \x} hex, as psql shows it; compact jsonb. */
        public static final Options QUERY_OUTPUT = new Options(false, false, false);
        /** Exports (JSON, JSON Lines, CSV) and the grid's JSON copy: bytea as base64, jsonb as the server wrote it. */
        public static final Options EXPORT = new Options(true, false, true);

        /** These options with numeric written as strings, or not. */
        public Options withNumericAsString(boolean asString) {
            return new Options(byteaAsBase64, asString, jsonbAsServerText);
        }
    }

    private final List<Column> columns;
    private final List<String> fieldNames;
    /** The keys encoded once, not once per row. */
    private final List<SerializedString> encodedNames;

    private final Options options;

    /** A writer for rows of {@code columns}, in that order, in the {@link Options#QUERY_OUTPUT} form. */
    public JsonValueWriter(List<Column> columns) {
        this(columns, Options.QUERY_OUTPUT);
    }

    /** A writer for rows of {@code columns}, in that order, with {@code options}. */
    public JsonValueWriter(List<Column> columns, Options options) {
        this.columns = List.copyOf(columns);
        this.fieldNames = fieldNames(this.columns);
        this.encodedNames = fieldNames.stream().map(SerializedString::new).toList();
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A factory for the generators this class writes to: it writes and reads JSON as long and as deeply
     * nested as PostgreSQL stores it (Jackson's default limits are lower). A new one on each call, as a
     * factory can be reconfigured.
     */
    public static JsonFactory jsonFactory() {
        return newFactory();
    }

    /** The object keys of the columns: their names, with {@code _2}, {@code _3}, ... on repeated names. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * The object key of each column. The first column with a name keeps it; a later one with the same
     * name gets the first free suffix {@code _2}, {@code _3}, ... (free meaning no other column has that
     * name either), so keys are unique and stable.
     */
    public static List<String> fieldNames(List<Column> columns) {
        Set<String> taken = new HashSet<>();
        columns.forEach(column -> taken.add(column.name()));
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            String name = column.name();
            if (!used.add(name)) {
                int suffix = 2;
                while (taken.contains(name + "_" + suffix) || used.contains(name + "_" + suffix)) {
                    suffix++;
                }
                name = name + "_" + suffix;
                used.add(name);
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** Writes one row as a JSON object; {@code row} holds one value per column, as pgjdbc returned it. */
    public void writeRow(JsonGenerator json, Object[] row) throws IOException {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException(
                    "the row has " + row.length + " values but the result has " + columns.size() + " columns");
        }
        json.writeStartObject();
        for (int i = 0; i < row.length; i++) {
            json.writeFieldName(encodedNames.get(i));
            writeValue(json, columns.get(i).type(), row[i], options);
        }
        json.writeEndObject();
    }

    /**
     * Writes one value of a column of {@code type}: the server's text (how pgdesk reads every value) as
     * {@link RowToJson} maps it; a Java value (rows pgdesk builds itself) as described on the class.
     */
    public static void writeValue(JsonGenerator json, PgType type, Object value, Options options) throws IOException {
        if (value == null || value instanceof String) {
            RowToJson.write(json, type, (String) value, options);
        } else {
            writeValue(json, type.name(), value, options);
        }
    }

    /**
     * Writes one value of PostgreSQL type {@code typeName} (as pgjdbc names it: {@code int4}, {@code
     * jsonb}, {@code _int4} for an array) in the form described on the class.
     */
    public static void writeValue(JsonGenerator json, String typeName, Object value) throws IOException {
        writeValue(json, typeName, value, Options.QUERY_OUTPUT);
    }

    /** Like {@link #writeValue(JsonGenerator, String, Object)}, in the form {@code options} choose. */
    public static void writeValue(JsonGenerator json, String typeName, Object value, Options options)
            throws IOException {
        String type = typeName == null ? "" : typeName;
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Short || value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger n) {
            json.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            // Plain digits, exactly as many as the server sent: no float rounding, no exponent.
            if (options.numericAsString() && type.equals("numeric")) {
                json.writeString(n.toPlainString());
            } else {
                json.writeNumber(n.toPlainString());
            }
        } else if (value instanceof Double || value instanceof Float) {
            writeFloatingPoint(json, ((Number) value).doubleValue(), value);
        } else if (value instanceof String text) {
            RowToJson.write(json, PgType.named(type), text, options);
        } else if (value instanceof byte[] bytes) {
            json.writeString(options.byteaAsBase64() ? Base64.getEncoder().encodeToString(bytes) : bytea(bytes));
        } else if (TemporalText.handles(value)) {
            json.writeString(TemporalText.of(type, value));
        } else if (value instanceof PGInterval interval) {
            json.writeString(isoDuration(interval));
        } else if (value instanceof PGobject object) {
            RowToJson.write(
                    json, PgType.named(object.getType() == null ? type : object.getType()), object.getValue(), options);
        } else if (value instanceof Array array) {
            writeArray(json, elementType(type), array, options);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(json, map, options);
        } else if (value instanceof SQLXML xml) {
            writeSqlXml(json, xml);
        } else if (value.getClass().isArray()) {
            writeJavaArray(json, elementType(type), value, options);
        } else {
            // UUID and anything else: its own text form.
            json.writeString(value.toString());
        }
    }

    private static void writeFloatingPoint(JsonGenerator json, double number, Object value) throws IOException {
        if (Double.isNaN(number)) {
            json.writeString("NaN");
        } else if (Double.isInfinite(number)) {
            json.writeString(number > 0 ? "Infinity" : "-Infinity");
        } else if (value instanceof Float f) {
            // Float's own shortest form (1.1, not 1.100000023841858).
            json.writeNumber(f);
        } else {
            json.writeNumber(number);
        }
    }

    /** Copies the server's JSON token by token: numbers stay exact and duplicate keys of {@code json} stay. */
    static void writeEmbeddedJson(JsonGenerator json, String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                json.writeNull();
                return;
            }
            json.copyCurrentStructureExact(parser);
        }
    }

    private static void writeArray(JsonGenerator json, String elementType, Array array, Options options)
            throws IOException {
        Object elements;
        try {
            elements = array.getArray();
        } catch (SQLException e) {
            throw new IOException("could not read an array value: " + e.getMessage(), e);
        }
        writeJavaArray(json, elementType, elements, options);
    }

    private static void writeJavaArray(JsonGenerator json, String elementType, Object elements, Options options)
            throws IOException {
        int length = java.lang.reflect.Array.getLength(elements);
        json.writeStartArray();
        for (int i = 0; i < length; i++) {
            // Multi-dimensional arrays arrive as arrays of arrays; the element type applies at every level.
            writeValue(json, elementType, java.lang.reflect.Array.get(elements, i), options);
        }
        json.writeEndArray();
    }

    private static void writeMap(JsonGenerator json, Map<?, ?> map, Options options) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            json.writeFieldName(String.valueOf(entry.getKey()));
            writeValue(json, "", entry.getValue(), options);
        }
        json.writeEndObject();
    }

    private static void writeSqlXml(JsonGenerator json, SQLXML xml) throws IOException {
        try {
            json.writeString(xml.getString());
        } catch (SQLException e) {
            throw new IOException("could not read an xml value: " + e.getMessage(), e);
        }
    }

    /** pgjdbc names array types after their element type with a leading underscore: {@code _int4}. */
    static String elementType(String arrayType) {
        return arrayType.startsWith("_") ? arrayType.substring(1) : arrayType;
    }

    /** {@code bytea} as psql shows it by default: {@code \x} and two lower-case hex digits per byte. */
    static String bytea(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    /**
     * An interval as PostgreSQL's {@code intervalstyle iso_8601} writes it: only the non-zero fields,
     * each with its own sign ({@code P1Y2M3DT4H5M6.5S}, {@code P-1D}), {@code PT0S} for zero.
     */
    public static String isoDuration(PGInterval interval) {
        Objects.requireNonNull(interval, "interval");
        StringBuilder text = new StringBuilder("P");
        appendField(text, interval.getYears(), 'Y');
        appendField(text, interval.getMonths(), 'M');
        appendField(text, interval.getDays(), 'D');
        StringBuilder time = new StringBuilder();
        appendField(time, interval.getHours(), 'H');
        appendField(time, interval.getMinutes(), 'M');
        long micros = interval.getWholeSeconds() * 1_000_000L + interval.getMicroSeconds();
        if (micros != 0) {
            time.append(BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString())
                    .append('S');
        }
        if (time.length() > 0) {
            text.append('T').append(time);
        }
        return text.length() == 1 ? "PT0S" : text.toString();
    }

    private static void appendField(StringBuilder text, int value, char unit) {
        if (value != 0) {
            text.append(value).append(unit);
        }
    }
}
