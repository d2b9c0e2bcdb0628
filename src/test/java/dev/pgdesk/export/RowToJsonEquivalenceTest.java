package dev.pgdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.Column;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON export equals, value for value, what PostgreSQL's own {@code row_to_json} writes for the same
 * rows, over a table with every type the export maps. Both sides are parsed by Jackson and normalised the
 * same way, only where the spelling may differ but the value may not:
 *
 * <ul>
 *   <li>numbers (also inside json/jsonb) are compared as exact decimals without trailing zeros ({@code 1e+300}
 *       and {@code 1000...0}, {@code 1.50} and {@code 1.5} are the same number); {@code float4}/{@code float8}
 *       are compared as the binary floating-point value each spelling denotes (Java 17 writes the smallest
 *       double as {@code 4.9E-324}, PostgreSQL as {@code 5e-324}: both read back as the same double);
 *   <li>{@code timestamptz} is compared as an instant ({@code row_to_json} writes the session's zone, the
 *       export UTC); {@code timestamp}, {@code time}, {@code timetz} are parsed as ISO values, so {@code
 *       13:45:00.50} and {@code 13:45:00.5} agree, and {@code timetz}'s {@code -08} offset equals {@code
 *       -08:00}; a {@code " BC"} suffix and {@code infinity} are kept as
 *       they are written, so they must match exactly;
 *   <li>{@code bytea} is decoded on both sides ({@code row_to_json} writes {@code \x} hex, the export base64);
 *   <li>{@code interval}: {@code row_to_json} runs with {@code intervalstyle = iso_8601}, the form the export
 *       writes, and the strings must match exactly.
 * </ul>
 *
 * Everything else (text, booleans, NULL, uuid, inet, enums, NaN and Infinity strings, array nesting, json
 * structure) must be identical.
 */
