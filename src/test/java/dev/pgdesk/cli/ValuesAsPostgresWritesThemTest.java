package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.export.ExportFormat;
import dev.pgdesk.export.ExportOptions;
import dev.pgdesk.export.ResultExporter;
import dev.pgdesk.grid.CopyFormats;
import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.Column;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Every path that writes values writes them as PostgreSQL itself does, checked against the same server:
 * JSON (the command line's default documents, {@code --format json} and {@code jsonl}, the export, the grid's
 * Copy as JSON) equals {@code row_to_json} value for value, numbers digit for digit; CSV ({@code --format
 * csv}, the export) equals the server's {@code COPY ... TO STDOUT (FORMAT csv, HEADER)} byte for byte. The
 * table holds the types found written wrongly before: composites and arrays of them, {@code timetz} and its
 * arrays, {@code time '24:00'}, geometric types, {@code money} of 1,000 and more, {@code NaN} inside {@code
 * numeric[]}, {@code oid}, ranges, domains, enums, and the usual suspects.
 */
@Tag("server")
class ValuesAsPostgresWritesThemTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final String SCHEMA =
            "values_" + UUID.randomUUID().toString().replace("-", "");
    private static final String QUERY = "SELECT * FROM " + SCHEMA + ".every_type ORDER BY id";

    @TempDir
    Path directory;

    @BeforeAll
    static void createTheTable() throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement setup = connection.createStatement()) {
            setup.execute("CREATE SCHEMA " + SCHEMA);
            setup.execute("SET search_path = " + SCHEMA);
            setup.execute("CREATE TYPE mood AS ENUM ('happy', 'sad', 'with \"quotes\", commas')");
            setup.execute("CREATE TYPE inner_part AS (at timestamptz, ok bool, clock timetz)");
            setup.execute("CREATE TYPE outer_part AS (n int, label text, amounts numeric[], part inner_part,"
                    + " cash money, spot point)");
            setup.execute("CREATE DOMAIN positive AS numeric CHECK (VALUE > 0)");
            setup.execute("CREATE DOMAIN int_list AS int[]");
            setup.execute("CREATE DOMAIN part_domain AS outer_part");
            setup.execute("CREATE TABLE every_type (id int PRIMARY KEY, i2 int2, i4 int4, i8 int8,"
                    + " num numeric, f4 float4, f8 float8, flag bool, txt text, doc json, docb jsonb,"
                    + " ints int[], matrix int[], texts text[], bytes bytea, day date, clock time,"
                    + " clocktz timetz, clocks time[], clocktzs timetz[], local timestamp, instant timestamptz,"
                    + " instants timestamptz[], span interval, spans interval[], id2 uuid, address inet,"
                    + " feeling mood, feelings mood[], cash money, cashes money[], nums numeric[], floats float8[],"
                    + " obj oid, spot point, area box, areas box[], ring circle, route path, shape polygon,"
                    + " segment lseg, straight line, ints_range int4range, when_range tstzrange,"
                    + " letter \"char\", ident name, bits bit(3), varbits varbit, words tsvector, mac macaddr,"
                    + " net cidr, bounded int[], part outer_part, parts outer_part[], pos positive,"
                    + " list int_list, part_dom part_domain, flags bool[], docs jsonb[])");
            setup.execute("INSERT INTO every_type VALUES"
                    + " (1, -32768, 2147483647, 9223372036854775807,"
                    + " 123456789012345678901234567890.123456789012345678901234567890, 1.1, 1e300, true,"
                    + " e'quote \" backslash \\\\ newline\\n tab\\t unicode \u00e9\u6f22\ud83d\ude00',"
                    + " '{\"a\": [1, 2.50, {\"b\": null}], \"a\": \"dup\"}',"
                    + " '{\"big\": 12345678901234567890.123, \"nested\": {\"x\": [true, false]}}',"
                    + " '{1,NULL,3}', '{{1,2},{3,4}}', '{\"a \\\"q\\\"\",NULL,\"\",\"x,y\",\"NULL\"}', '\\x00ff10',"
                    + " '2024-02-29', '24:00:00', '10:00:00.25+05:30', '{13:45:00.5,NULL}',"
                    + " '{10:00:00+01,23:59:59.999999-08}', '2024-01-31 13:45:00.123456',"
                    + " '2024-01-31 13:45:00.5+02', '{2024-07-01 00:00:00+00,infinity}',"
                    + " '1 year 2 mons 3 days 04:05:06.5', '{1 day,-00:00:01}',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '192.168.0.1/24', 'with \"quotes\", commas',"
                    + " '{happy,\"with \\\"quotes\\\", commas\"}', 1000, '{1234567.89,-0.01}', '{NaN,1.50,-0}',"
                    + " '{Infinity,-Infinity,NaN,1e-300}', 4294967295, '(1.5,2)', '((3,4),(1,2))',"
                    + " '{((3,4),(1,2));((0,0),(0,0))}', '<(1,2),3.5>', '[(0,0),(1,1)]', '((0,0),(1,0),(1,1))',"
                    + " '[(0,0),(2,2.5)]', '{1,-1,0}', '[1,10)', '[2024-01-01 00:00+00,)', 'x', 'a name', B'101',"
                    + " B'1', 'a fat cat', '08:00:2b:01:02:03', '10.0.0.0/8', '[0:1]={7,8}',"
                    + " ROW(1, 'a, \"b\" \\\\ c', '{1.10,NaN}', ROW('2024-01-31 13:45:00+02', true, '10:00+01'),"
                    + " 1234.5, '(1,2)'),"
                    + " ARRAY[ROW(2, '', NULL, ROW(NULL, NULL, NULL), NULL, NULL)::outer_part, NULL,"
                    + " ROW(NULL, NULL, '{}', NULL, -1000, NULL)::outer_part],"
                    + " 3.25, '{4,5}', ROW(9, 'dom', NULL, NULL, 0, '(0,0)'), '{t,f,NULL}',"
                    + " ARRAY['{\"k\": [1.0]}'::jsonb, 'null'::jsonb, NULL]),"
                    + " (2, 0, 0, 0, 'NaN', 'NaN', 'Infinity', false, '', 'null', '[]', '{}', '{}', '{}', '',"
                    + " '0044-03-15 BC', '00:00:00', '23:59:59.999999-08', '{}', '{}', '0001-01-01 00:00:00 BC',"
                    + " '1999-12-31 23:59:59.999999-11:30', '{}', '-1 days 00:00:00.000001', '{}',"
                    + " '00000000-0000-0000-0000-000000000000', '::1', 'sad', '{}', 0, '{}', '{}', '{}', 0,"
                    + " '(0,0)', '((0,0),(0,0))', '{}', '<(0,0),0>', '((0,0))', '((0,0))', '[(0,0),(0,0)]',"
                    + " '{1,0,0}', 'empty', 'empty', '\"', '', B'000', B'', '', '00:00:00:00:00:00', '::/0',"
                    + " '{}', ROW(NULL, NULL, NULL, NULL, NULL, NULL), '{}', 1, '{}', NULL, '{}', '{}'),"
                    + " (3, NULL, NULL, NULL, 0.000, '-Infinity', '-Infinity', NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, 'infinity', NULL, NULL, NULL, NULL, '-infinity', 'infinity', NULL,"
                    + " '0', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (4, 1, 1, -1, -0.5, 3.4028235e38, 5e-324, true, '\\.', '1.0', '\"s\"', '{-1}',"
                    + " '{{{1}},{{2}}}', '{NULL}', '\\x', '-infinity', '23:59:59.999999', '00:00:00+00',"
                    + " '{24:00}', '{00:00+14}', 'infinity', '0044-03-15 12:00:00+00 BC', '{NULL}',"
                    + " '-1 year -2 mons +3 days -04:05:06', '{NULL}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                    + " '2001:db8::/32', NULL, '{NULL}', -92233720368547758.08, '{NULL}', '{NULL}', '{NULL}', 1,"
                    + " '(-1e-300,1e300)', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '(,5]', NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, '[-2:-1][3:3]={{1},{2}}', NULL, '{NULL}', NULL, NULL,"
                    + " NULL, '{NULL}', '{NULL}')");
        }
    }

    @AfterAll
    static void dropTheTable() throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    /** What the server's own row_to_json writes for each row, on the connection that also runs the path. */
    private static List<JsonNode> rowToJson(Connection connection) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT row_to_json(t)::text FROM (" + QUERY + ") t")) {
            while (result.next()) {
                rows.add(JSON.readTree(result.getString(1)));
            }
        }
        return rows;
    }

    /** The server's own CSV of the query, as {@code \copy ... csv header} would write it. */
    private static String copyCsv(Connection connection, String options) throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("COPY (" + QUERY + ") TO STDOUT (" + options + ")", csv);
        return csv.toString(StandardCharsets.UTF_8);
    }

    private static void assertSameRows(List<JsonNode> actual, List<JsonNode> expected, String path) {
        assertThat(actual).as(path).hasSize(4);
        for (int row = 0; row < expected.size(); row++) {
            JsonNode want = expected.get(row);
            JsonNode got = actual.get(row);
            List<String> names = new ArrayList<>();
            want.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                assertThat(got.get(name))
                        .as(
                                "%s: row %d column %s: pgdesk %s, row_to_json %s",
                                path, row + 1, name, got.get(name), want.get(name))
                        .isEqualTo(want.get(name));
            }
            assertThat(got.size()).as(path + ": keys of row " + (row + 1)).isEqualTo(want.size());
        }
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>();
        array.forEach(rows::add);
        return rows;
    }

    private RowCursor cursor(Connection connection) throws SQLException {
        // Two rows a fetch, so the rows cross fetches as a big export's do.
        return RowCursor.open(connection, BoundStatement.of(QUERY), 2, Duration.ofSeconds(60), new CancellationToken());
    }

    @Test
    void theJsonAndJsonLinesExportsEqualRowToJson() throws Exception {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER)) {
            List<JsonNode> expected = rowToJson(connection);
            for (ExportFormat format : List.of(ExportFormat.JSON, ExportFormat.JSONL)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (RowCursor cursor = cursor(connection)) {
                    ResultExporter.write(
                            cursor, out, ExportOptions.of(format), progress -> {}, new CancellationToken());
                }
                String text = out.toString(StandardCharsets.UTF_8);
                List<JsonNode> rows = new ArrayList<>();
                if (format == ExportFormat.JSON) {
                    rows = elements(JSON.readTree(text));
                } else {
                    for (String line : text.split("\n")) {
                        rows.add(JSON.readTree(line));
                    }
                }
                assertSameRows(rows, expected, "export " + format);
            }
        }
    }

    @Test
    void theGridsCopyAsJsonEqualsRowToJson() throws Exception {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER)) {
            List<JsonNode> expected = rowToJson(connection);
            List<Column> columns;
            List<Object[]> rows = new ArrayList<>();
            try (RowCursor cursor = cursor(connection)) {
                columns = cursor.columns();
                for (List<Object[]> batch = cursor.next(2); !batch.isEmpty(); batch = cursor.next(2)) {
                    rows.addAll(batch);
                }
            }
            String copied = CopyFormats.json(columns, rows);

            assertSameRows(elements(JSON.readTree(copied)), expected, "Copy as JSON");
        }
    }

    @Test
    void theCommandLinesJsonOutputsEqualRowToJson() throws Exception {
        List<JsonNode> expected;
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER)) {
            expected = rowToJson(connection);
        }
        assertSameRows(elements(JSON.readTree(query())), expected, "pgdesk query (default output)");
        assertSameRows(elements(JSON.readTree(query("--format", "json"))), expected, "pgdesk query --format json");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : query("--format", "jsonl").split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertSameRows(lines, expected, "pgdesk query --format jsonl");
    }

    @Test
    void csvIsByteForByteTheServersCopyCsv() throws Exception {
        String expected;
        String exported;
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER)) {
            expected = copyCsv(connection, "FORMAT csv, HEADER");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RowCursor cursor = cursor(connection)) {
                ResultExporter.write(
                        cursor, out, ExportOptions.of(ExportFormat.CSV), progress -> {}, new CancellationToken());
            }
            exported = out.toString(StandardCharsets.UTF_8);
        }

        assertThat(exported).as("the CSV export").isEqualTo(expected);
        assertThat(query("--format", "csv")).as("pgdesk query --format csv").isEqualTo(expected);
    }

    @Test
    void aOneColumnCsvQuotesALoneBackslashDotAsCopyDoes() throws Exception {
        String sql = "SELECT txt FROM " + SCHEMA + ".every_type ORDER BY id";
        String expected;
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER)) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (" + sql + ") TO STDOUT (FORMAT csv, HEADER)", csv);
            expected = csv.toString(StandardCharsets.UTF_8);
        }

        assertThat(expected).contains("\"\\.\"");
        assertThat(run("--sql", sql, "--format", "csv")).isEqualTo(expected);
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String query(String... format) {
        List<String> arguments = new ArrayList<>(List.of("--sql", QUERY));
        arguments.addAll(List.of(format));
        return run(arguments.toArray(String[]::new));
    }

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = InProcessQuery.run(directory.resolve("home"), out, err, args);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
