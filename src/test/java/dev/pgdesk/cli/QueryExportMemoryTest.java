package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pgdesk query --output} as a real process in a 64 MB heap: three million rows (some 400 MB of JSON
 * Lines) are exported, which only works if the rows stream from the server to the file.
 */
@Tag("server")
class QueryExportMemoryTest {
    private static final int ROWS = 3_000_000;

    @TempDir
    Path directory;

    @Test
    void aMultiMillionRowQueryExportsFromTheCommandLineInASmallHeap() throws Exception {
        TestServer server = TestServer.shared();
        Path file = directory.resolve("rows.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-Duser.home=" + directory,
                        "-Dpgdesk.home=" + directory,
                        "-cp",
                        System.getProperty("java.class.path"),
                        PgdeskCli.class.getName(),
                        "query",
                        "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/"
                                + server.database(),
                        "--sql",
                        "SELECT g AS n, repeat('x', 100) AS filler FROM generate_series(1, " + ROWS + ") g",
                        "--timeout",
                        "0",
                        "--output",
                        file.toString()))
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", server.password(TestServer.SUPERUSER));
        builder.environment().remove("PGSERVICE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("pgdesk query did not finish in 120 s");
        }

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("wrote " + ROWS + " rows");
        assertThat(Files.size(file)).isGreaterThan(ROWS * 100L);
        try (var lines = Files.lines(file)) {
            assertThat(lines.count()).isEqualTo(ROWS);
        }
    }
}
