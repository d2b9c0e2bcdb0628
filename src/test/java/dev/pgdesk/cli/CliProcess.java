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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

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
     * The pid of the backend running a statement that contains {@code marker}, waiting up to 20 s for the server
     * to show one; empty if it never does.
     */
    static OptionalInt awaitActiveBackend(String marker) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER)) {
            int[] found = new int[1];
            boolean seen = awaitServer(() -> {
                List<Integer> pids = activeBackends(connection, marker);
                if (!pids.isEmpty()) {
                    found[0] = pids.get(0);
                }
                return !pids.isEmpty();
            });
            return seen ? OptionalInt.of(found[0]) : OptionalInt.empty();
        }
    }

    /** Whether, within 20 s, the server shows no active statement containing {@code marker} any more. */
    static boolean awaitNoActiveStatement(String marker) throws SQLException {
        try (Connection connection = TestServer.shared().connect(TestServer.SUPERUSER)) {
            return awaitServer(() -> activeBackends(connection, marker).isEmpty());
        }
    }

    /** Whether {@code condition}, a look at the server's state, holds within 20 s. */
    private static boolean awaitServer(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** The pids of the other backends running a statement that contains {@code marker}. */
    private static List<Integer> activeBackends(Connection connection, String marker) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE ?"
                        + " AND pid <> pg_backend_pid()")) {
            statement.setString(1, "%" + marker + "%");
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        }
    }
}
