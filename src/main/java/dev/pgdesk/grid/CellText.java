package dev.pgdesk.grid;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.pgdesk.export.JsonValueWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.postgresql.PGStatement;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * The text a grid shows for a value of a PostgreSQL type (as pgjdbc names it: {@code int4}, {@code
 * timestamptz}, {@code _text} for a text array). {@link #cell} is the short form for a table cell (long
 * text and {@code bytea} cut), {@link #full} the whole value for a value panel and for copying. NULL is
 * {@code null} here, so callers can tell it from an empty string and show it their own way.
 *
 * <p>Result values are the server's own text and are shown as psql shows them ({@code t}/{@code f},
 * timestamps in the session's time zone, {@code money} in the server's locale). Java values (rows pgdesk
 * builds itself) are shown in the same spirit: numbers in plain digits, dates and times ISO 8601, intervals
 * as {@code iso_8601} style, arrays in PostgreSQL's {@code {1,2}} form, {@code bytea} as {@code \x} hex.
 */
public final class CellText {
    /** Characters of text a cell shows before cutting; the value panel shows the rest. */
    public static final int CELL_LIMIT = 500;
    /** Bytes of {@code bytea} a cell previews in hex. */
    public static final int BYTEA_PREVIEW = 8;

    private static final Set<String> NUMERIC_TYPES =
            Set.of("int2", "int4", "int8", "oid", "numeric", "float4", "float8", "money", "serial", "bigserial");
    private static final HexFormat HEX = HexFormat.of();

    private CellText() {}

    /** True for types whose values are numbers, shown right-aligned. */
    public static boolean isNumeric(String typeName) {
        return typeName != null && NUMERIC_TYPES.contains(typeName);
    }

    /** True for {@code json} and {@code jsonb}. */
    public static boolean isJson(String typeName) {
        return "json".equals(typeName) || "jsonb".equals(typeName);
    }

