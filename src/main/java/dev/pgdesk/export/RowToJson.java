package dev.pgdesk.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pgdesk.query.PgType;
import java.io.IOException;
import java.util.List;

/**
 * Writes a value, given as the server's text output, as PostgreSQL's {@code row_to_json} writes it: the one
 * mapping behind every JSON that pgdesk writes (the command line's output, JSON and JSON Lines exports, the
 * grid's Copy as JSON and its JSON view). Following the server's {@code datum_to_json}:
 *
 * <ul>
 *   <li>{@code bool}: {@code true}/{@code false}.
 *   <li>{@code int2}..{@code numeric}, {@code float4}/{@code float8}: the text as a JSON number when it is
 *       one, else a string ({@code "NaN"}, {@code "Infinity"}).
 *   <li>{@code date}: its text; {@code timestamp} and {@code timestamptz}: ISO 8601 with {@code T}, the
 *       offset as {@code +hh:mm} in the session's time zone, {@code " BC"} kept, {@code "infinity"}.
 *   <li>{@code json}, {@code jsonb}: embedded.
 *   <li>Arrays: JSON arrays (bounds dropped, dimensions nested); composites: objects of their fields.
 *   <li>Everything else, including types pgdesk knows nothing about: the server's text as a string.
 * </ul>
 *
 * <p>Where the server would call a type's own cast to {@code json} (an extension type such as {@code
 * hstore}), and for anonymous records (whose field types a client cannot see), the value is written as the
 * server's text; see decision 17.
 */
public final class RowToJson {
    private RowToJson() {}

    /** Writes {@code text} (null for NULL) of a value of {@code type}. */
    public static void write(JsonGenerator json, PgType type, String text, JsonValueWriter.Options options)
            throws IOException {
        if (text == null) {
            json.writeNull();
            return;
        }
        switch (type.kind()) {
            case BOOLEAN -> writeBoolean(json, text);
            case NUMBER -> writeNumber(json, type, text, options);
            case DATE -> json.writeString(text);
            case TIMESTAMP -> json.writeString(isoTimestamp(text, false));
            case TIMESTAMPTZ -> json.writeString(isoTimestamp(text, true));
            case JSON -> JsonValueWriter.writeEmbeddedJson(json, text);
            case JSONB -> {
                if (options.jsonbAsServerText()) {
                    json.writeRawValue(text);
                } else {
                    JsonValueWriter.writeEmbeddedJson(json, text);
                }
            }
            case ARRAY -> writeArray(json, type, text, options);
            case COMPOSITE -> writeComposite(json, type, text, options);
            case TEXT -> json.writeString(text);
        }
    }

    private static void writeBoolean(JsonGenerator json, String text) throws IOException {
        switch (text) {
            case "t", "true" -> json.writeBoolean(true);
            case "f", "false" -> json.writeBoolean(false);
            default -> json.writeString(text);
        }
    }

    private static void writeNumber(JsonGenerator json, PgType type, String text, JsonValueWriter.Options options)
            throws IOException {
        if (options.numericAsString() && type.name().equals("numeric")) {
            json.writeString(text);
        } else if (isJsonNumber(text)) {
            // The server's digits as they are: nothing parsed, nothing rounded.
            json.writeNumber(text);
        } else {
            json.writeString(text);
        }
    }

    private static void writeArray(JsonGenerator json, PgType type, String text, JsonValueWriter.Options options)
            throws IOException {
        List<Object> elements = ArrayLiteral.parse(text, type.delimiter());
        if (elements == null) {
            json.writeString(text);
            return;
        }
        writeElements(json, type.element(), elements, options);
    }

    private static void writeElements(
            JsonGenerator json, PgType element, List<Object> elements, JsonValueWriter.Options options)
            throws IOException {
        json.writeStartArray();
        for (Object each : elements) {
            if (each instanceof List<?> inner) {
                @SuppressWarnings("unchecked")
                List<Object> dimension = (List<Object>) inner;
                writeElements(json, element, dimension, options);
            } else {
                write(json, element, (String) each, options);
            }
        }
        json.writeEndArray();
    }

    private static void writeComposite(JsonGenerator json, PgType type, String text, JsonValueWriter.Options options)
            throws IOException {
        List<PgType.Field> fields = type.fields();
        List<String> values = fields.isEmpty() && text.equals("()") ? List.of() : RecordLiteral.parse(text);
        if (values == null || values.size() != fields.size()) {
            json.writeString(text);
            return;
        }
        json.writeStartObject();
        for (int i = 0; i < fields.size(); i++) {
            json.writeFieldName(fields.get(i).name());
            write(json, fields.get(i).type(), values.get(i), options);
        }
        json.writeEndObject();
    }

    /**
     * A timestamp in the server's ISO output ({@code 2024-01-31 13:45:00.5+01}) as {@code row_to_json}
     * writes it ({@code 2024-01-31T13:45:00.5+01:00}).
     */
    static String isoTimestamp(String text, boolean withZone) {
        int space = text.indexOf(' ');
        if (space < 0 || !Character.isDigit(text.charAt(0))) {
            return text; // infinity, -infinity
        }
        StringBuilder iso = new StringBuilder(text);
        iso.setCharAt(space, 'T');
        if (withZone) {
            int end = text.endsWith(" BC") ? text.length() - 3 : text.length();
            // The offset is at most 9 characters from the end (+hh:mm:ss): look only there.
            int sign = end - 1;
            while (sign > space && text.charAt(sign) != '+' && text.charAt(sign) != '-') {
                sign--;
            }
            if (sign > space && end - sign == 3) {
                iso.insert(end, ":00");
            }
        }
        return iso.toString();
    }

    /** JSON's number grammar, which the server checks before writing a number bare. */
    static boolean isJsonNumber(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else if (isDigit(text, i)) {
            while (isDigit(text, i)) {
                i++;
            }
        } else {
            return false;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            if (!isDigit(text, i)) {
                return false;
            }
            while (isDigit(text, i)) {
                i++;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (!isDigit(text, i)) {
                return false;
            }
            while (isDigit(text, i)) {
                i++;
            }
        }
        return i == n;
    }

    private static boolean isDigit(String text, int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
}