@Tag("server")
class RowToJsonEquivalenceTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    @TempDir
    Path directory;

    @Test
    void theJsonExportEqualsRowToJsonForEveryType() throws Exception {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement setup = connection.createStatement()) {
            setup.execute("CREATE TYPE pg_temp.mood AS ENUM ('happy', 'sad')");
            setup.execute("CREATE TEMP TABLE every_type (id int PRIMARY KEY, i2 int2, i4 int4, i8 int8,"
                    + " num numeric, f4 float4, f8 float8, flag bool, txt text, doc json, docb jsonb,"
                    + " ints int[], matrix int[], texts text[], bytes bytea, day date, clock time,"
                    + " clocktz timetz, local timestamp, instant timestamptz, span interval, id2 uuid,"
                    + " address inet, feeling pg_temp.mood)");
            setup.execute("INSERT INTO every_type VALUES"
                    + " (1, -32768, 2147483647, 9223372036854775807,"
                    + " 123456789012345678901234567890.123456789012345678901234567890, 1.1, 1e300, true,"
                    + " e'quote \" backslash \\\\ newline\\n tab\\t unicode \u00e9\u6f22\ud83d\ude00',"
                    + " '{\"a\": [1, 2.50, {\"b\": null}], \"a\": \"dup\"}',"
                    + " '{\"big\": 12345678901234567890.123, \"nested\": {\"x\": [true, false]}}',"
                    + " '{1,NULL,3}', '{{1,2},{3,4}}', '{\"a \\\"q\\\"\",NULL,\"\",\"x,y\"}', '\\x00ff10',"
                    + " '2024-02-29', '13:45:00.5', '10:00:00.25+05:30', '2024-01-31 13:45:00.123456',"
                    + " '2024-01-31 13:45:00.5+02', '1 year 2 mons 3 days 04:05:06.5',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '192.168.0.1/24', 'happy'),"
                    + " (2, 0, 0, 0, 'NaN', 'NaN', 'Infinity', false, '', 'null', '[]', '{}', '{}', '{}', '',"
                    + " '0044-03-15 BC', '00:00:00', '23:59:59.999999-08', '0001-01-01 00:00:00 BC',"
                    + " '1999-12-31 23:59:59.999999-11:30', '-1 days 00:00:00.000001',"
                    + " '00000000-0000-0000-0000-000000000000', '::1', 'sad'),"
                    + " (3, NULL, NULL, NULL, 0.000, '-Infinity', '-Infinity', NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, 'infinity', NULL, NULL, '-infinity', 'infinity', '0', NULL, NULL,"
                    + " NULL),"
                    + " (4, 1, 1, -1, -0.5, 3.4028235e38, 5e-324, true, 'x', '1.0', '\"s\"', '{-1}',"
                    + " '{{{1}},{{2}}}', '{NULL}', '\\x', '-infinity', '24:00:00', '00:00:00+00',"
                    + " 'infinity', '0044-03-15 12:00:00+00 BC', '-1 year -2 mons +3 days -04:05:06',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2001:db8::/32', NULL)");

            Path file = directory.resolve("every.json");
            List<Column> columns;
            try (RowCursor cursor = RowCursor.open(
                    connection,
                    BoundStatement.of("SELECT * FROM every_type ORDER BY id"),
                    2,
                    Duration.ofSeconds(30),
                    new CancellationToken())) {
                columns = cursor.columns();
                ResultExporter.export(
                        cursor, file, ExportOptions.of(ExportFormat.JSON), progress -> {}, new CancellationToken());
            }
            JsonNode exported = JSON.readTree(Files.readString(file));

            setup.execute("SET intervalstyle = iso_8601");
            List<JsonNode> expected = new ArrayList<>();
            try (ResultSet rows = setup.executeQuery("SELECT row_to_json(t)::text FROM every_type t ORDER BY id")) {
                while (rows.next()) {
                    expected.add(JSON.readTree(rows.getString(1)));
                }
            }

            assertThat(exported.size()).isEqualTo(expected.size()).isEqualTo(4);
            for (int row = 0; row < expected.size(); row++) {
                for (Column column : columns) {
                    JsonNode want = expected.get(row).get(column.name());
                    JsonNode got = exported.get(row).get(column.name());
                    assertThat(normal(column.typeName(), got))
                            .as(
                                    "row %d column %s (%s): export %s, row_to_json %s",
                                    row + 1, column.name(), column.typeName(), got, want)
                            .isEqualTo(normal(column.typeName(), want));
                }
                assertThat(exported.get(row).size()).isEqualTo(expected.get(row).size());
            }
        }
    }

    /** The normalised value of {@code node} for a column of PostgreSQL type {@code type}; see the class. */
    private static Object normal(String type, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type.startsWith("_") && node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.forEach(element -> elements.add(normal(type, element)));
            return elements;
        }
        String base = type.startsWith("_") ? type.substring(1) : type;
        if (node.isNumber() && base.equals("float8")) {
            return node.doubleValue();
        }
        if (node.isNumber() && base.equals("float4")) {
            return node.floatValue();
        }
        if (node.isTextual() && !base.equals("json") && !base.equals("jsonb")) {
            return normalText(base, node.textValue());
        }
        return tree(node);
    }

    private static Object normalText(String type, String text) {
        if (text.equals("infinity") || text.equals("-infinity") || text.endsWith(" BC")) {
            return text.endsWith(" BC") && type.equals("timestamptz") ? bcInstant(text) : text;
        }
        return switch (type) {
            case "timestamptz" -> OffsetDateTime.parse(text).toInstant();
            case "timestamp" -> LocalDateTime.parse(text);
            case "time" -> text.startsWith("24:") ? text : LocalTime.parse(text);
            case "timetz" -> OffsetTime.parse(text.replaceFirst("([+-]\\d\\d)$", "$1:00"));
            case "bytea" ->
                HexFormat.of()
                        .formatHex(
                                text.startsWith("\\x")
                                        ? HexFormat.of().parseHex(text.substring(2))
                                        : Base64.getDecoder().decode(text));
            default -> text;
        };
    }

    /** A BC timestamptz as an instant plus the era, so two offsets for the same moment agree. */
    private static String bcInstant(String text) {
        return OffsetDateTime.parse(text.substring(0, text.length() - 3)).toInstant() + " BC";
    }

    /** JSON structure with numbers as exact decimals without trailing zeros. */
    private static Object tree(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        } else if (node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.forEach(element -> elements.add(tree(element)));
            return elements;
        } else if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), tree(field.getValue()));
            }
            return fields;
        } else if (node.isNull()) {
            return "null";
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }
}
