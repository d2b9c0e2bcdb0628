package dev.pgdesk.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A session of the shared test server running one statement on a thread of its own, as another user of
 * the server would: for tests of the monitor, which must see, cancel and terminate it. Closing it ends the
 * session whatever state it is in.
 */
public final class BackgroundSession implements AutoCloseable {
    private final Connection connection;
    private final int pid;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "background-session");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    private BackgroundSession(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            this.pid = row.getInt(1);
        }
    }

    /** A session of {@code user} in the test database, named {@code applicationName} in pg_stat_activity. */
    public static BackgroundSession open(String user, String applicationName) throws SQLException {
        Connection connection = TestServer.shared().connect(user);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + applicationName.replace("'", "''") + "'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new BackgroundSession(connection);
    }

    /** The session's backend pid. */
    public int pid() {
        return pid;
    }

    /** Runs {@code sql} now, on this thread (for set-up such as BEGIN and UPDATE). */
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Starts {@code sql} on the session's thread and returns at once; the future completes when it ends, or
     * exceptionally with the server's error (57014 when cancelled).
     */
    public CompletableFuture<Void> start(String sql) {
        running = CompletableFuture.runAsync(
                () -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                },
                thread);
        return running;
    }

    /** Waits until the server shows this session in {@code state} (for example {@code active}), or fails. */
    public void awaitState(String state, Duration timeout) throws SQLException, InterruptedException {
        awaitCondition("state = '" + state + "'", "reach state '" + state + "'", timeout);
    }

    /** Waits until this session waits for a lock held by another session, or fails. */
    public void awaitBlocked(Duration timeout) throws SQLException, InterruptedException {
        awaitCondition("cardinality(pg_blocking_pids(pid)) > 0", "wait for a lock", timeout);
    }

    private void awaitCondition(String condition, String what, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection observer = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = observer.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = statement.executeQuery(
                        "SELECT 1 FROM pg_stat_activity WHERE pid = " + pid + " AND " + condition)) {
                    if (row.next()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("session " + pid + " did not " + what + " within " + timeout);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = TestServer.shared().connect(TestServer.SUPERUSER);
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + pid + ")");
        } finally {
            connection.abort(Runnable::run);
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
