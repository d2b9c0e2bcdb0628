package dev.pgdesk.pool;

import static dev.pgdesk.pool.PoolManagerTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.testing.TestServer;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The server restarts under an open session; the app carries on and says what happened. */
@Tag("server")
class ServerRestartTest {
    private final TestServer server = TestServer.shared();
    private final PoolManager pools = new PoolManager();
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void closePools() {
        pools.close();
    }

    private PooledSession openSession(String applicationName) throws Exception {
        ConnectionProfile profile = server.profile("alice")
                .name("restart test")
                .applicationName(applicationName)
                .build();
        PooledSession session = pools.open(profile, server.password("alice"));
        session.addListener(events::add);
        return session;
    }

    @Test
    void theNextQueryAfterARestartWorks() throws Exception {
        PooledSession session = openSession("pgdesk-restart-next");
        String before = session.execute(connection -> query(connection, "SELECT pg_backend_pid()::text"));

        server.server().restart();

        String after = session.execute(connection -> query(connection, "SELECT pg_backend_pid()::text"));
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theOverviewRefreshAfterARestartSaysTheServerRestarted() throws Exception {
        PooledSession session = openSession("pgdesk-restart-summary");
        session.summary();

        server.server().restart();

        assertThat(session.summary().currentUser()).isEqualTo("alice");
        // Whether the pool found the dead connection itself or the query hit it, the user hears of it.
        assertThat(events).extracting(ConnectionEvent::message).contains(PooledSession.RESTARTED);
    }

    @Test
    void aQueryCutOffByTheRestartIsRunAgainAndTheUserIsTold() throws Exception {
        PooledSession session = openSession("pgdesk-restart-running");
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> {
            try {
                return session.execute(connection -> query(connection, "SELECT pg_sleep(1)::text || 'done'"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitUntilRunning("pgdesk-restart-running");

        server.server().restart();

        assertThat(running.get(60, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(events).extracting(ConnectionEvent::message).containsExactly("Connection lost, reconnected.");
        assertThat(events).noneMatch(ConnectionEvent::transactionLost);
    }

    @Test
    void aTransactionOpenDuringTheRestartIsReportedLostAndNotRetried() throws Exception {
        try (var admin = server.connect("postgres");
                var statement = admin.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS restart_probe (id int)");
            statement.execute("GRANT ALL ON restart_probe TO alice");
        }
        PooledSession session = openSession("pgdesk-restart-tx");
        Transaction transaction = session.begin();
        transaction.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO restart_probe VALUES (1)");
            }
            return null;
        });

        server.server().restart();

        assertThatThrownBy(() -> transaction.execute(
                        connection -> query(connection, "SELECT count(*)::text FROM restart_probe")))
                .isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining("transaction was rolled back");
        assertThat(transaction.isOpen()).isFalse();
        assertThat(events).anyMatch(ConnectionEvent::transactionLost);
        String count = session.execute(
                connection -> query(connection, "SELECT count(*)::text FROM restart_probe WHERE id = 1"));
        assertThat(count).isEqualTo("0");
    }

    @Test
    void closingAnUnfinishedTransactionRollsItBack() throws Exception {
        try (var admin = server.connect("postgres");
                var statement = admin.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS rollback_probe (id int)");
            statement.execute("GRANT ALL ON rollback_probe TO alice");
        }
        PooledSession session = openSession("pgdesk-tx-close");
        try (Transaction transaction = session.begin()) {
            transaction.execute(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO rollback_probe VALUES (7)");
                }
                return null;
            });
        }

        String count = session.execute(
                connection -> query(connection, "SELECT count(*)::text FROM rollback_probe WHERE id = 7"));
        assertThat(count).isEqualTo("0");
    }

    private void waitUntilRunning(String applicationName) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (var admin = server.connect("postgres");
                    var statement = admin.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                            + " AND application_name = '" + applicationName + "'")) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the query never started");
    }
}
