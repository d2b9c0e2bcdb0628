package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk query --format/--output} against a real server. */
@Tag("server")
class QueryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path home;

    @TempDir
    Path exports;

    private int run(String... args) {
        return InProcessQuery.run(home, out, err, args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonFormatStreamsEveryRowPastTheDefaultCap() throws Exception {
        int status = run("--sql", "SELECT g AS n FROM generate_series(1, 10005) g", "--format", "json");

        assertThat(status).as(stderr()).isZero();
        JsonNode rows = JSON.readTree(stdout());
        assertThat(rows.size()).isEqualTo(10_005);
        assertThat(rows.get(10_004).get("n").asInt()).isEqualTo(10_005);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void jsonlFormatWritesOneRowPerLineWithByteaAsRowToJsonWritesIt() {
        int status =
                run("--sql", "SELECT g AS n, '\\x00ff'::bytea AS b FROM generate_series(1, 2) g", "--format", "jsonl");

        assertThat(status).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("{\"n\":1,\"b\":\"\\\\x00ff\"}\n{\"n\":2,\"b\":\"\\\\x00ff\"}\n");
    }

    @Test
    void csvFormatHasAHeaderAndTheChosenDelimiter() {
        int status = run(
                "--sql",
                "SELECT 1 AS id, 'a;b' AS name, NULL AS gone, '' AS blank",
                "--format",
                "csv",
                "--delimiter",
                ";");

        assertThat(status).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("id;name;gone;blank\n1;\"a;b\";;\"\"\n");
    }

    @Test
    void tableFormatAlignsColumnsLikePsqlWithNumbersOnTheRight() {
        int status = run("--sql", "SELECT * FROM (VALUES (1, 'one'), (100, NULL)) v(id, word)", "--format", "table");

        assertThat(status).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo(" id  | word\n-----+------\n   1 | one\n 100 |\n(2 rows)\n\n");
    }

    @Test
    void commandResultsGoToStderrSoTheDataStaysClean() {
        int status = run(
                "--sql",
                "CREATE TEMP TABLE fmt (id int); INSERT INTO fmt VALUES (1), (2); SELECT id FROM fmt ORDER BY id",
                "--format",
                "csv");

        assertThat(status).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("id\n1\n2\n");
        assertThat(stderr()).contains("CREATE TABLE 0").contains("INSERT 2");
    }

    @Test
    void outputWritesTheFileInTheFormatOfItsExtensionAndNothingToStdout() throws Exception {
        Path file = exports.resolve("rows.csv");

        int status = run("--sql", "SELECT g AS n FROM generate_series(1, 3) g", "--output", file.toString());

        assertThat(status).as(stderr()).isZero();
        assertThat(Files.readString(file)).isEqualTo("n\n1\n2\n3\n");
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("wrote 3 rows").contains(file.toString());
    }

    @Test
    void aJsonlFileGetsOneObjectPerLine() throws Exception {
        Path file = exports.resolve("rows.jsonl");

        int status = run("--sql", "SELECT g AS n FROM generate_series(1, 2) g", "--output", file.toString());

        assertThat(status).as(stderr()).isZero();
        assertThat(Files.readString(file)).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void outputWithJsonFormatWritesAnArrayOfObjects() throws Exception {
        Path file = exports.resolve("rows.data");

        int status = run(
                "--sql",
                "SELECT 1 AS a, '{\"k\": [1]}'::jsonb AS doc",
                "--output",
                file.toString(),
                "--format",
                "json");

        assertThat(status).as(stderr()).isZero();
        assertThat(Files.readString(file)).isEqualTo("[{\"a\":1,\"doc\":{\"k\": [1]}}]\n");
    }

    @Test
    void aFailingStatementLeavesNoOutputFileAndExitsWithTheSqlErrorStatus() throws Exception {
        Path file = exports.resolve("broken.json");

        int status = run("--sql", "SELECT 1 / (g - 3000) FROM generate_series(1, 5000) g", "--output", file.toString());

        assertThat(status).isEqualTo(ExitCodes.SQL_ERROR);
        assertThat(stderr()).contains("division by zero");
        try (Stream<Path> files = Files.list(exports)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void outputRefusesSqlWithMoreThanOneReadingStatement() {
        int status = run(
                "--sql",
                "SELECT 1; SELECT 2",
                "--output",
                exports.resolve("two.json").toString());

        assertThat(status).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr()).contains("exactly one reading statement").contains("has 2");
    }

    @Test
    void unknownFormatsAndTableFilesAreRefusedBeforeConnecting() {
        assertThat(run("--sql", "SELECT 1", "--format", "xml")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run("--sql", "SELECT 1", "--format", "table", "--output", "t.txt"))
                .isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run("--sql", "SELECT 1", "--output", "rows.xlsx")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(stderr())
                .contains("not one of json, jsonl, csv, table")
                .contains("--format table is for the terminal")
                .contains("say which format");
    }
}
