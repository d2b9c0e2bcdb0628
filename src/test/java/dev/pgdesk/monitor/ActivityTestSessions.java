package dev.pgdesk.monitor;

import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Sessions a monitoring test watches: each with its own connection and an application_name unique to the
 * test, so that tests running at the same time on the shared server never see or signal each other's.
 * Closing terminates every one of them that still runs.
 */
final class ActivityTestSessions implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private final TestServer server = TestServer.shared();
    private final String prefix =
            "pgdesk-activity-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "activity-test-session");
        thread.setDaemon(true);
        return thread;
    });

    /** A connection as {@code user} named {@code <prefix>-<name>}; its statements give up after 30 s anyway. */
    Connection open(String user, String name) throws SQLException {
        return open(user, TestServer.DATABASE, name);
    }

    /** Like {@link #open(String, String)}, to {@code database}. */
    Connection open(String user, String database, String name) throws SQLException {
        Connection connection = server.connect(user, database);
        connections.add(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + application(name) + "'");
            statement.execute("SET statement_timeout = '30s'");
        }
        return connection;
    }

    /** The application_name of the session opened as {@code name}. */
    String application(String name) {
        return prefix + "-" + name;
    }

    /** Whether {@code session} is one of this test's. */
    boolean ours(SessionActivity session) {
        return session.application().startsWith(prefix);
    }

    static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Runs {@code sql} on {@code connection} in a background thread. */
    Future<Void> runInBackground(Connection connection, String sql) {
        return background.submit(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /** Reads snapshots through {@code monitor} until one has a session {@code condition} accepts. */
    static SessionActivity awaitSession(Connection monitor, Predicate<SessionActivity> condition)
            throws SQLException, InterruptedException {
        ActivityReader reader = new ActivityReader();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Optional<SessionActivity> found = reader.activity(monitor).sessions().stream()
                    .filter(condition)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No session matched within " + DEADLINE);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the backend {@code pid} has left pg_stat_activity. */
    void awaitGone(int pid) throws SQLException, InterruptedException {
        try (Connection check = server.connect(TestServer.SUPERUSER);
                PreparedStatement statement =
                        check.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            statement.setInt(1, pid);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (true) {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getInt(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("pid " + pid + " still runs after " + DEADLINE);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try (Connection cleanup = server.connect(TestServer.SUPERUSER);
                PreparedStatement statement =
                        cleanup.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE application_name LIKE ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, prefix + "-%");
            statement.execute();
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Terminated above: closing a dead connection may complain; nothing is left to free.
                }
            }
            background.shutdownNow();
        }
    }
}
