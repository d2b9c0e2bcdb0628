package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.testing.TestServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        TestServer server = TestServer.shared();
        String marker = "pgdesk_interrupt_" + UUID.randomUUID().toString().replace("-", "");
        String target =
                "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/" + server.database();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PgdeskCli.class.getName(),
                "query",
                target,
                "--sql",
                "SELECT pg_sleep(60) AS " + marker,
                "--timeout",
                "0");
        builder.environment().put("PGPASSWORD", server.password(TestServer.SUPERUSER));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        File stderr = home.resolve("stderr.txt").toFile();
        builder.redirectError(stderr).redirectOutput(home.resolve("stdout.txt").toFile());
        Process process = builder.start();
        try {
            assertThat(awaitRunning(marker, true))
                    .as("the statement started on the server")
                    .isTrue();

            // SIGTERM on Unix: the JVM runs its shutdown hooks as it does for Ctrl-C (SIGINT).
            process.destroy();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(awaitRunning(marker, false))
                    .as("the statement stopped on the server")
                    .isTrue();
            assertThat(Files.readString(stderr.toPath(), StandardCharsets.UTF_8))
                    .contains("ERROR 57014")
                    .contains("interrupted; the statement was canceled on the server");
        } finally {
            process.destroyForcibly();
        }
    }

    /** Waits up to 20 s until a statement containing {@code marker} is (or is no longer) running. */
    private static boolean awaitRunning(String marker, boolean running) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE ?"
                                + " AND pid <> pg_backend_pid()")) {
            statement.setString(1, "%" + marker + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if ((rows.getLong(1) > 0) == running) {
                        return true;
                    }
                }
                Thread.sleep(100);
            }
            return false;
        }
    }
}
