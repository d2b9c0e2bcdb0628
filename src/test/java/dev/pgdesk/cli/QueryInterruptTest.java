package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ending a {@code pgdesk query} process (Ctrl-C, or a scheduler's kill) cancels its statement on the server
 * instead of leaving it running there. Runs the real command in its own JVM, since it is about the JVM
 * shutting down.
 */
@Tag("server")
class QueryInterruptTest {
    @TempDir
    Path home;

    @Test
    void endingTheProcessCancelsTheRunningStatementOnTheServer() throws Exception {
        String marker = "pgdesk_interrupt_" + UUID.randomUUID().toString().replace("-", "");
        ProcessBuilder builder =
                CliProcess.command(home, "query", "--sql", "SELECT pg_sleep(60) AS " + marker, "--timeout", "0");
        File stderr = home.resolve("stderr.txt").toFile();
        builder.redirectError(stderr).redirectOutput(home.resolve("stdout.txt").toFile());
        Process process = builder.start();
        try {
            assertThat(CliProcess.awaitActiveBackend(marker).isPresent())
                    .as("the statement started on the server")
                    .isTrue();

            // SIGTERM on Unix: the JVM runs its shutdown hooks as it does for Ctrl-C (SIGINT).
            process.destroy();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(CliProcess.awaitNoActiveStatement(marker))
                    .as("the statement stopped on the server")
                    .isTrue();
            assertThat(Files.readString(stderr.toPath(), StandardCharsets.UTF_8))
                    .contains("ERROR 57014")
                    .contains("interrupted; the statement was canceled on the server");
        } finally {
            process.destroyForcibly();
        }
    }
}
