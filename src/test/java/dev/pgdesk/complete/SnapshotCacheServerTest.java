package dev.pgdesk.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.pool.PooledSession;
import dev.pgdesk.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("server")
class SnapshotCacheServerTest {
    private final TestServer server = TestServer.shared();
    private final PoolManager pools = new PoolManager();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final String schema =
            "complete_cache_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() throws SQLException {
        executor.shutdownNow();
        pools.close();
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private PooledSession session() throws SQLException {
        return pools.open(server.profile("postgres").name("completion cache").build(), server.password("postgres"));
    }

    @Test
    void aCacheForAPooledSessionLoadsItsCatalog() throws Exception {
        SnapshotCache cache = SnapshotCache.forSession(session(), executor);

        CatalogSnapshot snapshot = cache.refresh().get(30, TimeUnit.SECONDS);

        assertThat(snapshot.searchPath()).contains("public");
        assertThat(cache.get()).isSameAs(snapshot);
    }

    @Test
    void aTableCreatedInTheEditorIsOfferedAfterTheDdlHookWithoutGetEverBlocking() throws Exception {
        PooledSession session = session();
        CatalogLoader loader = new CatalogLoader();
        AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        CountDownLatch loadStarted = new CountDownLatch(1);
        // Loads wait at the gate once it is set, to show that get() answers with the old snapshot meanwhile.
        SnapshotCache cache = new SnapshotCache(
                () -> {
                    CountDownLatch waitFor = gate.get();
                    if (waitFor != null) {
                        loadStarted.countDown();
                        try {
                            waitFor.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new SQLException("interrupted", e);
                        }
                    }
                    return session.execute(loader::load);
                },
                executor);
        CountDownLatch loadMayFinish = new CountDownLatch(1);
        cache.refresh().get(30, TimeUnit.SECONDS);
        assertThat(cache.get().hasSchema(schema)).isFalse();

        List<String> ran =
                List.of("CREATE SCHEMA " + schema, "CREATE TABLE " + schema + ".shipments (id int, carrier text)");
        session.execute(connection -> {
            try (Statement s = connection.createStatement()) {
                for (String statement : ran) {
                    s.execute(statement);
                }
            }
            return null;
        });
        gate.set(loadMayFinish);
        assertThat(cache.afterStatements(ran)).isTrue();
        CompletableFuture<CatalogSnapshot> next = cache.refresh();
        assertThat(loadStarted.await(30, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        CatalogSnapshot during = cache.get();
        long getMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(during.hasSchema(schema)).isFalse();
        assertThat(getMillis).isLessThan(1_000);

        loadMayFinish.countDown();
        next.get(30, TimeUnit.SECONDS);
        String sql = "select * from " + schema + ".";
        assertThat(CompletionEngine.complete(sql, sql.length(), cache.get()).candidates())
                .extracting(Candidate::text)
                .containsExactly("shipments");
    }
}