    /** The short text a table cell shows, or {@code null} for SQL NULL. */
    public static String cell(String typeName, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return byteaPreview(bytes);
        }
        if ("bytea".equals(typeName) && value instanceof String hex && hex.startsWith("\\x")) {
            // The server's hex text: the same short preview as for bytes, with the size it stands for.
            int bytes = (hex.length() - 2) / 2;
            int shown = Math.min(bytes, BYTEA_PREVIEW);
            return hex.substring(0, 2 + 2 * shown) + (shown < bytes ? "…" : "") + " (" + sizeText(bytes) + ")";
        }
        String text = full(typeName, value);
        if (text.length() > CELL_LIMIT) {
            return text.substring(0, CELL_LIMIT) + "…";
        }
        return text;
    }

    /** The whole value as text, or {@code null} for SQL NULL. */
    public static String full(String typeName, Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof String text) {
            return text;
        } else if (value instanceof BigDecimal number) {
            return number.toPlainString();
        } else if (value instanceof Number || value instanceof Boolean || value instanceof BigInteger) {
            return value.toString();
        } else if (value instanceof byte[] bytes) {
            return "\\x" + HEX.formatHex(bytes);
        } else if (value instanceof PGInterval interval) {
            // Before PGobject: an interval is one, and its own text is the verbose postgres style.
            return JsonValueWriter.isoDuration(interval);
        } else if (value instanceof PGobject object) {
            return object.getValue() == null ? "" : object.getValue();
        } else if (value instanceof Array array) {
            return arrayText(typeName, array);
        } else if (value.getClass().isArray()) {
            return arrayLiteral(value);
        }
        String temporal = temporal(typeName, value);
        return temporal != null ? temporal : value.toString();
    }

    /**
     * The value panel's text: JSON indented, {@code bytea} as a hex dump of its start, anything else
     * whole; {@code "NULL"} for SQL NULL.
     */
    public static String detail(String typeName, Object value) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof byte[] bytes) {
            return hexDump(bytes, 4096);
        }
        String text = full(typeName, value);
        if (isJson(typeName) || (value instanceof PGobject object && isJson(object.getType()))) {
            return prettyJson(text);
        }
        return text;
    }

    /** {@code json} text indented for reading; numbers and key order kept exactly; the input if invalid. */
    public static String prettyJson(String json) {
        StringWriter out = new StringWriter();
        try (JsonParser parser = JsonValueWriter.jsonFactory().createParser(json);
                JsonGenerator generator = JsonValueWriter.jsonFactory().createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            if (parser.nextToken() == null) {
                return json;
            }
            generator.copyCurrentStructureExact(parser);
        } catch (IOException e) {
            return json;
        }
        return out.toString();
    }

    /** {@code \x89504e47… (12.3 KB)}: the first bytes in hex and the size. */
    public static String byteaPreview(byte[] bytes) {
        int shown = Math.min(bytes.length, BYTEA_PREVIEW);
        String hex = "\\x" + HEX.formatHex(bytes, 0, shown) + (shown < bytes.length ? "…" : "");
        return hex + " (" + sizeText(bytes.length) + ")";
    }

    /** A byte count for people: {@code 512 B}, {@code 12.3 KB}, {@code 4.0 MB}. */
    public static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Offset, 16 bytes in hex, and their printable characters per line, for the first {@code limit} bytes. */
    static String hexDump(byte[] bytes, int limit) {
        StringBuilder dump = new StringBuilder(sizeText(bytes.length)).append('\n');
        int end = Math.min(bytes.length, limit);
        for (int line = 0; line < end; line += 16) {
            dump.append(String.format(Locale.ROOT, "%08x  ", line));
            StringBuilder chars = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < end) {
                    dump.append(HEX.toHexDigits(bytes[i])).append(' ');
                    chars.append(bytes[i] >= 32 && bytes[i] < 127 ? (char) bytes[i] : '.');
                } else {
                    dump.append("   ");
                }
            }
            dump.append(' ').append(chars).append('\n');
        }
        if (end < bytes.length) {
            dump.append("… ").append(bytes.length - end).append(" more bytes\n");
        }
        return dump.toString();
    }

    /** ISO 8601 with the offset written out, +00:00 rather than Z, as PostgreSQL and the exports write it. */
    private static final DateTimeFormatter OFFSET_DATE_TIME = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(java.util.Locale.ROOT);

    private static final DateTimeFormatter OFFSET_TIME = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(java.util.Locale.ROOT);

    private static String temporal(String typeName, Object value) {
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.format(OFFSET_DATE_TIME);
        } else if (value instanceof LocalDateTime dateTime) {
            return dateTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } else if (value instanceof LocalDate date) {
            return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
        } else if (value instanceof LocalTime time) {
            return time.format(DateTimeFormatter.ISO_LOCAL_TIME);
        } else if (value instanceof OffsetTime time) {
            return time.format(OFFSET_TIME);
        } else if (value instanceof java.util.Date date && infinity(date.getTime()) != null) {
            return infinity(date.getTime());
        } else if (value instanceof java.sql.Timestamp timestamp && "timestamp".equals(typeName)) {
            return timestamp.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } else if (value instanceof java.sql.Timestamp timestamp) {
            // pgjdbc's getObject gives an instant for timestamptz: show it with the JVM zone's offset.
            return OffsetDateTime.ofInstant(timestamp.toInstant(), java.time.ZoneId.systemDefault())
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        } else if (value instanceof java.sql.Time time) {
            return time.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
        return null;
    }

    /** pgjdbc stands for PostgreSQL's {@code infinity} dates and timestamps with marker instants. */
    private static String infinity(long millis) {
        if (millis == PGStatement.DATE_POSITIVE_INFINITY || millis == PGStatement.DATE_POSITIVE_SMALLER_INFINITY) {
            return "infinity";
        } else if (millis == PGStatement.DATE_NEGATIVE_INFINITY
                || millis == PGStatement.DATE_NEGATIVE_SMALLER_INFINITY) {
            return "-infinity";
        }
        return null;
    }

    private static String arrayText(String typeName, Array array) {
        try {
            return arrayLiteral(array.getArray());
        } catch (SQLException e) {
            // The driver's own text of the array is still a faithful display.
            return array.toString();
        }
    }

    /** A Java array (possibly nested) in PostgreSQL's literal form: {@code {1,NULL,"a b"}}. */
    static String arrayLiteral(Object elements) {
        StringBuilder text = new StringBuilder("{");
        int length = java.lang.reflect.Array.getLength(elements);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(',');
            }
            Object element = java.lang.reflect.Array.get(elements, i);
            if (element == null) {
                text.append("NULL");
            } else if (element.getClass().isArray() && !(element instanceof byte[])) {
                text.append(arrayLiteral(element));
            } else {
                text.append(arrayElement(full("", element)));
            }
        }
        return text.append('}').toString();
    }

    /** Quotes an element as PostgreSQL does: when empty, NULL-like, or holding a delimiter or space. */
    private static String arrayElement(String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        if (!quote) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
