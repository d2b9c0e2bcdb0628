package dev.pgdesk.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns the text a user typed for a parameter into a value of its PostgreSQL type, so a bad value is
 * reported (naming the parameter and the type) before anything is sent. Types it does not know pass as
 * text and the server converts them.
 */
public final class ParameterValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * ISO date and time with a space or a T between them and optional fractions, as people type them. Strict, so
     * that February 30 is refused rather than quietly read as February 29.
     */
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME)
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendOffset("+HH:mm", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter SHORT_OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(LOCAL_DATE_TIME)
            .appendOffset("+HH", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** How a date written the ISO way begins: four digits, a dash, two digits, a dash, two digits. */
    private static final java.util.regex.Pattern ISO_DATE_START =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final int DATE_LENGTH = "2024-01-31".length();

    private ParameterValues() {}

    /**
     * Converts {@code text} for a parameter of PostgreSQL type {@code typeName} (as the server names it,
     * e.g. {@code int4}, or as users write it, e.g. {@code integer}).
     *
     * @param label how the parameter is shown, e.g. {@code $1} or {@code :id}
     * @throws ParameterValueException naming the parameter, the expected type and what is wrong
     */
    public static ParameterValue convert(String text, String typeName, String label) throws ParameterValueException {
        String type = canonical(typeName);
        String trimmed = text.strip();
        try {
            Object value = switch (type) {
                case "smallint" -> Short.valueOf(number(trimmed, type, label, text));
                case "integer" -> Integer.valueOf(number(trimmed, type, label, text));
                case "bigint" -> Long.valueOf(number(trimmed, type, label, text));
                case "numeric" -> new BigDecimal(number(trimmed, type, label, text));
                case "real" -> Float.valueOf(number(trimmed, type, label, text));
                case "double precision" -> Double.valueOf(number(trimmed, type, label, text));
                case "boolean" -> bool(trimmed, label, text);
                case "date", "timestamp", "timestamptz" -> dateTime(trimmed, type, text);
                case "uuid" -> uuid(trimmed, label, text);
                case "json", "jsonb" -> json(text, type, label);
                default -> text;
            };
            return new ParameterValue(type, value);
        } catch (NumberFormatException e) {
            throw invalid(label, type, text, "is out of range");
        } catch (DateTimeParseException e) {
            throw invalid(label, type, text, "is not a valid " + type + " (expected e.g. " + example(type) + ")");
        }
    }

    /** The canonical name of a type, accepting the server's internal names and common spellings. */
    public static String canonical(String typeName) {
        String type = typeName.strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "int2", "smallint" -> "smallint";
            case "int4", "int", "integer", "serial" -> "integer";
            case "int8", "bigint", "bigserial" -> "bigint";
            case "numeric", "decimal" -> "numeric";
            case "float4", "real" -> "real";
            case "float8", "double precision", "double" -> "double precision";
            case "bool", "boolean" -> "boolean";
            case "timestamp", "timestamp without time zone" -> "timestamp";
            case "timestamptz", "timestamp with time zone" -> "timestamptz";
            case "varchar", "character varying", "bpchar", "character", "char", "name" -> "text";
            default -> type;
        };
    }

    private static String number(String trimmed, String type, String label, String text)
            throws ParameterValueException {
        if (!trimmed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw invalid(label, type, text, "is not a number");
        }
        boolean integral = !type.equals("numeric") && !type.equals("real") && !type.equals("double precision");
        if (integral && !trimmed.matches("[+-]?\\d+")) {
            throw invalid(label, type, text, "is not a whole number");
        }
        return trimmed;
    }

    private static Boolean bool(String trimmed, String label, String text) throws ParameterValueException {
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "false", "f", "no", "n", "off", "0" -> Boolean.FALSE;
            default -> throw invalid(label, "boolean", text, "is not true/false (or t/f, yes/no, 1/0)");
        };
    }

    /**
     * A date or time stamp written the ISO way becomes its Java value, and an impossible one ("2024-02-30") is
     * refused here. Anything else PostgreSQL reads ("today", "now", "Jan 8 2024", a time stamp without an offset
     * for timestamptz, which takes the session's time zone) goes to the server as text, which converts it as
     * psql would, or says why it cannot.
     */
    private static Object dateTime(String trimmed, String type, String text) {
        if (!ISO_DATE_START.matcher(trimmed).lookingAt()) {
            return text;
        }
        return switch (type) {
            case "date" -> LocalDate.parse(trimmed);
            case "timestamp" ->
                trimmed.length() == DATE_LENGTH
                        ? LocalDate.parse(trimmed).atStartOfDay()
                        : LocalDateTime.parse(trimmed, LOCAL_DATE_TIME);
            default -> offsetDateTimeOrLocalText(trimmed, text);
        };
    }

    private static Object offsetDateTimeOrLocalText(String trimmed, String text) {
        try {
            return OffsetDateTime.parse(trimmed, OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(trimmed, SHORT_OFFSET_DATE_TIME);
            } catch (DateTimeParseException withoutOffset) {
                // Checked here, converted by the server in its time zone.
                if (trimmed.length() == DATE_LENGTH) {
                    LocalDate.parse(trimmed);
                } else {
                    LocalDateTime.parse(trimmed, LOCAL_DATE_TIME);
                }
                return text;
            }
        }
    }

    private static UUID uuid(String trimmed, String label, String text) throws ParameterValueException {
        if (!trimmed.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw invalid(label, "uuid", text, "is not a UUID (expected e.g. 123e4567-e89b-12d3-a456-426614174000)");
        }
        return UUID.fromString(trimmed);
    }

    /** JSON stays text (the server parses it again) but is checked here so a typo is caught before sending. */
    private static String json(String text, String type, String label) throws ParameterValueException {
        try {
            JSON.readTree(text);
            return text;
        } catch (JsonProcessingException e) {
            throw invalid(label, type, text, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String example(String type) {
        return switch (type) {
            case "date" -> "2024-01-31";
            case "timestamp" -> "2024-01-31 13:45:00";
            default -> "2024-01-31 13:45:00+01:00";
        };
    }

    private static ParameterValueException invalid(String label, String type, String text, String problem) {
        return new ParameterValueException(label + " expects " + type + ": \"" + text + "\" " + problem);
    }
}
