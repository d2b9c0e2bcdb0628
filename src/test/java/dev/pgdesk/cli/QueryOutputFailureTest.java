package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line fails loudly when its output is lost or its server stops answering, as a scheduler needs:
 * each test runs the real command in its own process, with a real full disk ({@code /dev/full}), a real
 * closed pipe and a real stopped backend.
 */
@Tag("server")
class QueryOutputFailureTest {
    @TempDir
    Path home;

    static Stream<Arguments> commandsThatWriteOutput() {
        String rows = "SELECT g AS n FROM generate_series(1, 3) g";
        return Stream.of(
                Arguments.of("query", List.of("--sql", rows)),
                Arguments.of("query", List.of("--sql", rows, "--format", "json")),
                Arguments.of("query", List.of("--sql", rows, "--format", "jsonl")),
                Arguments.of("query", List.of("--sql", rows, "--format", "csv")),
                Arguments.of("query", List.of("--sql", rows, "--format", "table")),
                Arguments.of("query", List.of("--sql", rows, "--format", "csv", "--output", "/dev/full")),
                Arguments.of("activity", List.of()),
                Arguments.of("explain", List.of("--sql", rows)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("commandsThatWriteOutput")
    void aFullDiskEndsTheRunWithAMessageAndStatusOne(String command, List<String> args) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "a system with /dev/full");
        File stderr = home.resolve("stderr.txt").toFile();
        Process process = CliProcess.command(home, command, args.toArray(String[]::new))
                .redirectOutput(new File("/dev/full"))
                .redirectError(stderr)
                .start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String errors = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(errors).isEqualTo(ExitCodes.FAILURE);
            assertThat(errors)
                    .contains("pgdesk " + command + ": ")
                    .contains("No space left on device")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aClosedPipeStopsAtOnceCancelsTheQueryAndExitsQuietlyWithAFailure() throws Exception {
        String marker = "pgdesk_pipe_" + UUID.randomUUID().toString().replace("-", "");
        // 100 million rows: streaming them all would take minutes, so a quick end shows the run stopped.
        Process process = CliProcess.command(
                        home,
                        "query",
                        "--sql",
                        "SELECT a, g AS " + marker + " FROM generate_series(1, 1000) a, generate_series(1, 100000) g",
                        "--format",
                        "jsonl",
                        "--timeout",
                        "0")
                .redirectError(home.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader rows =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(rows.readLine()).startsWith("{\"a\":1,");

            rows.close(); // what `| head -1` does after its line

            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("the run stopped when its reader went away")
                    .isTrue();
            String errors = Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(errors).isNotZero();
            assertThat(errors).doesNotContain("could not write").doesNotContain("Exception");
            assertThat(CliProcess.awaitNoActiveStatement(marker))
                    .as("no statement of the run is left active on the server")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aStoppedBackendIsGivenUpAfterTheTimeoutAndItsGrace() throws Exception {
        String marker = "pgdesk_stopped_" + UUID.randomUUID().toString().replace("-", "");
        Duration timeout = Duration.ofSeconds(2);
        Process process = CliProcess.command(
                        home,
                        "query",
                        "--sql",
                        "SELECT pg_sleep(60) AS " + marker,
                        "--timeout",
                        Long.toString(timeout.toSeconds()))
                .redirectError(home.resolve("stderr.txt").toFile())
                .redirectOutput(home.resolve("stdout.txt").toFile())
                .start();
        OptionalInt backend = OptionalInt.empty();
        try {
            backend = CliProcess.awaitActiveBackend(marker);
            assertThat(backend).as("the statement started on the server").isPresent();
            signal(backend.getAsInt(), "STOP");
            long stopped = System.nanoTime();

            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
            Duration waited = Duration.ofNanos(System.nanoTime() - stopped);

            String errors = Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8);
            assertThat(waited)
                    .as(errors)
                    .isLessThan(timeout.plus(ServerDeadline.GRACE).plusSeconds(5));
            assertThat(process.exitValue()).as(errors).isEqualTo(ExitCodes.CONNECTION_FAILED);
            assertThat(errors)
                    .contains("pgdesk query: the server did not answer")
                    .contains("after the timeout of 2 s")
                    .doesNotContain("Exception");
            assertThat(Files.readString(home.resolve("stdout.txt"))).isEmpty();
        } finally {
            if (backend.isPresent()) {
                signal(backend.getAsInt(), "CONT");
            }
            process.destroyForcibly();
        }
    }

    @Test
    void jsonOfAStatementThatFailsAfterSomeRowsIsNotACompleteDocument() throws Exception {
        // The first fetch (1000 rows) is written before row 3000 fails.
        Process process = CliProcess.command(
                        home,
                        "query",
                        "--sql",
                        "SELECT 1 / (3000 - g) AS x FROM generate_series(1, 5000) g",
                        "--format",
                        "json")
                .redirectError(home.resolve("stderr.txt").toFile())
                .redirectOutput(home.resolve("stdout.txt").toFile())
                .start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String errors = Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8);
            String json = Files.readString(home.resolve("stdout.txt"), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(errors).isEqualTo(ExitCodes.SQL_ERROR);
            assertThat(errors).contains("ERROR 22012: division by zero");
            assertThat(json).as("some rows were written").startsWith("[{\"x\":0}");
            assertThatThrownBy(() -> new ObjectMapper().readTree(json))
                    .as("what was written does not parse as a complete result")
                    .isInstanceOf(JsonProcessingException.class);
        } finally {
            process.destroyForcibly();
        }
    }

    private static void signal(int pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Integer.toString(pid))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue())
                .as(new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }
}
