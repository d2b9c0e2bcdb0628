package dev.pgdesk.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the text a user typed for a parameter of a PostgreSQL type and keeps it, unchanged, for the server.
 *
 * <p>The server's input function for the type is the judge (see decision record 0016): the text is sent as
 * typed, with its type, so a value the server would refuse is refused by the server with its own error, and a
 * value it accepts ({@code NaN}, {@code -inf}, {@code infinity}, {@code epoch}, {@code 2024-01-01 BC}, ...)
 * reaches it exactly. Before anything is sent, only what no PostgreSQL version accepts is refused here, with
 * a message that names the parameter and the type: a word for a number, a fraction for an integer, an integer
 * outside its type's fixed range, a boolean that is no spelling of true or false, a UUID without 32 hex
 * digits, JSON that does not parse.
 */
public final class ParameterValues {
    /**
     * Any integer form some supported server reads: decimal digits, and since PostgreSQL 16 underscores
     * between digits and 0x, 0o and 0b prefixes. Whether this server reads underscores or a prefix is its call.
     */
    private static final Pattern INTEGER =
            Pattern.compile("[+-]?(\\d[\\d_]*|0[xX][\\p{XDigit}_]+|0[oO][0-7_]+|0[bB][01_]+)");

    /** A plain decimal integer: its range is the same on every server, so it is checked here. */
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?\\d+");

