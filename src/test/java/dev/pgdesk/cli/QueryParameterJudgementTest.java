package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgdesk.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * {@code pgdesk query --param} leaves the verdict on a value to the server (decision record 0016): what the
 * server refuses fails with its own error and nothing runs with a changed value; what it accepts arrives
 * exactly. The oracle is the server's verdict on the same text written as a literal.
 */
@Tag("server")
class QueryParameterJudgementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String table = "cli_judged_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path home;

    @BeforeEach
    void createTable() throws SQLException {
        execute("CREATE TABLE " + table + " (id int, n numeric, f float8, d date)");
    }

    @AfterEach
    void dropTable() throws SQLException {
        execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void aNumericTheServerRefusesFailsWithItsErrorAndPrintsNoRow() throws Exception {
        int status = run("--sql", "select $1::numeric", "--param", "1e131072");

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("22003").contains(literalRefusal("1e131072", "numeric"));
        assertThat(stdout()).doesNotContain("{");
        if (TestServer.shared().majorVersion() >= 14) {
            // From 14 the server says which parameter it was reading; pgdesk names it as the user wrote it.
            assertThat(stderr()).contains("The value of $1 was refused as numeric.");
        }
    }

    @Test
    void floatsBeyondTheirRangeAreRefusedNotRoundedAndNothingIsStored() throws Exception {
        for (String value : List.of("1e400", "1e-400")) {
            out.reset();
            err.reset();
            int status = run("--sql", "INSERT INTO " + table + " (id, f) VALUES (1, $1) RETURNING f", "--param", value);

            assertThat(status).as(value).isEqualTo(ExitCodes.SQL_ERROR);
            assertThat(stderr()).contains("22003").contains(literalRefusal(value, "float8"));
            assertThat(stdout()).doesNotContain("{");
        }
        assertThat(rowsInTable()).isZero();
    }

    @Test
    void nanAndTheInfinitiesArriveAsTheServerReadsThem() throws Exception {
        List<String> values = List.of("NaN", "Infinity", "-Infinity", "inf", "-INF");
        for (String type : List.of("float8", "float4", "numeric")) {
            for (String value : values) {
                out.reset();
                err.reset();
                String literal = literalText(value, type);
                int status = run("--sql", "select $1::" + type + "::text as v", "--param", value);

                if (literal == null) {
                    // numeric has infinities from PostgreSQL 14 on: an older server refuses them itself.
                    assertThat(status).as(type + " " + value).isEqualTo(ExitCodes.SQL_ERROR);
                    assertThat(stderr()).contains("invalid input syntax for type numeric");
                } else {
                    assertThat(status).as(type + " " + value + ": " + stderr()).isEqualTo(ExitCodes.OK);
                    assertThat(rows()).extracting(row -> row.get("v").asText()).containsExactly(literal);
                }
            }
        }
    }

    @Test
    void specialDatesAreStoredAsTheServerReadsThem() throws Exception {
        int status = run(
                "--sql",
                "INSERT INTO " + table + " (id, d) VALUES (1, $1), (2, $2), (3, $3), (4, $4)",
                "--param",
                "infinity",
                "--param",
                "-infinity",
                "--param",
                "epoch",
                "--param",
                "2024-01-01 BC");

        assertThat(status).as(stderr()).isEqualTo(ExitCodes.OK);
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet stored = statement.executeQuery("SELECT d::text FROM " + table + " ORDER BY id")) {
            List<String> dates = new ArrayList<>();
            while (stored.next()) {
                dates.add(stored.getString(1));
            }
            assertThat(dates)
                    .containsExactly(
                            literalText("infinity", "date"),
                            literalText("-infinity", "date"),
                            literalText("epoch", "date"),
                            literalText("2024-01-01 BC", "date"));
        }
    }

    @Test
    void clearlyWrongValuesAreStillRefusedBeforeAnythingRuns() throws Exception {
        int status = run(
                "--sql",
                "INSERT INTO " + table + " (id) VALUES (1);\nINSERT INTO " + table + " (id, f) VALUES (2, $1)",
                "--param",
                "one point five");

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr())
                .contains("$1 expects double precision: \"one point five\" is not a number")
                .contains("Nothing was run");
        assertThat(rowsInTable()).isZero();
    }

    private int run(String... args) {
        return InProcessQuery.run(home, out, err, args);
    }

    /** The rows of the single JSON document on stdout. */
    private List<JsonNode> rows() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(stdout()).forEach(rows::add);
        return rows;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The server's text for the literal, or null when it refuses it. */
    private static String literalText(String text, String type) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT '" + text.replace("'", "''") + "'::" + type + "::text")) {
            rows.next();
            return rows.getString(1);
        } catch (PSQLException e) {
            return null;
        }
    }

    /** The server's own message when it refuses the literal. */
    private static String literalRefusal(String text, String type) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT '" + text.replace("'", "''") + "'::" + type);
            throw new AssertionError("the server accepted '" + text + "' as " + type);
        } catch (PSQLException e) {
            return e.getServerErrorMessage().getMessage();
        }
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
}
