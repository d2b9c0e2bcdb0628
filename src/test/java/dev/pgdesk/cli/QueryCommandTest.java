package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk query} against a real server: scripts, parameters, errors, timeouts, transactions. */
@Tag("server")
class QueryCommandTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** A table of this test's own, so tests never see each other's rows. */
    private final String table = "cli_query_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path home;

    @BeforeEach
    void createTable() throws SQLException {
        execute("CREATE TABLE " + table + " (id int PRIMARY KEY, name text)");
    }

    @AfterEach
    void dropTable() throws SQLException {
        execute("DROP TABLE IF EXISTS " + table);
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int runWithInput(String stdin, String... args) {
        TestServer server = TestServer.shared();
        // An empty home and only PGPASSWORD: nothing of the machine's PG* settings or ~/.pgpass leaks in.
        PgEnvironment environment =
                new PgEnvironment(Map.of("PGPASSWORD", server.password(TestServer.SUPERUSER)), home);
        QueryCommand command = new QueryCommand(List::of, environment, PasswordLookup.NONE);
        List<String> arguments = new ArrayList<>();
        arguments.add(target());
        arguments.addAll(List.of(args));
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return command.run(
                arguments,
                in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String target() {
        TestServer server = TestServer.shared();
        return "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/" + server.database();
    }

    /** Every JSON document on stdout, in order. */
    private List<JsonNode> documents() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        // One parser over the whole stream: readValues would unwrap a top-level array into its rows.
        try (JsonParser parser = JSON.createParser(stdout())) {
            while (parser.nextToken() != null) {
                documents.add(JSON.readTree(parser));
            }
        }
        return documents;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long rowsInTable() throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void scriptPrintsOneJsonDocumentPerStatement() throws Exception {
        String other = table + "_script";
        String script = "CREATE TABLE " + other + " (id bigint, price numeric(12,2), tags text[], doc jsonb);\n"
                + "INSERT INTO " + other + " VALUES (9007199254740993, 12.50, '{a,b}', '{\"k\": [1, 2.0]}'),"
                + " (2, NULL, '{}', 'null');\n"
                + "SELECT * FROM " + other + " ORDER BY id DESC;\n";
        try {
            int status = run("--sql", script);

            assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
            List<JsonNode> documents = documents();
            assertThat(documents).hasSize(3);
            assertThat(documents.get(0)).isEqualTo(JSON.readTree("{\"command\":\"CREATE TABLE\",\"rows_affected\":0}"));
            assertThat(documents.get(1)).isEqualTo(JSON.readTree("{\"command\":\"INSERT\",\"rows_affected\":2}"));
            JsonNode rows = documents.get(2);
            assertThat(rows.isArray()).isTrue();
            assertThat(rows).hasSize(2);
            JsonNode first = rows.get(0);
            assertThat(first.get("id").isIntegralNumber()).isTrue();
            assertThat(first.get("id").bigIntegerValue()).hasToString("9007199254740993");
            assertThat(first.get("price").decimalValue()).isEqualByComparingTo(new BigDecimal("12.50"));
            // The scale the server sent is kept, not just the value.
            assertThat(stdout()).contains("\"price\":12.50,").contains("\"k\":[1,2.0]");
            assertThat(first.get("tags")).isEqualTo(JSON.readTree("[\"a\",\"b\"]"));
            assertThat(rows.get(1).get("price").isNull()).isTrue();
            assertThat(rows.get(1).get("doc").isNull()).isTrue();
            assertThat(stdout().lines()).hasSize(3);
        } finally {
            execute("DROP TABLE IF EXISTS " + other);
        }
    }

    @Test
    void positionalParametersAreTypedAndARepeatedOneBindsTheSameValue() throws Exception {
        int status =
                run("--sql", "SELECT $1 + 1 AS next, $2 AS label, $1 * 2 AS twice", "--param", "41", "--param", "hi");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        JsonNode row = documents().get(0).get(0);
        assertThat(row.get("next").asInt()).isEqualTo(42);
        assertThat(row.get("twice").asInt()).isEqualTo(82);
        assertThat(row.get("label").asText()).isEqualTo("hi");
    }

    @Test
    void parametersAreBoundAcrossTheStatementsOfAScript() throws Exception {
        int status = run(
                "--sql",
                "INSERT INTO " + table + " VALUES ($1, $2);\nSELECT name FROM " + table + " WHERE id = $1;",
                "--param",
                "7",
                "--param",
                "it's seven");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(1)).isEqualTo(JSON.readTree("[{\"name\":\"it's seven\"}]"));
    }

    @Test
    void namedParametersTakeNameEqualsValue() throws Exception {
        int status = run(
                "--sql",
                "SELECT :greeting || ', ' || :who AS text, :who AS again",
                "--param",
                "who=a=b",
                "--param",
                "greeting=hello");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0)).isEqualTo(JSON.readTree("[{\"text\":\"hello, a=b\",\"again\":\"a=b\"}]"));
    }

    @Test
    void nullParamMakesAParameterNullAndTheOtherValuesFillTheRest() throws Exception {
        int status = run(
                "--sql",
                "SELECT $1::int IS NULL AS first_null, $2::int AS second, $3::text AS third, $4 AS fourth",
                "--null-param",
                "1",
                "--param",
                "5",
                "--null-param",
                "$4",
                "--param",
                "x");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0))
                .isEqualTo(JSON.readTree("[{\"first_null\":true,\"second\":5,\"third\":\"x\",\"fourth\":null}]"));
    }

    @Test
    void jsonbQuestionMarkOperatorStillWorksNextToParameters() throws Exception {
        int status = run(
                "--sql",
                "SELECT $1::jsonb ? 'a' AS has_a, $1::jsonb ?| array['x', 'y'] AS has_x_or_y, $1::jsonb AS doc",
                "--param",
                "{\"a\": [1, 2.50]}");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        JsonNode row = documents().get(0).get(0);
        assertThat(row.get("has_a").asBoolean()).isTrue();
        assertThat(row.get("has_x_or_y").asBoolean()).isFalse();
        assertThat(stdout()).contains("\"doc\":{\"a\":[1,2.50]}");
    }

    @Test
    void badParameterValueIsRefusedBeforeAnythingRuns() throws Exception {
        int status = run(
                "--sql",
                "INSERT INTO " + table + " VALUES (1, 'first');\nINSERT INTO " + table + " VALUES ($1, 'second');",
                "--param",
                "abc");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr())
                .contains("$1 expects integer: \"abc\" is not a number")
                .contains("Nothing was run");
        assertThat(stdout()).isEmpty();
        assertThat(rowsInTable()).isZero();
    }

    @Test
    void missingAndExtraParameterValuesAreNamed() {
        assertThat(run("--sql", "SELECT $1::int, $2::int", "--param", "1")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("no value for $2");

        err.reset();
        assertThat(run("--sql", "SELECT $1::int", "--param", "1", "--param", "2"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("too many --param values").contains("extra: '2'");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void serverErrorShowsSqlStateTheScriptLineAndACaret() throws Exception {
        String script = "SELECT 1 AS one;\nSELECT *\n  FROM no_such_table;\nSELECT 3;\n";

        int status = run("--sql", script);

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(documents()).hasSize(1);
        List<String> lines = stderr().lines().toList();
        assertThat(lines.get(0)).isEqualTo("ERROR 42P01: relation \"no_such_table\" does not exist");
        assertThat(lines.get(1)).isEqualTo("LINE 3:   FROM no_such_table;");
        assertThat(lines.get(2)).isEqualTo(" ".repeat("LINE 3:   FROM ".length()) + "^");
        assertThat(stderr()).contains("statement 2 of 3 (line 2) failed; the 1 statement after it did not run");
    }

    @Test
    void serverErrorDetailIsPrinted() throws Exception {
        execute("INSERT INTO " + table + " VALUES (1, 'taken')");

        int status = run("--sql", "INSERT INTO " + table + " VALUES (1, 'again')");

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr())
                .contains("ERROR 23505: duplicate key value violates unique constraint")
                .contains("DETAIL:  Key (id)=(1) already exists.");
    }

    @Test
    void statementRunningLongerThanTheTimeoutIsCancelled() {
        long started = System.nanoTime();

        int status = run("--sql", "SELECT pg_sleep(20)", "--timeout", "1");

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(15);
        assertThat(stderr())
                .contains("ERROR 57014")
                .contains("timeout of 1 s")
                .contains("--timeout SECONDS (0 for no limit)");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void malformedTimeoutIsABadArgument() {
        assertThat(run("--sql", "SELECT 1", "--timeout", "soon")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("--timeout 'soon' is not a number of seconds");
        err.reset();
        assertThat(run("--sql", "SELECT 1", "--timeout", "-1")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("--timeout must be between 0");
    }

    @Test
    void metaCommandIsRefusedAndNothingBeforeItRuns() throws Exception {
        int status = run("--sql", "INSERT INTO " + table + " VALUES (1, 'one');\n\\d " + table + "\nSELECT 1;");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("Line 2: \\d is a psql meta-command").contains("Nothing was run.");
        assertThat(stdout()).isEmpty();
        assertThat(rowsInTable()).isZero();
    }

    @Test
    void scriptIsReadFromStandardInput() throws Exception {
        int status = runWithInput("SELECT 1 AS one;\nSELECT 'two' AS two;\n");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents()).containsExactly(JSON.readTree("[{\"one\":1}]"), JSON.readTree("[{\"two\":\"two\"}]"));
    }

    @Test
    void scriptIsReadFromAFile() throws Exception {
        Path file = home.resolve("script.sql");
        Files.writeString(file, "-- a comment\nSELECT 'ünïcode' AS text;\n", StandardCharsets.UTF_8);

        int status = run("--file", file.toString());

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents()).containsExactly(JSON.readTree("[{\"text\":\"ünïcode\"}]"));
    }

    @Test
    void missingFileIsABadArgument() {
        int status = run("--file", home.resolve("nope.sql").toString());

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("nope.sql: no such file");
    }

    @Test
    void transactionLeftOpenIsRolledBackWithAWarning() throws Exception {
        int status = run("--sql", "BEGIN;\nINSERT INTO " + table + " VALUES (1, 'one');\n");

        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(documents()).hasSize(2);
        assertThat(stderr()).contains("BEGIN without COMMIT").contains("rolled back");
        assertThat(rowsInTable()).isZero();
    }

    @Test
    void committedTransactionIsKept() throws Exception {
        int status = run("--sql", "BEGIN;\nINSERT INTO " + table + " VALUES (1, 'one');\nCOMMIT;");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(2)).isEqualTo(JSON.readTree("{\"command\":\"COMMIT\",\"rows_affected\":0}"));
        assertThat(stderr()).isEmpty();
        assertThat(rowsInTable()).isOne();
    }

    @Test
    void failureInsideATransactionRollsItBack() throws Exception {
        int status = run("--sql", "BEGIN;\nINSERT INTO " + table + " VALUES (1, 'one');\nSELECT 1/0;\nCOMMIT;");

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("ERROR 22012: division by zero").contains("transaction was rolled back");
        assertThat(rowsInTable()).isZero();
    }

    @Test
    void noticesGoToStandardErrorLikePsql() throws Exception {
        int status = run("--sql", "DO $$ BEGIN RAISE NOTICE 'hello %', 42; END $$");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(stderr()).contains("NOTICE:  hello 42");
        assertThat(documents()).containsExactly(JSON.readTree("{\"command\":\"DO\",\"rows_affected\":0}"));
    }

    @Test
    void repeatedColumnNamesKeepEveryValue() throws Exception {
        int status = run("--sql", "SELECT 1 AS a, 2 AS a, 3 AS a_2");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0)).isEqualTo(JSON.readTree("[{\"a\":1,\"a_3\":2,\"a_2\":3}]"));
    }

    @Test
    void valuesKeepTheirTypesInJson() throws Exception {
        int status = run(
                "--sql",
                "SELECT true AS yes, NULL::int AS nothing, 12345678901234567890.000000000001 AS exact,"
                        + " 'NaN'::float8 AS nan, '-Infinity'::float8 AS minus_infinity, 1.5::real AS real,"
                        + " '[1, {\"x\": null}]'::json AS doc, ARRAY[[1, 2], [3, 4]] AS matrix,"
                        + " '\\x00ff'::bytea AS bytes, '2024-01-31 13:45:00.5'::timestamp AS local,"
                        + " 'infinity'::timestamp AS forever,"
                        + " '2024-02-29'::date AS day, '0044-03-15 BC'::date AS ides, '1 day 02:00:00.25'::interval AS span,"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(documents().get(0).get(0))
                .isEqualTo(JSON.readTree("{\"yes\":true,\"nothing\":null,\"exact\":12345678901234567890.000000000001,"
                        + "\"nan\":\"NaN\",\"minus_infinity\":\"-Infinity\",\"real\":1.5,"
                        + "\"doc\":[1,{\"x\":null}],\"matrix\":[[1,2],[3,4]],\"bytes\":\"\\\\x00ff\","
                        + "\"local\":\"2024-01-31T13:45:00.5\","
                        + "\"forever\":\"infinity\",\"day\":\"2024-02-29\",\"ides\":\"0044-03-15 BC\","
                        + "\"span\":\"1 day 02:00:00.25\","
                        + "\"id\":\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"}"));
        assertThat(stdout()).contains("\"exact\":12345678901234567890.000000000001,");
    }

    @Test
    void prettyOutputIsIndentedAndStillParses() throws Exception {
        int status = run("--sql", "SELECT 1 AS one", "--pretty");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        assertThat(stdout().lines().count()).isGreaterThan(1);
        assertThat(documents()).containsExactly(JSON.readTree("[{\"one\":1}]"));
    }

    @Test
    void wrongPasswordIsAConnectionFailure() {
        QueryCommand command =
                new QueryCommand(List::of, new PgEnvironment(Map.of("PGPASSWORD", "wrong"), home), PasswordLookup.NONE);

        int status = command.run(
                List.of(target(), "--sql", "SELECT 1"),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ExitCodes.CONNECTION_FAILED);
        assertThat(stderr()).contains("could not connect to").contains("28P01");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void twoSourcesAreRefused() {
        assertThat(run("--sql", "SELECT 1", "--file", "x.sql")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("give the SQL one way only");
    }
}