    /** A decimal number with an optional fraction and exponent, underscores allowed (PostgreSQL 16 numeric). */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d[\\d_]*(\\.[\\d_]*)?|\\.\\d[\\d_]*)([eE][+-]?\\d[\\d_]*)?");

    /** C's strtod reads hexadecimal floating point, and float4in/float8in use it. */
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX](\\p{XDigit}+\\.?\\p{XDigit}*|\\.\\p{XDigit}+)" + "([pP][+-]?\\d+)?");

    /** NaN and the infinities as numeric (PostgreSQL 14 and later) and float4/float8 read them, any case. */
    private static final Pattern SPECIAL_NUMBER = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** A UUID as uuid_in may read it: optional braces around hex digits and hyphens. */
    private static final Pattern UUID_SHAPE = Pattern.compile("\\{?[\\p{XDigit}-]+}?");

    /**
     * Only syntax is judged here: limits the server does not have (nesting depth, number length) are lifted,
     * and the streaming parser reads any depth without recursion.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private ParameterValues() {}

    /**
     * Checks {@code text} for a parameter of PostgreSQL type {@code typeName} (as the server names it, e.g.
     * {@code int4}, or as users write it, e.g. {@code integer}) and returns it, unchanged, to be sent with
     * that type.
     *
     * @param label how the parameter is shown, e.g. {@code $1} or {@code :id}
     * @throws ParameterValueException the text is clearly not a value of the type; the message names the
     *     parameter, the expected type and what is wrong
     */
    public static ParameterValue convert(String text, String typeName, String label) throws ParameterValueException {
        String type = canonical(typeName);
        // The server's input functions skip the same white space, and no other.
        String trimmed = trimLikeTheServer(text);
        switch (type) {
            case "smallint", "integer", "bigint" -> checkInteger(trimmed, type, label, text);
            case "numeric" -> checkNumber(trimmed, type, label, text, false);
            case "real", "double precision" -> checkNumber(trimmed, type, label, text, true);
            case "boolean" -> checkBoolean(trimmed, label, text);
            case "uuid" -> checkUuid(label, text);
            case "json", "jsonb" -> checkJson(text, type, label);
            default -> {
                // Dates and times (infinity, epoch, today, BC, 24:00, time zone names, ...) and every other type:
                // the server reads them, or says why it cannot.
            }
        }
        return new ParameterValue(type, text, label);
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

    /**
     * The server's name for a canonical type, for the types whose text pgdesk sends typed (see {@link
     * ParameterBinder}); {@code null} for the others.
     */
    static String serverName(String canonicalType) {
        return switch (canonicalType) {
            case "smallint" -> "int2";
            case "integer" -> "int4";
            case "bigint" -> "int8";
            case "numeric" -> "numeric";
            case "real" -> "float4";
            case "double precision" -> "float8";
            case "boolean" -> "bool";
            case "date", "timestamp", "timestamptz", "uuid" -> canonicalType;
            default -> null;
        };
    }

    private static void checkInteger(String trimmed, String type, String label, String text)
            throws ParameterValueException {
        if (!INTEGER.matcher(trimmed).matches()) {
            boolean number = DECIMAL.matcher(trimmed).matches()
                    || SPECIAL_NUMBER.matcher(trimmed).matches();
            throw invalid(label, type, text, number ? "is not a whole number" : "is not a number");
        }
        if (DECIMAL_INTEGER.matcher(trimmed).matches()) {
            BigInteger value = new BigInteger(trimmed);
            int bits = switch (type) {
                case "smallint" -> 16;
                case "integer" -> 32;
                default -> 64;
            };
            BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
            BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
            if (value.compareTo(max) > 0 || value.compareTo(min) < 0) {
                throw invalid(label, type, text, "is out of range (" + min + " to " + max + ")");
            }
        }
    }

    /**
     * Refuses only text that is no number at all. Overflow, underflow and precision are the server's to judge
     * ({@code 1e131072} for numeric, {@code 1e400} for float8): it refuses them with SQLSTATE 22003 rather
     * than pgdesk rounding them to zero or infinity.
     */
    private static void checkNumber(String trimmed, String type, String label, String text, boolean floating)
            throws ParameterValueException {
        boolean number = DECIMAL.matcher(trimmed).matches()
                || SPECIAL_NUMBER.matcher(trimmed).matches()
                || (floating ? HEX_FLOAT : INTEGER).matcher(trimmed).matches();
        if (!number) {
            throw invalid(label, type, text, "is not a number");
        }
    }

    /** PostgreSQL's own rule (parse_bool): any unambiguous start of true, false, yes, no, on, off; 1 or 0. */
    private static void checkBoolean(String trimmed, String label, String text) throws ParameterValueException {
        String word = trimmed.toLowerCase(Locale.ROOT);
        boolean valid = !word.isEmpty()
                && ("true".startsWith(word)
                        || "false".startsWith(word)
                        || "yes".startsWith(word)
                        || "no".startsWith(word)
                        || (word.length() >= 2 && ("on".startsWith(word) || "off".startsWith(word)))
                        || word.equals("1")
                        || word.equals("0"));
        if (!valid) {
            throw invalid(label, "boolean", text, "is not true/false (or t/f, yes/no, on/off, 1/0)");
        }
    }

    /** uuid_in skips no white space, so neither does this check; where the hyphens go is the server's call. */
    private static void checkUuid(String label, String text) throws ParameterValueException {
        boolean valid = UUID_SHAPE.matcher(text).matches()
                && text.chars().filter(c -> Character.digit(c, 16) >= 0).count() == 32;
        if (!valid) {
            throw invalid(label, "uuid", text, "is not a UUID (expected e.g. 123e4567-e89b-12d3-a456-426614174000)");
        }
    }

    /** JSON is parsed here only to catch a typo before sending; the server parses it again. */
    private static void checkJson(String text, String type, String label) throws ParameterValueException {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                throw invalid(label, type, text, "is not valid JSON: it is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalid(label, type, text, "is not valid JSON: more follows the value");
            }
        } catch (StreamConstraintsException e) {
            // A limit of the parser, not of JSON: the server decides.
        } catch (JsonProcessingException e) {
            throw invalid(label, type, text, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading JSON from a string failed", e);
        }
    }

    /** Leading and trailing space, tab, newline, carriage return, vertical tab and form feed (C's isspace). */
    private static String trimLikeTheServer(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static ParameterValueException invalid(String label, String type, String text, String problem) {
        return new ParameterValueException(label + " expects " + type + ": \"" + text + "\" " + problem);
    }
}
