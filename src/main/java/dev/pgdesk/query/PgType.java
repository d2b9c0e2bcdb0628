package dev.pgdesk.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What pgdesk needs to know about a column's type to write its values as PostgreSQL's own {@code row_to_json}
 * writes them: the JSON {@link Kind} the server puts the type in (after looking through domains), and for an
 * array its element type and delimiter, for a composite its fields. Values themselves are always the server's
 * text; this only says how that text maps to JSON.
 *
 * @param name the type's name as pgjdbc reports it ({@code int4}, {@code _int4}, {@code pt})
 * @param kind how {@code row_to_json} writes values of the type
 * @param element the element type of an array, else null
 * @param delimiter the character between array elements ({@code ,}, or {@code ;} for {@code box})
 * @param fields the fields of a composite in order, else empty
 */
public record PgType(String name, Kind kind, PgType element, char delimiter, List<Field> fields) {

    /** How {@code row_to_json} (PostgreSQL's {@code json_categorize_type}) writes values of a type. */
    public enum Kind {
        /** {@code bool}: {@code true}/{@code false}. */
        BOOLEAN,
        /** {@code int2}, {@code int4}, {@code int8}, {@code float4}, {@code float8}, {@code numeric}: a JSON number when the text is one. */
        NUMBER,
        /** {@code date}: its ISO text. */
        DATE,
        /** {@code timestamp}: ISO 8601 with a {@code T}. */
        TIMESTAMP,
        /** {@code timestamptz}: ISO 8601 with a {@code T} and a {@code +hh:mm} offset. */
        TIMESTAMPTZ,
        /** {@code json}: embedded. */
        JSON,
        /** {@code jsonb}: embedded. */
        JSONB,
        /** An array: a JSON array of its elements, whatever its bounds. */
        ARRAY,
        /** A named composite type: a JSON object of its fields. */
        COMPOSITE,
        /** Everything else (text, money, oid, time, timetz, interval, bytea, geometric, ranges, enums, extensions): the server's text as a string. */
        TEXT
    }

    /** One field of a composite type. */
    public record Field(String name, PgType type) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public PgType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
        if ((kind == Kind.ARRAY) != (element != null)) {
            throw new IllegalArgumentException("an array type needs an element type, and only an array has one");
        }
    }

    /** A type without elements or fields. */
    public static PgType scalar(String name, Kind kind) {
        return new PgType(name, kind, null, ',', List.of());
    }

    /** An array of {@code element}, named as pgjdbc names it ({@code _int4}). */
    public static PgType arrayOf(PgType element) {
        return new PgType(
                "_" + element.name(), Kind.ARRAY, element, element.name().equals("box") ? ';' : ',', List.of());
    }

    private static final Map<String, Kind> BUILT_IN_KINDS = Map.ofEntries(
            Map.entry("bool", Kind.BOOLEAN),
            Map.entry("int2", Kind.NUMBER),
            Map.entry("int4", Kind.NUMBER),
            Map.entry("int8", Kind.NUMBER),
            Map.entry("float4", Kind.NUMBER),
            Map.entry("float8", Kind.NUMBER),
            Map.entry("numeric", Kind.NUMBER),
            Map.entry("serial", Kind.NUMBER),
            Map.entry("bigserial", Kind.NUMBER),
            Map.entry("date", Kind.DATE),
            Map.entry("timestamp", Kind.TIMESTAMP),
            Map.entry("timestamptz", Kind.TIMESTAMPTZ),
            Map.entry("json", Kind.JSON),
            Map.entry("jsonb", Kind.JSONB));

    /**
     * The type a built-in type name stands for: {@code int4} is a number, {@code _int4} an array of numbers,
     * any other name text. For columns whose type came from a catalog use {@link TypeCatalog}; this is for
     * results pgdesk builds itself and for names alone.
     */
    public static PgType named(String typeName) {
        String name = typeName == null ? "" : typeName;
        if (name.startsWith("_") && name.length() > 1) {
            return arrayOf(named(name.substring(1)));
        }
        return scalar(name, BUILT_IN_KINDS.getOrDefault(name, Kind.TEXT));
    }
}
