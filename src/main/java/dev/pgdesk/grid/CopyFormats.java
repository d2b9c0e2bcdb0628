package dev.pgdesk.grid;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pgdesk.export.JsonValueWriter;
import dev.pgdesk.query.Column;
import dev.pgdesk.sql.Identifiers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * Turns a selection of a result (its columns and, per row, one value per column) into text for the
 * clipboard. Values are whole, never the cut text a cell shows.
 *
 * <ul>
 *   <li>TSV: no header (pastes into a spreadsheet as cells); NULL as an empty field; a field holding a tab
 *       or line break, or starting with a double quote, is quoted as in CSV, which spreadsheets read back
 *       (quotes inside other fields are plain text to them).
 *   <li>CSV: RFC 4180: a header row, comma, CRLF line ends, fields quoted when they hold a comma, quote or
 *       line break, quotes doubled; NULL as an empty unquoted field, the empty string as {@code ""}.
 *   <li>JSON: an array of objects with the export's mapping ({@link JsonValueWriter}): json/jsonb embedded,
 *       numbers exact, NULL as null.
 *   <li>Markdown: a GitHub table with a header; {@code |} escaped, line breaks as {@code <br>}, numeric
 *       columns right-aligned, NULL as {@code NULL}.
 *   <li>SQL INSERT: one statement per row; see {@link #sqlLiteral}.
 * </ul>
 */
public final class CopyFormats {
    /** Types whose text is an SQL literal as it stands: no quotes, no cast. */
    private static final Set<String> BARE_NUMBERS =
            Set.of("int2", "int4", "int8", "oid", "numeric", "float4", "float8");
    /** A number as SQL reads it bare: not NaN or Infinity, which need quotes. */
    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    /** Types a quoted literal is already of, so the statement stays short: no cast needed. */
    private static final Set<String> UNCAST_TEXT = Set.of("text", "varchar", "bpchar", "name", "unknown", "");

    private CopyFormats() {}

    /** The selection in {@code format}; {@code table} names the INSERT target (null: {@code result}). */
    public static String format(CopyFormat format, List<Column> columns, List<Object[]> rows, String table) {
        return switch (format) {
            case TSV -> tsv(columns, rows);
            case CSV -> csv(columns, rows);
            case JSON -> json(columns, rows);
            case MARKDOWN -> markdown(columns, rows);
            case SQL_INSERT -> sqlInsert(table, columns, rows);
        };
    }

    /** Tab-separated, one line per row, no header. */
    public static String tsv(List<Column> columns, List<Object[]> rows) {
        StringBuilder text = new StringBuilder();
        for (Object[] row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    text.append('\t');
                }
                String value = CellText.full(columns.get(c).typeName(), row[c]);
                if (value != null) {
                    text.append(tsvField(value));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** RFC 4180 with a header row. */
    public static String csv(List<Column> columns, List<Object[]> rows) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            text.append(c > 0 ? "," : "").append(quoteIfNeeded(columns.get(c).name(), ','));
        }
        text.append("\r\n");
        for (Object[] row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    text.append(',');
                }
                String value = CellText.full(columns.get(c).typeName(), row[c]);
                if (value != null) {
                    // An empty string is quoted so it reads back as different from NULL.
                    text.append(value.isEmpty() ? "\"\"" : quoteIfNeeded(value, ','));
                }
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    /** An indented JSON array of objects keyed by column name. */
    public static String json(List<Column> columns, List<Object[]> rows) {
        JsonValueWriter writer = new JsonValueWriter(columns);
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JsonValueWriter.jsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (Object[] row : rows) {
                writer.writeRow(json, row);
            }
            json.writeEndArray();
        } catch (IOException e) {
            // Writing to a string fails only on values the mapping cannot read (a broken array).
            throw new UncheckedIOException("could not write the selection as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A GitHub-flavoured Markdown table. */
    public static String markdown(List<Column> columns, List<Object[]> rows) {
        StringBuilder text = new StringBuilder("|");
        for (Column column : columns) {
            text.append(' ').append(markdownCell(column.name())).append(" |");
        }
        text.append("\n|");
        for (Column column : columns) {
            text.append(CellText.isNumeric(column.typeName()) ? " ---: |" : " --- |");
        }
        text.append('\n');
        for (Object[] row : rows) {
            text.append('|');
            for (int c = 0; c < columns.size(); c++) {
                String value = CellText.full(columns.get(c).typeName(), row[c]);
                text.append(' ')
                        .append(value == null ? "NULL" : markdownCell(value))
                        .append(" |");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (...);} per row. {@code table} is used as written (it may
     * be schema-qualified and quoted already); {@code null} or blank means {@code result}.
     */
    public static String sqlInsert(String table, List<Column> columns, List<Object[]> rows) {
        String target = table == null || table.isBlank() ? "result" : table.strip();
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            names.append(c > 0 ? ", " : "").append(identifier(columns.get(c).name()));
        }
        StringBuilder text = new StringBuilder();
        for (Object[] row : rows) {
            text.append("INSERT INTO ")
                    .append(target)
                    .append(" (")
                    .append(names)
                    .append(") VALUES (");
            for (int c = 0; c < columns.size(); c++) {
                text.append(c > 0 ? ", " : "").append(sqlLiteral(columns.get(c).typeName(), row[c]));
            }
            text.append(");\n");
        }
        return text.toString();
    }

    /**
     * A value as an SQL literal: {@code NULL}; finite numbers bare ({@code 42}, {@code 3.14}); NaN and
     * infinities quoted with a cast ({@code 'NaN'::float8}); {@code TRUE}/{@code FALSE}; text quoted with
     * {@code '} doubled ({@code 'It''s'}), assuming {@code standard_conforming_strings} (on since
     * PostgreSQL 9.1) so backslashes stay as they are; any other type quoted and cast to its type
     * ({@code '{"a": 1}'::jsonb}, {@code '2024-01-31T10:00:00Z'::timestamptz}, {@code '{1,2}'::int4[]}),
     * so the statement means the same value whatever the target column's type.
     */
    public static String sqlLiteral(String typeName, Object value) {
        String type = typeName == null ? "" : typeName;
        if (value == null) {
            return "NULL";
        } else if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        } else if (value instanceof String serverText && type.equals("bool")) {
            // Results hold the server's text: t and f.
            return serverText.equals("t") ? "TRUE" : serverText.equals("f") ? "FALSE" : "'" + serverText + "'::bool";
        }
        String text = CellText.full(type, value);
        boolean number = value instanceof BigDecimal
                || value instanceof BigInteger
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || ((value instanceof Double || value instanceof Float)
                        && Double.isFinite(((Number) value).doubleValue()));
        if (value instanceof String
                && BARE_NUMBERS.contains(type)
                && PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        if (number && (BARE_NUMBERS.contains(type) || type.isEmpty())) {
            return text;
        }
        String quoted = "'" + text.replace("'", "''") + "'";
        if (UNCAST_TEXT.contains(type)) {
            return quoted;
        }
        return quoted + "::" + castType(type);
    }

    /** pgjdbc names array types {@code _int4}; SQL writes {@code int4[]}. */
    private static String castType(String type) {
        return type.startsWith("_") ? identifier(type.substring(1)) + "[]" : identifier(type);
    }

    /** A name as an SQL identifier: bare when lower-case and simple, otherwise double-quoted. */
    static String identifier(String name) {
        return Identifiers.quote(name);
    }

    private static String quoteIfNeeded(String value, char delimiter) {
        if (value.indexOf(delimiter) < 0
                && value.indexOf('"') < 0
                && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String tsvField(String value) {
        if (value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && !value.startsWith("\"")) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String markdownCell(String value) {
        return value.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("\r\n", "<br>")
                .replace("\n", "<br>")
                .replace("\r", "<br>");
    }
}
