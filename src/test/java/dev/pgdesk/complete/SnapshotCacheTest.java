package dev.pgdesk.complete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "snapshot-loader"));

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static CatalogSnapshot snapshotWith(String table) {
        return CatalogSnapshot.of(
                List.of("public"),
                List.of(SampleCatalog.table("public", table, SampleCatalog.column("id", "integer"))),
                List.of(),
                List.of("public"),
                List.of(),
                Set.of(),
                Instant.now());
    }

    /** A source that hands out numbered snapshots, each load waiting for {@code gate} when one is set. */
    private static final class CountingSource implements SnapshotCache.Source {
        final AtomicInteger loads = new AtomicInteger();
        final AtomicReference<String> loadingThread = new AtomicReference<>();
        volatile CountDownLatch gate;
        volatile CountDownLatch loading = new CountDownLatch(1);

        @Override
        public CatalogSnapshot load() throws SQLException {
            loadingThread.set(Thread.currentThread().getName());
            loading.countDown();
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                try {
                    waitFor.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted", e);
                }
            }
            return snapshotWith("t" + loads.incrementAndGet());
        }
    }

    @Test
    void getAnswersAtOnceWithTheEmptySnapshotWhileTheFirstLoadRunsInTheBackground() throws Exception {
        CountingSource source = new CountingSource();
        source.gate = new CountDownLatch(1);
        SnapshotCache cache = new SnapshotCache(source, executor);

        assertThat(cache.get().isEmpty()).isTrue();
        assertThat(source.loading.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.get().isEmpty()).isTrue();

        CompletableFuture<CatalogSnapshot> loaded = cache.refresh();
        source.gate.countDown();
        loaded.get(5, TimeUnit.SECONDS);

        assertThat(source.loadingThread.get()).isEqualTo("snapshot-loader");
        assertThat(cache.get().relation("public", "t2")).isPresent();
    }

    @Test
    void refreshesAskedForDuringALoadAreMergedIntoOneMore() throws Exception {
        CountingSource source = new CountingSource();
        source.gate = new CountDownLatch(1);
        SnapshotCache cache = new SnapshotCache(source, executor);

        CompletableFuture<CatalogSnapshot> first = cache.refresh();
        assertThat(source.loading.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CatalogSnapshot> second = cache.refresh();
        CompletableFuture<CatalogSnapshot> third = cache.refresh();
        source.gate.countDown();

        assertThat(third).isSameAs(second);
        assertThat(first.get(5, TimeUnit.SECONDS).relation("public", "t1")).isPresent();
        assertThat(second.get(5, TimeUnit.SECONDS).relation("public", "t2")).isPresent();
        assertThat(source.loads).hasValue(2);
    }

    @Test
    void onlyDdlStatementsTriggerARefresh() throws Exception {
        CountingSource source = new CountingSource();
        SnapshotCache cache = new SnapshotCache(source, executor);

        assertThat(cache.afterStatements(
                        List.of("select 1", "insert into t values (1)", "-- create\nupdate t set a = 1")))
                .isFalse();
        assertThat(cache.afterStatements(List.of("select 1", "/* note */ create table t (a int)")))
                .isTrue();
        cache.refresh().get(5, TimeUnit.SECONDS);

        assertThat(source.loads.get()).isPositive();
        assertThat(SnapshotCache.isDdl("ALTER TABLE t ADD b int")).isTrue();
        assertThat(SnapshotCache.isDdl("drop view v")).isTrue();
        assertThat(SnapshotCache.isDdl("COMMENT ON TABLE t IS 'x'")).isTrue();
        assertThat(SnapshotCache.isDdl("do $$ begin end $$")).isTrue();
        assertThat(SnapshotCache.isDdl("select 'create'")).isFalse();
    }

    @Test
    void aCommitAfterDdlRefreshesAgainBecauseOnlyThenOtherConnectionsSeeIt() {
        SnapshotCache cache = new SnapshotCache(new CountingSource(), executor);

        assertThat(cache.afterStatements(List.of("begin", "create table t (a int)")))
                .isTrue();
        assertThat(cache.afterStatements(List.of("insert into t values (1)"))).isFalse();
        assertThat(cache.afterStatements(List.of("commit"))).isTrue();
        assertThat(cache.afterStatements(List.of("commit"))).isFalse();
        assertThat(cache.afterStatements(List.of("begin", "drop table t"))).isTrue();
        assertThat(cache.afterStatements(List.of("rollback", "commit"))).isFalse();
    }

    @Test
    void aFailedLoadKeepsThePreviousSnapshotAndTellsWhy() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SnapshotCache cache = new SnapshotCache(
                () -> {
                    if (calls.incrementAndGet() > 1) {
                        throw new SQLException("connection refused");
                    }
                    return snapshotWith("kept");
                },
                executor);
        cache.refresh().get(5, TimeUnit.SECONDS);

        CompletableFuture<CatalogSnapshot> failed = cache.refresh();

        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("connection refused");
        assertThat(cache.get().relation("public", "kept")).isPresent();
        assertThat(cache.lastFailure()).hasValueSatisfying(e -> assertThat(e).hasMessage("connection refused"));
    }

    @Test
    void listenersHearEachNewSnapshot() throws Exception {
        SnapshotCache cache = new SnapshotCache(new CountingSource(), executor);
        AtomicReference<CatalogSnapshot> heard = new AtomicReference<>();
        cache.addListener(heard::set);

        CatalogSnapshot loaded = cache.refresh().get(5, TimeUnit.SECONDS);

        assertThat(heard.get()).isSameAs(loaded);
    }

    @Test
    void aSourceAndAnExecutorAreRequired() {
        assertThatThrownBy(() -> new SnapshotCache(null, executor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
    }
}
