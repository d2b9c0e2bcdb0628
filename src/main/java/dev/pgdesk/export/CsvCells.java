package dev.pgdesk.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it: a field holding the delimiter, a double quote, CR or LF is quoted and
 * its quotes doubled; records end with CRLF. NULL is an empty field and an empty string is {@code ""}, so
 * the two stay apart. Values are written in their {@link ValueText} form.
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
            writeField(ValueText.of(types.get(i), row[i]));
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
}
