package dev.pgdesk.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.SslMode;
import dev.pgdesk.testing.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class PoolManagerTest {
    private final TestServer server = TestServer.shared();
    private final PoolManager pools = new PoolManager();

    @AfterEach
    void closePools() {
        pools.close();
    }

    private ConnectionProfile alice(String applicationName) {
        return server.profile("alice")
                .name("pool test")
                .applicationName(applicationName)
                .build();
    }

    @Test
    void everyOpenOfAProfileSharesOneSession() throws SQLException {
        ConnectionProfile profile = alice("pgdesk-pool-share");
        PooledSession first = pools.open(profile, server.password("alice"));
        PooledSession second = pools.open(profile, server.password("alice"));

        assertThat(second).isSameAs(first);
        assertThat(pools.isOpen(profile.id())).isTrue();
        assertThat(pools.stats(profile.id()))
                .hasValueSatisfying(stats -> assertThat(stats.maximum()).isEqualTo(PoolManager.MAXIMUM_POOL_SIZE));
    }

    @Test
    void aWrongPasswordFailsWhenTheProfileIsOpened() {
        ConnectionProfile profile = alice("pgdesk-pool-wrong");

        assertThatThrownBy(() -> pools.open(profile, "not the password"))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("28P01");
        assertThat(pools.isOpen(profile.id())).isFalse();
    }

    @Test
    void theMonitorGetsAConnectionWhileEditorQueriesFillThePool() throws Exception {
        ConnectionProfile profile = alice("pgdesk-pool-busy");
        PooledSession session = pools.open(profile, server.password("alice"));
        ExecutorService editors = Executors.newFixedThreadPool(PoolManager.MAXIMUM_POOL_SIZE + 1);
        CountDownLatch started = new CountDownLatch(PoolManager.MAXIMUM_POOL_SIZE);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < PoolManager.MAXIMUM_POOL_SIZE + 1; i++) {
                running.add(editors.submit(() -> session.execute(connection -> {
                    started.countDown();
                    return query(connection, "SELECT pg_sleep(2)::text");
                })));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            String answer = pools.monitor(profile.id()).execute(connection -> query(connection, "SELECT 'monitor'"));

            assertThat(answer).isEqualTo("monitor");
            PoolStats stats = pools.stats(profile.id()).orElseThrow();
            assertThat(stats.active()).isEqualTo(PoolManager.MAXIMUM_POOL_SIZE);
            assertThat(stats.waiting()).isEqualTo(1);
            for (Future<?> editor : running) {
                editor.get(20, TimeUnit.SECONDS);
            }
        } finally {
            editors.shutdownNow();
        }
    }

    @Test
    void aServerThatNeverAnswersDoesNotHoldUpOpeningAnotherProfile() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConnectionProfile stuck = ConnectionProfile.builder()
                    .name("silent")
                    .host("127.0.0.1")
                    .port(silent.getLocalPort())
                    .sslMode(SslMode.DISABLE)
                    .connectTimeoutSeconds(10)
                    .build();
            CompletableFuture<PooledSession> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return pools.open(stuck, "x");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the silent open has begun and holds its profile's lock

            PooledSession other = pools.open(alice("pgdesk-pool-parallel"), server.password("alice"));
            String answer = other.execute(connection -> query(connection, "SELECT 'other'"));

            assertThat(waiting).isNotDone();
            assertThat(answer).isEqualTo("other");
            silent.close();
            assertThat(waiting).failsWithin(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void disconnectingClosesTheProfilesServerConnections() throws SQLException {
        ConnectionProfile profile = alice("pgdesk-pool-close");
        pools.open(profile, server.password("alice")).execute(connection -> query(connection, "SELECT 1::text"));
        assertThat(backendsNamed("pgdesk-pool-close%")).isPositive();

        pools.close(profile.id());

        assertThat(pools.isOpen(profile.id())).isFalse();
        assertThat(backendsNamed("pgdesk-pool-close%")).isZero();
    }

    @Test
    void theSummaryNamesTheUserAndTheEncryption() throws SQLException {
        ConnectionProfile profile = alice("pgdesk-pool-summary");

        ServerSummary summary = pools.open(profile, server.password("alice")).summary();

        assertThat(summary.currentUser()).isEqualTo("alice");
        assertThat(summary.superuser()).isFalse();
        assertThat(summary.database()).isEqualTo(server.database());
        assertThat(summary.sslDescription()).startsWith("TLSv1.");
        assertThat(summary.serverVersion()).startsWith(Integer.toString(server.majorVersion()));
    }

    static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long backendsNamed(String pattern) throws SQLException {
        try (Connection admin = server.connect("postgres");
                Statement statement = admin.createStatement()) {
            // Closing a pool is asynchronous on the server side: wait briefly for backends to exit.
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE '" + pattern + "'")) {
                    rows.next();
                    long count = rows.getLong(1);
                    if (count == 0 || attempt == 49) {
                        return count;
                    }
                }
                sleep(100);
            }
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
