package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pgdesk bench}: its arguments, checked before any server starts, and a small real run. */
class BenchCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return new BenchCommand(() -> {
                    throw new AssertionError("a refused command line must not start the sample server");
                })
                .run(
                        List.of(args),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aRowCountThatIsNotAPositiveNumberIsRefusedWithTheReason() throws Exception {
        assertThat(run("--rows", "many")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(run("--rows", "0")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rows must be a positive whole number, not 'many'");
    }

    @Test
    void aTargetIsRefusedBecauseTheBenchmarkRunsOnTheLocalSampleServer() throws Exception {
        assertThat(run("postgresql://db/prod")).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("local sample server");
    }

    @Test
    @Tag("server")
    void aSmallBenchmarkOnASampleServerOfItsOwnPrintsEveryFigure(@TempDir Path temp) throws Exception {
        // As root the server runs as nobody, who must pass through JUnit's 0700 temp directory.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new BenchCommand(() -> temp.resolve("sample"))
                .run(
                        List.of("--rows", "2000"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("rows                      2,000 (")
                .contains("baseline getString loop")
                .contains("JSON export to file")
                .contains("export / baseline time")
                .contains("peak heap during export")
                .contains("first 100 rows of 20,000")
                .contains("grid memory per row");
    }

    @Test
    void theCommandIsListedInTheOverview() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PgdeskCli().run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bench").contains("Measure JSON export speed");
    }
}
