package dev.pgdesk.cli;

import dev.pgdesk.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The {@code pgdesk} command as its own process (its own JVM, its own standard output), against the test
 * server, with a home directory of the test's own, as a user or a scheduler runs it.
 */
final class CliProcess {
    private CliProcess() {}

    /** The shared test server as a URI target; the password comes from PGPASSWORD. */
    static String target() {
        TestServer server = TestServer.shared();
        return "postgresql://" + TestServer.SUPERUSER + "@localhost:" + server.port() + "/" + server.database();
    }

    /** The command line that starts {@code pgdesk} in a JVM of its own, followed by {@code args}. */
    static List<String> pgdesk(String... args) {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PgdeskCli.class.getName()));
        line.addAll(List.of(args));
        return line;
    }

    /** {@code pgdesk <command> <target> <args>}, not started. */
    static ProcessBuilder command(Path home, String command, String... args) {
        List<String> line = pgdesk(command, target());
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put("PGPASSWORD", TestServer.shared().password(TestServer.SUPERUSER));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        return builder;
    }

    /**
     * The pid of the backend running a statement that contains {@code marker}, waiting up to 20 s for it to
     * start; empty if it never does.
     */
    static OptionalInt awaitActiveBackend(String marker) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE ?"
                                + " AND pid <> pg_backend_pid()")) {
            statement.setString(1, "%" + marker + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return OptionalInt.of(rows.getInt(1));
                    }
                }
                Thread.sleep(100);
            }
            return OptionalInt.empty();
        }
    }

    /** Whether, within 20 s, no statement containing {@code marker} is active on the server any more. */
    static boolean awaitNoActiveStatement(String marker) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE ?"
                                + " AND pid <> pg_backend_pid()")) {
            statement.setString(1, "%" + marker + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return true;
                    }
                }
                Thread.sleep(100);
            }
            return false;
        }
    }
}
