package dev.pgdesk.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV byte for byte as PostgreSQL's {@code COPY ... TO STDOUT (FORMAT csv, HEADER)} writes it (and so
 * psql's {@code \copy ... csv header}): a field holding the delimiter, a double quote, CR or LF is quoted and
 * its quotes doubled; a lone {@code \.} in a one-column result is quoted so it never reads as COPY's
 * end-of-data; records end with LF. NULL is an empty field and an empty string is {@code ""}, so the two
 * stay apart. Values are the server's text ({@link ValueText} for values pgdesk built itself).
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
            writeField(fields.get(i), fields.size() == 1);
        }
        out.write('\n');
    }

    /** Writes one row of values of the given PostgreSQL types. */
    void writeRow(List<String> types, Object[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            writeField(ValueText.of(types.get(i), row[i]), row.length == 1);
        }
        out.write('\n');
    }

    private void writeField(String field, boolean onlyField) throws IOException {
        if (field == null) {
            return;
        }
        if (field.isEmpty() || needsQuotes(field) || (onlyField && field.equals("\\."))) {
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
