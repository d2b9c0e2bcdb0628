package dev.pgdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.query.BoundStatement;
import dev.pgdesk.query.RowCursor;
import dev.pgdesk.task.CancellationToken;
import dev.pgdesk.task.CancelledException;
import dev.pgdesk.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports from a real server: each format, progress, and a cancel that leaves no file. */
@Tag("server")
class ResultExporterTest {
    @TempDir
    Path directory;

    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = TestServer.shared().connect(TestServer.SUPERUSER);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    private RowCursor cursor(String sql, CancellationToken token) throws SQLException {
        return RowCursor.open(connection, BoundStatement.of(sql), 500, Duration.ofSeconds(60), token);
    }

    private String export(String sql, ExportOptions options) throws Exception {
        Path file = directory.resolve("out." + options.format().extension());
        try (RowCursor cursor = cursor(sql, new CancellationToken())) {
            ResultExporter.export(cursor, file, options, progress -> {}, new CancellationToken());
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void csvHasAHeaderRowQuotesWhereNeededAndTellsNullFromEmpty() throws Exception {
        String csv = export(
                "SELECT 1 AS id, 'a,b' AS \"name, full\", NULL::text AS missing, '' AS blank,"
                        + " e'line\\nbreak \"q\"' AS note",
                ExportOptions.of(ExportFormat.CSV));

        assertThat(csv).isEqualTo("id,\"name, full\",missing,blank,note\n1,\"a,b\",,\"\",\"line\nbreak \"\"q\"\"\"\n");
    }

    @Test
    void csvTakesAnotherDelimiter() throws Exception {
        String csv = export(
                "SELECT 1 AS a, 'x;y' AS b", ExportOptions.of(ExportFormat.CSV).withCsvDelimiter(';'));

        assertThat(csv).isEqualTo("a;b\n1;\"x;y\"\n");
    }

    @Test
    void jsonLinesHasOneObjectPerLine() throws Exception {
        String lines = export(
                "SELECT g AS n, '{\"k\": 1}'::jsonb AS doc FROM generate_series(1, 3) g",
                ExportOptions.of(ExportFormat.JSONL));

        assertThat(lines)
                .isEqualTo(
                        "{\"n\":1,\"doc\":{\"k\": 1}}\n{\"n\":2,\"doc\":{\"k\": 1}}\n{\"n\":3,\"doc\":{\"k\": 1}}\n");
    }

    @Test
    void numericCanBeWrittenAsStrings() throws Exception {
        String json = export(
                "SELECT 1.50::numeric AS price, 7::bigint AS count",
                ExportOptions.of(ExportFormat.JSON).withNumericAsString(true));

        assertThat(json).isEqualTo("[{\"price\":\"1.50\",\"count\":7}]\n");
    }

    @Test
    void anEmptyResultIsAnEmptyArray() throws Exception {
        assertThat(export("SELECT 1 AS a WHERE false", ExportOptions.of(ExportFormat.JSON)))
                .isEqualTo("[]\n");
    }

    @Test
    void progressReportsRowsAndBytesAndTheSummaryMatchesTheFile() throws Exception {
        Path file = directory.resolve("progress.jsonl");
        List<ExportProgress> reports = new ArrayList<>();
        ExportProgress done;
        try (RowCursor cursor =
                cursor("SELECT g, md5(g::text) FROM generate_series(1, 20000) g", new CancellationToken())) {
            done = ResultExporter.export(
                    cursor, file, ExportOptions.of(ExportFormat.JSONL), reports::add, new CancellationToken());
        }
        assertThat(done.rows()).isEqualTo(20_000);
        assertThat(done.bytes()).isEqualTo(Files.size(file));
        assertThat(reports).last().isEqualTo(done);
        assertThat(reports).extracting(ExportProgress::rows).isSorted();
    }

    @Test
    void aCancelledExportLeavesNoFileUnderTheTargetNameAndNoTemporaryFile() throws Exception {
        Path file = directory.resolve("big.json");
        CancellationToken token = new CancellationToken();
        try (RowCursor cursor = cursor("SELECT g, repeat('x', 50) FROM generate_series(1, 50000000) g", token)) {
            assertThatThrownBy(() -> ResultExporter.export(
                            cursor,
                            file,
                            ExportOptions.of(ExportFormat.JSON),
                            progress -> {
                                if (progress.rows() > 0) {
                                    token.cancel();
                                }
                            },
                            token))
                    .isInstanceOf(CancelledException.class);
        }
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFailingQueryKeepsTheEarlierFileUnderTheTargetName() throws Exception {
        Path file = directory.resolve("kept.csv");
        Files.writeString(file, "earlier");
        try (RowCursor cursor =
                cursor("SELECT 1 / (g - 5000) FROM generate_series(1, 10000) g", new CancellationToken())) {
            assertThatThrownBy(() -> ResultExporter.export(
                            cursor, file, ExportOptions.of(ExportFormat.CSV), progress -> {}, new CancellationToken()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("division by zero");
        }
        assertThat(Files.readString(file)).isEqualTo("earlier");
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).containsExactly(file);
        }
    }
}
