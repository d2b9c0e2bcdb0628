package dev.pgdesk.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * Writes CSV as RFC 4180 describes it: a field holding the delimiter, a double quote, CR or LF is quoted and
 * its quotes doubled; records end with CRLF. NULL is an empty field and an empty string is {@code ""}, so
 * the two stay apart. Values are written in the export's text form: numbers with all their digits,
 * booleans {@code true}/{@code false}, dates and times as in the JSON export, bytea as base64, json as its
 * text, arrays as JSON arrays.
 */
final class CsvCells {
    private final Writer out;
    private final char delimiter;

    CsvCells(Writer out, char delimiter) {
        this.out = out;
        this.delimiter = delimiter;
    }

    /** Writes one record; a null field is NULL. */
    void writeRecord(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            writeField(fields.get(i));
        }
        out.write("\r\n");
    }

    /** Writes one row of values of the given PostgreSQL types. */
    void writeRow(List<String> types, Object[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            writeField(text(types.get(i), row[i]));
        }
        out.write("\r\n");
    }

    private void writeField(String field) throws IOException {
        if (field == null) {
            return;
        }
        if (field.isEmpty() || needsQuotes(field)) {
            out.write('"');
            out.write(field.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(field);
        }
    }

    private boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** A value's export text; null for NULL. */
    static String text(String type, Object value) throws IOException {
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
