package dev.pgdesk.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Base64;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * A value as text, for CSV and plain-text tables. Result values are already the server's text and are
 * returned as they are, exactly what psql shows and {@code COPY} writes. Java values (rows pgdesk builds
 * itself, such as the monitor's) get a text in the same spirit: numbers with all their digits, {@code
 * NaN}/{@code Infinity}, dates and times ISO 8601, json as the server's text, arrays as JSON arrays.
 */
public final class ValueText {
    private ValueText() {}

    /**
     * The text of a value of PostgreSQL type {@code type} as pgjdbc (or {@link dev.pgdesk.query.RowCursor})
     * returned it; null for NULL.
     */
    public static String of(String type, Object value) throws IOException {
        if (value == null) {
            return null;
        } else if (value instanceof String text) {
            return text;
        } else if (value instanceof BigDecimal n) {
            return n.toPlainString();
        } else if (value instanceof Double d) {
            return Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
        } else if (value instanceof Float f) {
            return Float.isInfinite(f) ? (f > 0 ? "Infinity" : "-Infinity") : f.toString();
        } else if (value instanceof Number || value instanceof Boolean || value instanceof java.util.UUID) {
            return value.toString();
        } else if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        } else if (TemporalText.handles(value)) {
            return TemporalText.of(type, value);
        } else if (value instanceof PGInterval interval) {
            return JsonValueWriter.isoDuration(interval);
        } else if (value instanceof PGobject object) {
            return object.getValue();
        }
        // Arrays, maps and anything else: the JSON export's form, as text.
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = JsonValueWriter.jsonFactory().createGenerator(json)) {
            JsonValueWriter.writeValue(generator, type, value, JsonValueWriter.Options.EXPORT);
        }
        String text = json.toString();
        if (!text.startsWith("\"")) {
            return text;
        }
        try (JsonParser string = JsonValueWriter.jsonFactory().createParser(text)) {
            string.nextToken();
            return string.getText();
        }
    }
}
